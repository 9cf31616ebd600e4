project = "Quiz basics"
extensions = ["myst_parser", "quizgen"]
html_theme = "basic"
suppress_warnings = []
templates_path = ["_templates"]
show_warning_types = True  # the default from Sphinx 8; 7.4 needs it said
