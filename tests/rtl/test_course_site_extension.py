"""The quizgen.course extension on a tiny project: RTL markup, Persian digits, search, sitemap."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[2] / "source"

INDEX = """\
آزمایش
======

کتاب‌ها و مقاله‌ها دربارهٔ قدرت نرم [#note]_.

#. یکم
#. دوم

.. code-block:: python

   print(1)

.. [#note] یادداشت.
"""


def _build(make_app: object, tmp_path: Path, language: str) -> Path:
    (tmp_path / "index.rst").write_text(INDEX, encoding="utf-8")
    (tmp_path / "conf.py").write_text(
        "extensions = ['quizgen.course']\n"
        "html_theme = 'furo'\n"
        "copyright = '2026, The course team'\n"
        f"locale_dirs = [{str(SOURCE.parent / 'locales')!r}]\n"
        "course_languages = ['en', 'fa']\n"
        "course_baseurl = 'https://example.org/course'\n",
        encoding="utf-8",
    )
    app = make_app("html", srcdir=tmp_path, confoverrides={"language": language})  # type: ignore[operator]
    app.build()
    assert not app._warning.getvalue(), app._warning.getvalue()
    return Path(app.outdir)


@pytest.fixture
def persian_site(make_app: object, tmp_path: Path) -> Path:
    return _build(make_app, tmp_path, "fa")


def test_html_element_carries_lang_and_dir(persian_site: Path) -> None:
    html = (persian_site / "index.html").read_text("utf-8")
    assert re.search(r'<html class="no-js" lang="fa" dir="rtl"', html)


def test_generated_numbers_use_persian_digits(persian_site: Path) -> None:
    html = (persian_site / "index.html").read_text("utf-8")
    reference = html.split('class="footnote-reference', 1)[1].split("</a>", 1)[0]
    assert ">۱<" in reference
    label = html.split('<span class="label">', 1)[1].split("</span></span>", 1)[0]
    assert ">۱</a>" in label
    assert "۲۰۲۶" in html.split("<footer>", 1)[1]
    assert '<span class="mi">1</span>' in html  # code keeps its digits


def test_search_index_holds_normalised_stems(persian_site: Path) -> None:
    index = (persian_site / "searchindex.js").read_text("utf-8")
    terms = json.loads(index[len("Search.setIndex(") : -1])["terms"]
    assert "کتاب" in terms  # کتاب‌ها: no ZWNJ, no plural suffix
    assert "مقال" in terms  # مقاله‌ها
    language_data = (persian_site / "_static" / "language_data.js").read_text("utf-8")
    assert "PersianSearch" in language_data
    assert "var splitQuery" in language_data


def test_sitemap_and_404_use_the_base_url(persian_site: Path) -> None:
    sitemap = (persian_site / "sitemap.xml").read_text("utf-8")
    assert "<loc>https://example.org/course/fa/index.html</loc>" in sitemap
    assert 'hreflang="en" href="https://example.org/course/en/index.html"' in sitemap
    not_found = (persian_site / "404.html").read_text("utf-8")
    assert '<base href="/course/fa/">' in not_found
    assert "صفحه پیدا نشد" in not_found
    assert 'title="پیوند به این بخش"' in (persian_site / "index.html").read_text("utf-8")


def test_english_build_is_left_to_right(make_app: object, tmp_path: Path) -> None:
    site = _build(make_app, tmp_path, "en")
    html = (site / "index.html").read_text("utf-8")
    assert 'lang="en"' in html and 'dir="rtl"' not in html
    assert "rtl.css" not in html
    assert "2026" in html.split("<footer>", 1)[1]
