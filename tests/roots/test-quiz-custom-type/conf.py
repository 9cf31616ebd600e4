from year_type import Year  # tests/types/year_type.py, on the path in tests/conftest.py

from quizgen.types import register

register(Year(), replace=True)

project = "A type of our own"
extensions = ["myst_parser", "quizgen"]
html_theme = "basic"
