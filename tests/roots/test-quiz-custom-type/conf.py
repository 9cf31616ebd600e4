import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "types"))

from year_type import Year

from quizgen.types import register

register(Year(), replace=True)

project = "A type of our own"
extensions = ["myst_parser", "quizgen"]
html_theme = "basic"
