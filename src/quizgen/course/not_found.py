"""A themed ``404.html`` in each edition that works at any depth of the site."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit
from xml.sax.saxutils import quoteattr

from sphinx.locale import _

from quizgen.course.editions import edition_baseurl

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx

PAGENAME = "404"


def collect_not_found_page(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """Add ``404.html``, rendered from ``_templates/404.html``."""
    if app.builder.format == "html" and app.builder.name == "html":
        yield PAGENAME, {"title": _("Page not found")}, "404.html"


def add_base_element(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Anchor the 404 page's relative links at the edition root with ``<base href>``.

    Why: a host serves 404.html in place of any missing URL, at any depth, so links relative
    to the file itself would point nowhere. The path comes from ``course_baseurl``.
    """
    if pagename != PAGENAME:
        return
    base_path = urlsplit(edition_baseurl(app.config)).path
    context["metatags"] = f"<base href={quoteattr(base_path)}>" + context.get("metatags", "")


def setup(app: Sphinx) -> None:
    """Generate the page and fix its links."""
    app.connect("html-collect-pages", collect_not_found_page)
    app.connect("html-page-context", add_base_element)
