"""quizgen.course beyond Furo and Persian: another theme, Hebrew and Arabic, invalid options."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

INDEX = "Title\n=====\n\nText [#n]_.\n\n#. one\n#. two\n\n.. [#n] A note.\n"


def _build(make_app: object, tmp_path: Path, language: str, conf: str) -> tuple[Path, str]:
    (tmp_path / "index.rst").write_text(INDEX, encoding="utf-8")
    (tmp_path / "conf.py").write_text(
        "extensions = ['quizgen.course']\ncopyright = '2026, Someone'\n" + conf, encoding="utf-8"
    )
    app = make_app("html", srcdir=tmp_path, confoverrides={"language": language})  # type: ignore[operator]
    app.build()
    return Path(app.outdir), app._warning.getvalue()


def test_hebrew_on_alabaster_is_rtl_without_furo_parts(make_app: object, tmp_path: Path) -> None:
    site, warnings = _build(
        make_app, tmp_path, "he", "html_theme = 'alabaster'\ncourse_languages = ['en', 'he']\n"
    )
    assert not warnings, warnings
    html = (site / "index.html").read_text("utf-8")
    assert re.search(r'<html lang="he" dir="rtl"', html)
    assert "rtl.css" in html and "rtl-furo.css" not in html and "arabic-script.css" not in html
    assert 'class="course-editions-inline course-editions-always"' in html
    assert 'hreflang="en" data-edition="en">English</a>' in html
    assert (site / "404.html").is_file()


def test_arabic_numbering_can_be_chosen(make_app: object, tmp_path: Path) -> None:
    site, warnings = _build(
        make_app,
        tmp_path,
        "ar",
        "html_theme = 'furo'\ncourse_languages = ['en', 'ar']\ncourse_numbering = {'ar': 'arab'}\n",
    )
    assert not warnings, warnings
    html = (site / "index.html").read_text("utf-8")
    assert "٢٠٢٦" in html.split("<footer", 1)[1]
    assert "digits-arab.css" in html and "arabic-script.css" in html
    assert 'title="رابط إلى هذا القسم"' in html  # the course catalog's Arabic labels
    assert "ArabicSearch" in (site / "_static" / "language_data.js").read_text("utf-8")


def test_invalid_option_warns_and_uses_the_default(make_app: object, tmp_path: Path) -> None:
    site, warnings = _build(
        make_app, tmp_path, "en", "html_theme = 'furo'\ncourse_numbering = {'en': 'roman'}\n"
    )
    assert "course_numbering = {'en': 'roman'} is not valid" in warnings
    assert "[quizgen.course_config]" in warnings
    assert (site / "index.html").is_file()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_single_edition_has_no_edition_switch(
    make_app: object, tmp_path: Path, language: str
) -> None:
    site, warnings = _build(make_app, tmp_path, language, "html_theme = 'furo'\n")
    assert not warnings, warnings
    html = (site / "index.html").read_text("utf-8")
    assert "course-editions" not in html


def test_author_guide_lists_every_option() -> None:
    from quizgen.course.config import option_help

    page = Path(__file__).resolve().parents[2] / "source" / "authoring" / "new-module.md"
    text = page.read_text("utf-8")
    missing = [name for name, _default, _help in option_help() if f"`{name}`" not in text]
    assert not missing, missing
