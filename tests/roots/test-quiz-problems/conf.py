project = "Bank problems"
extensions = ["myst_parser", "quizgen"]
html_theme = "basic"
show_warning_types = True  # the default from Sphinx 8; 7.4 needs it said
