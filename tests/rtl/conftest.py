"""Fixtures for the Persian edition's tests: the built pages of each edition."""

from __future__ import annotations

from pathlib import Path

import pytest
from edition_pages import site_pages


@pytest.fixture(scope="session")
def persian_pages(built_site: Path) -> list[str]:
    """The Persian edition's pages."""
    return site_pages(built_site / "fa")


@pytest.fixture(scope="session")
def english_pages(built_site: Path) -> list[str]:
    """The English edition's pages."""
    return site_pages(built_site / "en")
