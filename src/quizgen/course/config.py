"""The ``course_*`` configuration options: declared once, validated on ``config-inited``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

from quizgen.languages import DIGIT_ZEROS, LATIN_DIGITS, default_numbering, primary
from quizgen.sphinx_ext.config import reset_invalid

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

PREFIX = "course_"
DEFAULT_BASEURL = "http://127.0.0.1:8000/"


def _is_url(value: object) -> bool:
    return isinstance(value, str) and value.startswith(("http://", "https://"))


def _is_language_list(value: object) -> bool:
    return isinstance(value, list) and all(
        isinstance(code, str) and code.replace("_", "").replace("-", "").isalnum() for code in value
    )


def _is_titles(value: object) -> bool:
    return isinstance(value, dict) and all(
        isinstance(titles, dict) and all(isinstance(text, str) for text in titles.values())
        for titles in value.values()
    )


def _is_numbering(value: object) -> bool:
    known = {*DIGIT_ZEROS, LATIN_DIGITS}
    return isinstance(value, dict) and all(system in known for system in value.values())


def _meta(default: object, check: Callable[[object], bool], help_: str) -> dict[str, Any]:
    """A field's check, help and conf.py default (a mutable one uses ``default_factory``)."""
    return {"check": check, "help": help_, "default": default}


@dataclass(frozen=True)
class CourseConfig:
    """Every option of the course extension, with its default and the rule a value must meet."""

    baseurl: str = field(
        default=DEFAULT_BASEURL,
        metadata=_meta(
            DEFAULT_BASEURL,
            _is_url,
            "URL of the site root that holds one folder per edition (sitemaps, 404 pages).",
        ),
    )
    languages: list[str] = field(
        default_factory=list,
        metadata=_meta(
            [],
            _is_language_list,
            "The editions, the default one first, e.g. ['en', 'fa']; empty means only "
            "``language``.",
        ),
    )
    titles: dict[str, dict[str, str]] = field(
        default_factory=dict,
        metadata=_meta(
            {}, _is_titles, "language -> {'project': ..., 'html_title': ...} for that edition."
        ),
    )
    numbering: dict[str, str] = field(
        default_factory=dict,
        metadata=_meta(
            {},
            _is_numbering,
            "language -> numbering system of generated numbers ('latn', 'arab', 'arabext', "
            "...); the default is the language's own (CLDR).",
        ),
    )

    @classmethod
    def from_sphinx(cls, config: Config) -> CourseConfig:
        """The validated options of a build (set by :func:`validate_config`)."""
        return cls(**{f.name: getattr(config, PREFIX + f.name) for f in fields(cls)})

    @property
    def base(self) -> str:
        """The site root URL, always ending in a slash."""
        return self.baseurl if self.baseurl.endswith("/") else self.baseurl + "/"

    def editions(self, current: str | None) -> list[str]:
        """Every edition's language, with the one being built included."""
        current = current or "en"
        return self.languages if current in self.languages else [*self.languages, current]

    def numbering_for(self, language: str | None) -> str:
        """The numbering system of generated numbers in ``language``'s edition."""
        code = language or "en"
        chosen = self.numbering.get(code) or self.numbering.get(primary(code))
        return chosen or default_numbering(code)


def register_config(app: Sphinx) -> None:
    """Add one ``course_<name>`` config value per field of :class:`CourseConfig`."""
    for option in fields(CourseConfig):
        default = option.metadata["default"]
        app.add_config_value(
            PREFIX + option.name,
            default,
            "html",
            types=frozenset({type(default)}),
            description=option.metadata["help"],
        )


def validate_config(app: Sphinx, config: Config) -> None:
    """Replace every invalid option with its default, with a warning naming the option."""
    reset_invalid(config, CourseConfig, PREFIX, "course_config")
    config.course_languages = list(config.course_languages)


def option_help() -> list[tuple[str, object, str]]:
    """(name, default, help) for each option, for the docs."""
    return [
        (PREFIX + f.name, f.metadata["default"], f.metadata["help"]) for f in fields(CourseConfig)
    ]
