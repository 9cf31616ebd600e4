"""The course extension: a site in one edition per language, each in its own direction.

Add ``"quizgen.course"`` to ``extensions`` and list the editions in ``course_languages``.
Every edition then gets ``dir="rtl"`` and mirrored layout when its language is written right
to left, native digits for the numbers the build generates, search that folds the letter
variants of Persian and Arabic, links to its twin pages in the other editions, a sitemap with
``hreflang`` alternates and a 404 page. ``python -m quizgen.course.root`` writes the site
root above the editions: the edition chooser, a bilingual 404 page and the sitemap index.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quizgen import __version__

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register each concern of a course site, one line each."""
    from quizgen.course import (
        config,
        digits,
        direction,
        editions,
        html_translator,
        i18n,
        not_found,
        sitemap,
        themes,
    )
    from quizgen.course.arabic_search import SearchArabic
    from quizgen.course.persian_search import SearchPersian

    config.register_config(app)
    app.connect("config-inited", config.validate_config, priority=300)
    i18n.setup(app)
    themes.setup(app)
    editions.setup(app)
    direction.setup(app)
    digits.setup(app)
    app.add_search_language(SearchPersian)
    app.add_search_language(SearchArabic)
    sitemap.setup(app)
    not_found.setup(app)
    html_translator.setup(app)
    return {
        "version": __version__,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
