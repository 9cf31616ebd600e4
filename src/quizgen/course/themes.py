"""Theme-specific parts, kept apart: templates, RTL stylesheet and sidebar of each known theme.

Every theme gets the generic templates in ``templates/`` (edition links in the page head, a
404 page). A theme listed in :data:`THEMES` also gets its folder in ``themes/<name>/``.
Furo is the default of ``quizgen new``; any other theme works with the generic parts.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from quizgen.course.config import CourseConfig

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

HERE = Path(__file__).resolve().parent
GENERIC_TEMPLATES = HERE / "templates"
LANGUAGE_SWITCH = "sidebar/language-switch.html"


@dataclass(frozen=True)
class ThemeSupport:
    """What one theme needs beyond the generic parts."""

    #: Stylesheets in ``themes/<name>/static`` loaded after ``rtl.css`` in RTL editions.
    rtl_stylesheets: tuple[str, ...] = ()
    #: The theme's default sidebar with ``sidebar/language-switch.html`` added, if it has one.
    sidebars: tuple[str, ...] = ()


THEMES: dict[str, ThemeSupport] = {
    "furo": ThemeSupport(
        rtl_stylesheets=("rtl-furo.css",),
        sidebars=(
            "sidebar/brand.html",
            LANGUAGE_SWITCH,
            "sidebar/search.html",
            "sidebar/scroll-start.html",
            "sidebar/navigation.html",
            "sidebar/scroll-end.html",
        ),
    ),
}


def theme_dir(theme: str | None) -> Path | None:
    """``themes/<theme>/`` when the theme has specific parts here."""
    return HERE / "themes" / theme if theme in THEMES else None


def rtl_stylesheets(theme: str | None) -> tuple[str, ...]:
    """The theme's extra RTL stylesheets (none for a theme not listed)."""
    support = THEMES.get(theme or "")
    return support.rtl_stylesheets if support else ()


def add_theme_files(app: Sphinx, config: Config) -> None:
    """Put the theme's and the generic templates and static files before the theme's own.

    The project's ``templates_path`` and ``html_static_path`` still win, so a course can
    override any of these files. Done on ``config-inited`` so that every build sees the same
    configuration (a value changed later would make Sphinx rebuild every page each time). A
    theme's sidebar gains the edition switch when the project set no ``html_sidebars``.
    """
    folder = theme_dir(config.html_theme)
    templates = [*([folder / "templates"] if folder else []), GENERIC_TEMPLATES]
    static = [HERE / "static", *([folder / "static"] if folder else [])]
    config.templates_path = [*config.templates_path, *map(str, templates)]
    config.html_static_path = [*map(str, static), *config.html_static_path]
    support = THEMES.get(config.html_theme)
    if support and support.sidebars and not config.html_sidebars:
        several = len(CourseConfig.from_sphinx(config).editions(config.language)) > 1
        sidebars = [name for name in support.sidebars if several or name != LANGUAGE_SWITCH]
        config.html_sidebars = {"**": sidebars}


def setup(app: Sphinx) -> None:
    """Add the files once the configuration (and so the theme) is known."""
    app.connect("config-inited", add_theme_files, priority=600)
