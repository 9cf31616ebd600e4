"""Facts about the built site that the static-hosting tests share."""

from __future__ import annotations

from pathlib import Path

EDITIONS = ("en", "fa")
DEFAULT_BASEURL = "http://127.0.0.1:8000/"
#: Pages Sphinx writes that are not documents, so sitemaps leave them out.
NON_DOCUMENTS = frozenset({"search.html", "genindex.html", "404.html"})


def site_pages(edition_dir: Path) -> list[str]:
    """Every HTML page of one edition, as paths relative to the edition root."""
    return sorted(
        path.relative_to(edition_dir).as_posix()
        for path in edition_dir.rglob("*.html")
        if "_static" not in path.parts and "_sources" not in path.parts
    )
