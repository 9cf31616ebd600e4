"""A project straight from ``quizgen new`` builds with -W, and its editions read as they should."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

#: A sentence of the sample unit in each edition, proving its catalog was applied.
UNIT_SENTENCE = {
    "en": "Answering questions about what you have just read",
    "fa": "پاسخ دادن به پرسش‌هایی دربارهٔ متنی که تازه خوانده‌اید",
    "ar": "الإجابة عن أسئلة حول ما قرأته للتو",
}
QUIZ_TITLE = {
    "en": "Quiz: learning by checking yourself",
    "fa": "آزمونک: یادگیری با سنجیدن خود",
    "ar": "اختبار: التعلّم بتقييم نفسك",
}


def editions(site: Path) -> list[str]:
    return sorted(path.parent.name for path in site.glob("*/index.html"))


def test_each_edition_has_its_text_its_bank_and_its_direction(built_project: Path) -> None:
    for language in editions(built_project):
        unit = (built_project / language / "unit-1.html").read_text("utf-8")
        assert UNIT_SENTENCE[language] in unit
        assert QUIZ_TITLE[language] in unit
        rtl = language in {"fa", "ar"}
        for page in (built_project / language).glob("*.html"):
            html_tag = re.search(r"<html[^>]*>", page.read_text("utf-8"))
            assert html_tag is not None
            assert ('dir="rtl"' in html_tag.group(0)) == rtl, page


def test_site_root_sitemaps_and_404_pages(built_project: Path) -> None:
    languages = editions(built_project)
    for name in ("index.html", "404.html", "sitemap.xml", "robots.txt", "choose-edition.js"):
        assert (built_project / name).is_file(), name
    chooser = (built_project / "index.html").read_text("utf-8")
    for language in languages:
        assert f'href="{language}/index.html"' in chooser
        sitemap = (built_project / language / "sitemap.xml").read_text("utf-8")
        assert f"{language}/unit-1.html</loc>" in sitemap
        assert sitemap.count("hreflang=") == len(languages) * 4  # four documents
        assert (built_project / language / "404.html").is_file()


def test_persian_edition_writes_generated_numbers_in_persian(built_project: Path) -> None:
    if "fa" not in editions(built_project):
        pytest.skip("no Persian edition in this language set")
    index = (built_project / "fa" / "index.html").read_text("utf-8")
    assert "۲۰۲۶" in index.split("<footer", 1)[1]
    assert "digits-arabext.css" in index and "arabic-script.css" in index
