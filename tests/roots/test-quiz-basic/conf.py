project = "Quiz basics"
extensions = ["myst_parser", "quizgen"]
html_theme = "basic"
suppress_warnings = []
templates_path = ["_templates"]
