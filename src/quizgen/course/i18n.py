"""The course's own interface words (404 page, edition switch, theme labels) in each language.

Why not ``add_message_catalog``: theme templates translate with Sphinx's own ``sphinx``
domain, so these catalogs join that domain, after the project's ``locale_dirs`` (a course can
still reword any label) and before Sphinx's built-in catalog.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx import locale
from sphinx.util.i18n import CatalogRepository

from quizgen.sphinx_ext.i18n import compiled_catalogs

if TYPE_CHECKING:
    from sphinx.application import Sphinx

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "sphinx"


def install_catalog(app: Sphinx) -> None:
    """Rebuild the ``sphinx`` translator with this package's catalog in second place.

    Sphinx loads its catalogs before any extension runs, so the translator is rebuilt here
    in the order Sphinx itself uses, with one folder inserted.
    """
    language = app.config.language
    if not language or language == "en":
        return
    compiled = compiled_catalogs(LOCALE_DIR, catalog=DOMAIN)
    repo = CatalogRepository(
        app.srcdir, app.config.locale_dirs, language, app.config.source_encoding
    )
    dirs: list[str | None] = [*map(str, repo.locale_dirs), str(compiled), None]
    dirs.append(str(Path(locale.__file__).resolve().parent))  # Sphinx's own catalogs
    locale.translators.pop(("general", DOMAIN), None)
    app.translator, _ = locale.init(dirs, language)


def setup(app: Sphinx) -> None:
    """Install the catalog now: the language is known once conf.py and ``-D`` are read."""
    install_catalog(app)
