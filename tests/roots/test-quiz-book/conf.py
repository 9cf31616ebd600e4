project = "Quiz book"
version = "1.0"
copyright = "2026, Test author"
extensions = ["myst_parser", "quizgen"]
html_theme = "basic"
show_warning_types = True  # the default from Sphinx 8; 7.4 needs it said
