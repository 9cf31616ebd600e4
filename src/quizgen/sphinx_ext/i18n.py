"""Compile the shipped ``quizgen.po`` catalogs to ``.mo`` and register them with Sphinx.

Why compile at build time: ``.mo`` files are build products (not kept in version control),
and an installed package may be read-only, so a stale or missing ``.mo`` is written to a
cache folder instead.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from quizgen.sphinx_ext.labels import CATALOG, LOCALE_DIR

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def compile_catalogs(
    source: Path = LOCALE_DIR, target: Path | None = None, *, catalog: str = CATALOG
) -> Path:
    """Write an up-to-date ``.mo`` beside each ``.po``; returns the folder that holds them."""
    out = target or source
    for po in sorted(source.glob(f"*/LC_MESSAGES/{catalog}.po")):
        mo = out / po.relative_to(source).with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime_ns >= po.stat().st_mtime_ns:
            continue
        with po.open("rb") as handle:
            messages = read_po(handle, locale=po.parts[-3])
        mo.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename, so a parallel build never reads half a file.
        fd, tmp = tempfile.mkstemp(dir=mo.parent, suffix=".mo.tmp")
        with os.fdopen(fd, "wb") as handle:
            write_mo(handle, messages)
        Path(tmp).replace(mo)
    return out


def compiled_catalogs(source: Path = LOCALE_DIR, *, catalog: str = CATALOG) -> Path:
    """:func:`compile_catalogs`, falling back to a cache folder on a read-only install."""
    try:
        return compile_catalogs(source, catalog=catalog)
    except OSError:
        cache = Path(tempfile.gettempdir()) / f"quizgen-locale-{source.parent.name}"
        return compile_catalogs(source, target=cache, catalog=catalog)


def register_catalog(app: Sphinx) -> None:
    """``add_message_catalog`` for the interface words, compiling the catalogs first."""
    app.add_message_catalog(CATALOG, str(compiled_catalogs()))
