"""The course site's own Sphinx machinery: editions, right-to-left Persian, sitemap, 404 page."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register each concern of the site, one line each."""
    from course_site import (
        direction,
        editions,
        html_translator,
        not_found,
        persian_digits,
        persian_search,
        sitemap,
    )

    editions.setup(app)
    direction.setup(app)
    persian_digits.setup(app)
    persian_search.setup(app)
    sitemap.setup(app)
    not_found.setup(app)
    html_translator.setup(app)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
