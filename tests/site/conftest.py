"""Fixtures for the static-hosting checks: the built pages and the site's base URL."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hosting import DEFAULT_BASEURL, EDITIONS, site_pages


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
