"""Every builder a book author uses gives a sensible quiz: interactive, printable or extracted."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = "quiz-book"


def assert_runtime_linked(page: str) -> None:
    soup = BeautifulSoup(page, "html.parser")
    assert soup.select("form.qz-question"), "no quiz form"
    assert any("quizgen.js" in s["src"] for s in soup.select("script[src]"))
    assert any("quizgen.css" in s["href"] for s in soup.select("link[rel=stylesheet]"))


@pytest.mark.parametrize(
    ("builder", "page"),
    [("html", "chapter-one.html"), ("dirhtml", "chapter-one/index.html")],
)
def test_html_builders_link_the_runtime_on_quiz_pages_only(
    make_app, rootdir: Path, tmp_path: Path, builder: str, page: str
) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / f"test-{ROOT}", srcdir)
    app = make_app(builder, srcdir=srcdir)
    app.build()
    assert app.warning.getvalue() == ""
    out = Path(app.outdir)
    assert_runtime_linked((out / page).read_text(encoding="utf-8"))
    assert "quizgen.js" not in (out / "index.html").read_text(encoding="utf-8")
    assert (out / "_static" / "quizgen.js").is_file()


@pytest.mark.sphinx("singlehtml", testroot=ROOT, srcdir=f"{ROOT}-singlehtml")
def test_singlehtml_links_the_runtime_though_the_root_page_has_no_quiz(app) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert_runtime_linked(page)
    assert len(BeautifulSoup(page, "html.parser").select("div.qz-quiz")) == 2
    assert (Path(app.outdir) / "_static" / "quizgen.js").is_file()


@pytest.mark.sphinx("epub", testroot=ROOT, srcdir=f"{ROOT}-epub")
def test_epub_pages_carry_the_runtime_and_the_book_packs_it(app) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    out = Path(app.outdir)
    page = (out / "chapter-one.xhtml").read_text(encoding="utf-8")
    assert_runtime_linked(page)
    assert "quizgen.js" not in (out / "index.xhtml").read_text(encoding="utf-8")
    with zipfile.ZipFile(next(out.glob("*.epub"))) as book:
        names = book.namelist()
    assert any(n.endswith("_static/quizgen.js") for n in names)
    assert any(n.endswith("_static/quizgen.css") for n in names)


@pytest.mark.sphinx("latex", testroot=ROOT, srcdir=f"{ROOT}-latex")
def test_latex_prints_keys_at_the_end_with_working_review_links(app) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    key = tex.index(r"\chapter{Answer key}")
    assert tex.index("Which city is the capital") < tex.index(r"\chapter{Chapter two}") < key
    assert tex.index("b) Paris", key) > key  # the key names the letter the list prints
    assert r"\sphinxsetlistlabels{\alph}{enumii}{enumiii}{}{)}" in tex
    assert tex.index("Boiling check", key) > key
    assert r"100 \(\pm\) 1 °C" in tex
    targets = re.findall(r"\\hyperref\[\\detokenize\{([^}]+)\}\]", tex)
    assert "chapter-one:one-facts" in targets
    for target in targets:
        assert rf"\label{{\detokenize{{{target}}}}}" in tex, target
    assert not list(Path(app.outdir).rglob("quizgen.js"))


@pytest.mark.sphinx(
    "latex",
    testroot=ROOT,
    srcdir=f"{ROOT}-latex-chapter",
    confoverrides={"quizgen_latex_answer_key": "chapter"},
)
def test_latex_can_print_each_key_at_the_end_of_its_chapter(app) -> None:
    app.build()
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    one, two = tex.index(r"\chapter{Chapter one}"), tex.index(r"\chapter{Chapter two}")
    assert one < tex.index("b) Paris") < two
    assert two < tex.index(r"100 \(\pm\) 1 °C")
    assert r"\chapter{Answer key}" not in tex


@pytest.mark.sphinx(
    "latex",
    testroot=ROOT,
    srcdir=f"{ROOT}-latex-quiz",
    confoverrides={"quizgen_latex_answer_key": "quiz"},
)
def test_latex_can_keep_the_key_under_its_quiz(app) -> None:
    app.build()
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert tex.index("Which city") < tex.index("Answer key") < tex.index(r"\chapter{Chapter two}")


@pytest.mark.sphinx("text", testroot=ROOT, srcdir=f"{ROOT}-text")
def test_text_choices_carry_the_letters_the_key_uses(app) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    text = (Path(app.outdir) / "chapter-one.txt").read_text(encoding="utf-8")
    assert "a) Lyon" in text
    assert "b) Paris" in text
    assert text.index("b) Paris", text.index("Answer key")) > 0
    assert "____ °C" in (Path(app.outdir) / "chapter-two.txt").read_text(encoding="utf-8")


@pytest.mark.sphinx("gettext", testroot=ROOT, srcdir=f"{ROOT}-gettext")
def test_gettext_extracts_the_page_but_never_the_bank(app) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    pot = (Path(app.outdir) / "chapter-one.pot").read_text(encoding="utf-8")
    assert 'msgid "Paris is the capital of France."' in pot
    assert "Which city" not in pot
