"""Fixtures for the static-hosting checks: the built pages and the site's base URL."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

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


@pytest.fixture(scope="session")
def site_baseurl() -> str:
    """The base URL the session's site was built with (``SITE_BASEURL``)."""
    base = os.environ.get("SITE_BASEURL") or DEFAULT_BASEURL
    return base if base.endswith("/") else base + "/"


@pytest.fixture(scope="session")
def base_path(site_baseurl: str) -> str:
    """The URL path the site root is published under, e.g. ``/`` or ``/course/``."""
    return urlsplit(site_baseurl).path or "/"


@pytest.fixture(scope="session")
def pages_by_edition(built_site: Path) -> dict[str, list[str]]:
    """Each edition's pages."""
    return {edition: site_pages(built_site / edition) for edition in EDITIONS}
