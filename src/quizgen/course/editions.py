"""One edition per language: base URLs, titles, links between editions, and the edition record.

Each edition is built on its own (``sphinx-build -D language=xx``) into ``<root>/<xx>/``;
``course_languages`` names them all, so every page can link to its twins.
"""

from __future__ import annotations

import json
import posixpath
from typing import TYPE_CHECKING, Any

from sphinx.locale import _

from quizgen.course.config import CourseConfig
from quizgen.languages import is_rtl, native_name

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: Written at the edition root; ``python -m quizgen.course.root`` reads it.
EDITION_RECORD = "course-edition.json"


def edition_baseurl(config: Config, language: str | None = None) -> str:
    """The URL of one edition's root, e.g. ``https://host/course/fa/``."""
    return f"{CourseConfig.from_sphinx(config).base}{language or config.language or 'en'}/"


def editions(config: Config) -> list[str]:
    """The language of every edition, default first."""
    return CourseConfig.from_sphinx(config).editions(config.language)


def set_html_baseurl(app: Sphinx, config: Config) -> None:
    """Give each edition its canonical base URL unless conf.py chose one.

    Why: ``language`` arrives from the command line (``-D language=fa``) after conf.py ran,
    so conf.py alone cannot know which edition it is building.
    """
    if not config.html_baseurl:
        config.html_baseurl = edition_baseurl(config)


def set_edition_titles(app: Sphinx, config: Config) -> None:
    """Use the edition's own title (``course_titles``) for the one being built.

    Why: like the base URL, the language is only known after conf.py ran, and Sphinx does
    not pass ``html_title`` or ``project`` through gettext.
    """
    titles = config.course_titles.get(config.language or "en")
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
            "name": native_name(language),
            "current": language == current,
            "url": posixpath.normpath(f"{root}../{language}/{target}"),
            "absolute_url": f"{edition_baseurl(app.config, language)}{target}",
        }
        for language in editions(app.config)
    ]


def edition_record(app: Sphinx) -> dict[str, Any]:
    """What the site root needs to know about this edition, in its own language."""
    language = app.config.language or "en"
    favicon = str(app.config.html_favicon or "")
    return {
        "favicon": "" if "://" in favicon else posixpath.basename(favicon),
        "language": language,
        "languages": editions(app.config),
        "name": native_name(language),
        "dir": "rtl" if is_rtl(language) else "ltr",
        "title": str(app.config.html_title or app.config.project),
        "baseurl": CourseConfig.from_sphinx(app.config).base,
        "labels": {
            "not_found": _("Page not found"),
            "not_found_text": _(
                "The page you asked for is not here. It may have moved, or the address may be "
                "mistyped."
            ),
            "home": _("Go to the home page"),
            "search": _("Search the course"),
            "choose": _("Choose an edition"),
        },
    }


def write_edition_record(app: Sphinx, exception: BaseException | None) -> None:
    """After a successful HTML build, leave the edition's record for the root writer."""
    if exception is not None or app.builder.name != "html":
        return
    text = json.dumps(edition_record(app), ensure_ascii=False, indent=1, sort_keys=True)
    (app.outdir / EDITION_RECORD).write_text(text + "\n", encoding="utf-8")


def setup(app: Sphinx) -> None:
    """Set each edition's URL and title, hand pages their twins, record the edition."""
    app.connect("config-inited", set_html_baseurl, priority=400)
    app.connect("config-inited", set_edition_titles, priority=400)
    app.connect("html-page-context", add_edition_links)
    app.connect("build-finished", write_edition_record)
