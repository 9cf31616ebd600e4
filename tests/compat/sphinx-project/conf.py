project = "A Sphinx project with quizzes"
extensions = ["myst_parser", "quizgen"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
version = "1.0"
copyright = "2026, Test author"
show_warning_types = True
