"""A Jupyter Book 1 project adds quizgen through ``sphinx: extra_extensions`` and gets a quiz.

Jupyter Book 1 pins Sphinx 7, so this runs in ``make test-compat`` (``.venv-compat``); the
main test venv, on the newest Sphinx, has no Jupyter Book and skips it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

BOOK = Path(__file__).resolve().parent / "jupyter-book"

pytestmark = pytest.mark.slow


def build_book(tmp_path: Path, *extra: str) -> Path:
    """``jupyter-book build`` of a copy of the book, warnings as errors; returns the HTML folder."""
    pytest.importorskip("jupyter_book", reason="Jupyter Book 1 lives in .venv-compat")
    source = tmp_path / "book"
    shutil.copytree(BOOK, source)
    command = [
        str(Path(sys.executable).parent / "jupyter-book"),
        "build", "-W", "-n", "--keep-going", *extra, str(source),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return source / "_build" / extra[-1] if extra else source / "_build" / "html"


def test_jupyter_book_build_shows_a_working_quiz(tmp_path: Path) -> None:
    out = build_book(tmp_path)
    page = BeautifulSoup((out / "check.html").read_text(encoding="utf-8"), "html.parser")
    quiz = page.select_one("div.qz-quiz[data-qz-bank=book]")
    assert quiz is not None
    assert [f["id"].rsplit("-", 1)[-1] for f in quiz.select("form.qz-question")] == [
        "capital",
        "boiling",
    ]
    assert quiz.select_one(".qz-choices > li") is not None  # the runtime adds the radios
    assert quiz.select_one(".qz-unit").get_text(strip=True) == "°C"
    scripts = [s["src"] for s in page.select("script[src]") if "quizgen.js" in s["src"]]
    styles = [s["href"] for s in page.select("link[rel=stylesheet]") if "quizgen.css" in s["href"]]
    assert scripts and styles
    assert (out / "_static" / "quizgen.js").is_file()
    assert (out / "_static" / "quizgen.css").is_file()
    intro = (out / "intro.html").read_text(encoding="utf-8")
    assert "quizgen.js" not in intro  # only pages with a quiz carry the runtime
    review = quiz.select_one(".qz-review a")
    assert review is not None and review["href"] == "#check-yourself"


def test_jupyter_book_singlehtml_build_links_the_runtime(tmp_path: Path) -> None:
    out = build_book(tmp_path, "--builder", "singlehtml")
    html = (out / "intro.html").read_text(encoding="utf-8")
    assert "qz-quiz" in html
    assert "quizgen.js" in html
    assert "quizgen.css" in html
