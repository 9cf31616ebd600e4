"""The pages of one edition of the built site."""

from __future__ import annotations

from pathlib import Path


def site_pages(edition_dir: Path) -> list[str]:
    """Every HTML page of one edition, as paths relative to the edition root."""
    return sorted(
        path.relative_to(edition_dir).as_posix()
        for path in edition_dir.rglob("*.html")
        if "_static" not in path.parts and "_sources" not in path.parts
    )
