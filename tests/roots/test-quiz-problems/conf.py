project = "Bank problems"
extensions = ["myst_parser", "quizgen"]
html_theme = "basic"
