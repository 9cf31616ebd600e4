"""Fixtures for the Persian edition's tests: the built pages of each edition."""

from __future__ import annotations

from pathlib import Path

import pytest


def site_pages(edition_dir: Path) -> list[str]:
    """Every HTML page of one edition, as paths relative to the edition root."""
    return sorted(
        path.relative_to(edition_dir).as_posix()
        for path in edition_dir.rglob("*.html")
        if "_static" not in path.parts and "_sources" not in path.parts
    )


@pytest.fixture(scope="session")
def persian_pages(built_site: Path) -> list[str]:
    """The Persian edition's pages."""
    return site_pages(built_site / "fa")


@pytest.fixture(scope="session")
def english_pages(built_site: Path) -> list[str]:
    """The English edition's pages."""
    return site_pages(built_site / "en")
