"""quizgen.course.root: the files above the editions, checked on a tiny stand-in site."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from quizgen.course import root as site_root

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def editions(tmp_path: Path) -> Path:
    for language in ("en", "fa"):
        (tmp_path / language).mkdir()
        (tmp_path / language / "index.html").write_text("<!doctype html>", encoding="utf-8")
    return tmp_path


def test_writes_chooser_404_sitemap_index_and_robots(editions: Path) -> None:
    site_root.write_root(editions, "https://example.org/course/")
    names = {path.name for path in editions.iterdir()}
    assert {"index.html", "404.html", "sitemap.xml", "robots.txt", ".nojekyll"} <= names
    assert (editions / "choose-edition.js").read_text("utf-8").startswith("// @ts-check")


def test_sitemap_index_points_at_each_edition(editions: Path) -> None:
    site_root.write_root(editions, "https://example.org/course/")
    root = ET.parse(editions / "sitemap.xml").getroot()
    locs = [loc.text for loc in root.findall("sm:sitemap/sm:loc", NS)]
    assert locs == [
        "https://example.org/course/en/sitemap.xml",
        "https://example.org/course/fa/sitemap.xml",
    ]
    robots = (editions / "robots.txt").read_text("utf-8")
    assert "Sitemap: https://example.org/course/sitemap.xml" in robots


def test_chooser_links_both_editions_without_javascript(editions: Path) -> None:
    site_root.write_root(editions, "https://example.org/course/")
    html = (editions / "index.html").read_text("utf-8")
    assert 'href="en/index.html"' in html
    assert 'href="fa/index.html"' in html
    assert '<script src="choose-edition.js"></script>' in html


def test_404_links_use_the_published_path(editions: Path) -> None:
    site_root.write_root(editions, "https://example.org/course/")
    html = (editions / "404.html").read_text("utf-8")
    assert 'href="/course/en/index.html"' in html
    assert 'href="/course/fa/search.html"' in html
    assert "${" not in html


def test_baseurl_gains_its_trailing_slash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITE_BASEURL", "https://example.org/course")
    assert site_root.site_baseurl() == "https://example.org/course/"
    monkeypatch.delenv("SITE_BASEURL")
    assert site_root.site_baseurl() == site_root.DEFAULT_BASEURL


def test_refuses_a_folder_without_both_editions(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "index.html").write_text("", encoding="utf-8")
    with pytest.raises(SystemExit, match="build the fa edition"):
        site_root.write_root(tmp_path, "https://example.org/", ["en", "fa"])
