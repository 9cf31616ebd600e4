project = "Hostile"
extensions = ["myst_parser", "quizgen"]
html_theme = "basic"
