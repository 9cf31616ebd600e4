"""Right-to-left editions: the ``dir`` attribute, the RTL stylesheet and the edition script."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from course_site.editions import RTL_LANGUAGES

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def is_rtl(app: Sphinx) -> bool:
    """Whether the edition being built is written right to left."""
    return (app.config.language or "en").split("_")[0] in RTL_LANGUAGES


def add_direction_assets(app: Sphinx) -> None:
    """Load the RTL stylesheet (and its self-hosted Persian font) in RTL editions only.

    ``edition.js`` remembers the edition a reader picks, for the site's root page; it goes on
    every page of both editions.
    """
    if app.builder.format != "html":
        return
    app.add_js_file("edition.js", loading_method="defer")
    if is_rtl(app):
        app.add_css_file("rtl.css", priority=900)


def mark_direction(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Write ``dir="rtl"`` on the ``<html>`` element of RTL pages.

    Why: Furo, like Sphinx's basic theme, writes ``<html lang="{{ language }}">`` and has no
    hook for ``dir``; copying its ``base.html`` would fork the theme. The language variable is
    printed only there, so the attribute rides along with it. tests/rtl checks the result on
    every page, so a theme that prints ``language`` elsewhere fails loudly.
    """
    context["text_direction"] = "rtl" if is_rtl(app) else "ltr"
    language = context.get("language")
    if is_rtl(app) and language and '"' not in str(language):
        context["language"] = f'{language}" dir="rtl'


def setup(app: Sphinx) -> None:
    """Hook the assets in at build start and the attribute in as each page renders."""
    app.connect("builder-inited", add_direction_assets)
    # Late, so that no other handler reads the rewritten ``language``.
    app.connect("html-page-context", mark_direction, priority=900)
