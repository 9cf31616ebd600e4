project = "reStructuredText host"
extensions = ["quizgen"]
html_theme = "basic"
