"""The built site as a static host serves it: root files, sitemaps, links that resolve."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from hosting import EDITIONS, NON_DOCUMENTS

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}
URL_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src"}


class _Links(HTMLParser):
    """Collect the URLs a page links to or loads, and its ``<base href>``."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.base: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "base":
            self.base = values.get("href")
        attribute = URL_ATTRIBUTES.get(tag)
        if attribute and values.get(attribute):
            self.urls.append(str(values[attribute]))


def _links(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text("utf-8"))
    return parser


def _is_external(url: str) -> bool:
    return bool(urlsplit(url).scheme) or url.startswith(("//", "#"))


def test_root_holds_chooser_404_sitemap_and_robots(built_site: Path) -> None:
    for name in ("index.html", "404.html", "sitemap.xml", "robots.txt", ".nojekyll"):
        assert (built_site / name).is_file(), name
    for edition in EDITIONS:
        assert (built_site / edition / "404.html").is_file()
        assert (built_site / edition / "sitemap.xml").is_file()


def test_each_sitemap_lists_every_document_with_its_twin(
    built_site: Path, pages_by_edition: dict[str, list[str]], site_baseurl: str
) -> None:
    for edition, pages in pages_by_edition.items():
        root = ET.parse(built_site / edition / "sitemap.xml").getroot()
        urls = root.findall("sm:url", NS)
        listed = {url.findtext("sm:loc", namespaces=NS) for url in urls}
        documents = {f"{site_baseurl}{edition}/{page}" for page in pages}
        documents -= {f"{site_baseurl}{edition}/{page}" for page in NON_DOCUMENTS}
        assert listed == documents, edition
        for url in urls:
            alternates = {
                link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)
            }
            assert set(alternates) == set(EDITIONS)
            for language, href in alternates.items():
                page = str(href).removeprefix(f"{site_baseurl}{language}/")
                assert (built_site / language / page).is_file(), href


def test_root_sitemap_is_an_index_of_the_editions(built_site: Path, site_baseurl: str) -> None:
    root = ET.parse(built_site / "sitemap.xml").getroot()
    assert root.tag == f"{{{NS['sm']}}}sitemapindex"
    locs = [loc.text for loc in root.findall("sm:sitemap/sm:loc", NS)]
    assert locs == [f"{site_baseurl}{edition}/sitemap.xml" for edition in EDITIONS]


def test_every_link_and_asset_is_relative_and_resolves(
    built_site: Path, pages_by_edition: dict[str, list[str]], base_path: str
) -> None:
    """Relative URLs keep working when the site is served from a sub-path.

    Only 404 pages may use root-relative URLs, through ``<base href>`` built from
    ``SITE_BASEURL``, because a host serves them at any depth.
    """
    broken: list[str] = []
    pages = [built_site / edition / page for edition, names in pages_by_edition.items()
             for page in names] + [built_site / "index.html", built_site / "404.html"]  # fmt: skip
    for page in pages:
        links = _links(page)
        is_404 = page.name == "404.html"
        for url in links.urls:
            if _is_external(url):
                continue
            path = unquote(urlsplit(url).path)
            if not path:
                continue
            if path.startswith("/") or links.base:
                if not is_404:
                    broken.append(f"{page.relative_to(built_site)}: root-relative {url}")
                    continue
                absolute = path if path.startswith("/") else f"{links.base}{path}"
                target = built_site / PurePosixPath(absolute).relative_to(base_path)
            else:
                target = page.parent / path
            if not target.resolve().exists():
                broken.append(f"{page.relative_to(built_site)}: {url}")
    assert not broken, "\n".join(broken[:30])


def test_edition_404_pages_anchor_links_at_their_edition(built_site: Path, base_path: str) -> None:
    for edition in EDITIONS:
        assert _links(built_site / edition / "404.html").base == f"{base_path}{edition}/"


def test_every_page_links_to_itself_in_the_other_edition(
    built_site: Path, pages_by_edition: dict[str, list[str]]
) -> None:
    missing = []
    for edition, pages in pages_by_edition.items():
        other = next(language for language in EDITIONS if language != edition)
        for page in pages:
            if page == "404.html":
                continue
            depth = "../" * page.count("/")
            expected = f'href="{depth}../{other}/{page}"'
            if expected not in (built_site / edition / page).read_text("utf-8"):
                missing.append(f"{edition}/{page}")
    assert not missing
