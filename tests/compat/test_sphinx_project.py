"""A plain Sphinx project with a MyST page and a reST page, each holding a quiz."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

PROJECT = Path(__file__).resolve().parent / "sphinx-project"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    source = tmp_path / "project"
    shutil.copytree(PROJECT, source)
    return source


def test_myst_and_rst_pages_both_show_their_quiz(make_app, project: Path) -> None:
    app = make_app("html", srcdir=project)
    app.build()
    assert app.statuscode == 0
    assert app.warning.getvalue() == ""
    out = Path(app.outdir)
    myst = BeautifulSoup((out / "myst-page.html").read_text(encoding="utf-8"), "html.parser")
    rst = BeautifulSoup((out / "rst-page.html").read_text(encoding="utf-8"), "html.parser")
    assert [f["id"].rsplit("-", 1)[-1] for f in myst.select("form.qz-question")] == ["capital"]
    assert [f["id"].rsplit("-", 1)[-1] for f in rst.select("form.qz-question")] == ["boiling"]
    objectives = [li.get_text(strip=True) for li in myst.select("li") if not li.find_parent("form")]
    assert "Recall the chapter's facts." in objectives  # the quiz-objectives directive
    for page in (myst, rst):
        assert any("quizgen.js" in s["src"] for s in page.select("script[src]"))
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "quizgen.js" not in index
