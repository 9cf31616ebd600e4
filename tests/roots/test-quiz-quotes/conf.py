project = "Quotes"
extensions = ["myst_parser", "quizgen"]
show_warning_types = True
