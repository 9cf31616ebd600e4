"""The two editions of the site: their languages, base URLs and links between them."""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: Language code -> the edition's name, written in its own language.
EDITIONS: dict[str, str] = {"en": "English", "fa": "فارسی"}
#: Languages written right to left.
RTL_LANGUAGES = frozenset({"fa", "ar", "he", "ur"})
DEFAULT_BASEURL = "http://127.0.0.1:8000/"


def site_baseurl(config: Config) -> str:
    """The site root URL (holding ``en/`` and ``fa/``), always ending in a slash."""
    base = str(config.course_site_baseurl or DEFAULT_BASEURL)
    return base if base.endswith("/") else base + "/"


def edition_baseurl(config: Config, language: str | None = None) -> str:
    """The URL of one edition's root, e.g. ``https://host/course/fa/``."""
    return f"{site_baseurl(config)}{language or config.language or 'en'}/"


def set_html_baseurl(app: Sphinx, config: Config) -> None:
    """Give each edition its canonical base URL unless conf.py chose one.

    Why: ``language`` arrives from the command line (``-D language=fa``) after conf.py ran,
    so conf.py alone cannot know which edition it is building.
    """
    if not config.html_baseurl:
        config.html_baseurl = edition_baseurl(config)


def set_edition_titles(app: Sphinx, config: Config) -> None:
    """Use the edition's own title (``course_site_titles``) for the one being built.

    Why: like the base URL, the language is only known after conf.py ran, and Sphinx does
    not pass ``html_title`` or ``project`` through gettext.
    """
    titles = config.course_site_titles.get(config.language or "en")
    if titles:
        config.html_title = titles.get("html_title", config.html_title)
        config.project = titles.get("project", config.project)


def add_edition_links(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Give templates the same page in every other edition, as relative and absolute links."""
    current = app.config.language or "en"
    target = app.builder.get_target_uri(pagename)
    root = context.get("content_root", "")
    context["course_editions"] = [
        {
            "language": language,
            "name": name,
            "current": language == current,
            "url": posixpath.normpath(f"{root}../{language}/{target}"),
            "absolute_url": f"{edition_baseurl(app.config, language)}{target}",
        }
        for language, name in EDITIONS.items()
    ]


def setup(app: Sphinx) -> None:
    """Declare the base URL and hand every page its links to the other edition."""
    app.add_config_value(
        "course_site_baseurl", DEFAULT_BASEURL, "html", types=frozenset({str}),
        description="URL of the site root that holds the en/ and fa/ editions",
    )  # fmt: skip
    app.add_config_value(
        "course_site_titles", {}, "html", types=frozenset({dict}),
        description="language -> {'project': ..., 'html_title': ...} for that edition",
    )  # fmt: skip
    app.connect("config-inited", set_html_baseurl, priority=400)
    app.connect("config-inited", set_edition_titles, priority=400)
    app.connect("html-page-context", add_edition_links)
