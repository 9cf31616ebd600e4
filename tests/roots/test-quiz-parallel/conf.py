project = "Parallel"
extensions = ["myst_parser", "quizgen"]
html_theme = "basic"
