"""Writing direction, script and digits of an edition: the ``dir`` attribute and the stylesheets."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from quizgen.course import themes
from quizgen.course.config import CourseConfig
from quizgen.languages import LATIN_DIGITS, is_rtl, script

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: Scripts with a self-hosted font in static/: ISO 15924 code -> stylesheet.
SCRIPT_FONTS = {"Arab": "arabic-script.css"}


def edition_stylesheets(app: Sphinx) -> list[str]:
    """The stylesheets this edition needs beyond the theme's, in loading order."""
    language = app.config.language or "en"
    sheets = ["course.css"]
    if is_rtl(language):
        sheets += ["rtl.css", *themes.rtl_stylesheets(app.config.html_theme)]
    if font := SCRIPT_FONTS.get(script(language)):
        sheets.append(font)
    numbering = CourseConfig.from_sphinx(app.config).numbering_for(language)
    if numbering != LATIN_DIGITS:
        sheets.append(f"digits-{numbering}.css")
    return sheets


def add_direction_assets(app: Sphinx) -> None:
    """Load the edition's stylesheets, and ``edition.js`` on every page of every edition.

    ``edition.js`` remembers the edition a reader picks, for the site's root page.
    """
    if app.builder.format != "html":
        return
    app.add_js_file("edition.js", loading_method="defer")
    for sheet in edition_stylesheets(app):
        app.add_css_file(sheet, priority=900)


def mark_direction(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Write ``dir="rtl"`` on the ``<html>`` element of RTL pages.

    Why: Sphinx's basic theme, and Furo after it, writes ``<html lang="{{ language }}">`` and
    has no hook for ``dir``; copying the theme's layout would fork it. The language variable is
    printed only there, so the attribute rides along with it. The tests check the result on
    every page, so a theme that prints ``language`` elsewhere fails loudly.
    """
    rtl = is_rtl(app.config.language)
    context["text_direction"] = "rtl" if rtl else "ltr"
    language = context.get("language")
    if rtl and language and '"' not in str(language):
        context["language"] = f'{language}" dir="rtl'


def setup(app: Sphinx) -> None:
    """Hook the assets in at build start and the attribute in as each page renders."""
    app.connect("builder-inited", add_direction_assets)
    # Late, so that no other handler reads the rewritten ``language``.
    app.connect("html-page-context", mark_direction, priority=900)
