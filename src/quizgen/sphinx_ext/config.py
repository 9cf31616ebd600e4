"""The ``quizgen_*`` configuration options: declared once, validated on ``config-inited``."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quizgen.sphinx_ext.logging_ import LOGGER, WARNING_TYPE

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

PREFIX = "quizgen_"


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _is_storage_prefix(value: object) -> bool:
    return isinstance(value, str) and value.replace("-", "").replace("_", "").isalnum()


def _is_seed(value: object) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool) and value >= 0)


def _option(default: Any, check: Callable[[object], bool], help_: str, **kw: Any) -> Any:
    return field(default=default, metadata={"check": check, "help": help_}, **kw)


@dataclass(frozen=True)
class QuizConfig:
    """Every option of the extension, with its default and the rule a value must meet."""

    bank_dir: str = _option(
        "quizzes",
        _is_text,
        "Folder of the banks named in ``{quiz} <id>``, relative to conf.py.",
    )
    storage_prefix: str = _option(
        "quizgen",
        _is_storage_prefix,
        "Prefix of the browser storage keys; give each site on one host its own.",
    )
    shuffle: bool = _option(
        True,
        lambda v: isinstance(v, bool),
        "Allow shuffling at all; False keeps every choice in bank order (e.g. for print).",
    )
    seed: int | None = _option(
        None,
        _is_seed,
        "Fixed shuffle seed for every learner (a printable variant); None means per learner.",
    )
    summary: bool = _option(
        True,
        lambda v: isinstance(v, bool),
        "Show the per-objective summary under each quiz unless ``:summary:`` says otherwise.",
    )

    latex_answer_key: str = _option(
        "document",
        lambda v: v in {"document", "chapter", "quiz"},
        "Where LaTeX/PDF prints each quiz's answer key: at the end of the ``document``, of "
        "the ``chapter``, or right after the ``quiz``.",
    )

    @classmethod
    def from_sphinx(cls, config: Config) -> QuizConfig:
        """The validated options of a build (set by :func:`validate_config`)."""
        return cls(**{f.name: getattr(config, PREFIX + f.name) for f in fields(cls)})


def register_config(app: Sphinx) -> None:
    """Add one ``quizgen_<name>`` config value per field of :class:`QuizConfig`."""
    for option in fields(QuizConfig):
        app.add_config_value(PREFIX + option.name, option.default, "env")


def reset_invalid(config: Config, options: type[Any], prefix: str, subtype: str) -> None:
    """Replace every invalid value of a config dataclass's options with its default, with a
    located warning naming the option (shared by quizgen's and the course's options)."""
    for option in fields(options):
        name = prefix + option.name
        value = getattr(config, name)
        if not option.metadata["check"](value):
            default = option.metadata.get("default", option.default)
            LOGGER.warning(
                "%s = %r is not valid (%s); using the default %r",
                name,
                value,
                option.metadata["help"],
                default,
                type=WARNING_TYPE,
                subtype=subtype,
            )
            setattr(config, name, default)


def validate_config(app: Sphinx, config: Config) -> None:
    """Replace every invalid option with its default, with a warning naming the option.

    ``quizgen_bank_dir`` is then made absolute (it is relative to conf.py), so directives
    never need the application object.
    """
    reset_invalid(config, QuizConfig, PREFIX, "config")
    config.quizgen_bank_dir = str((Path(app.confdir) / config.quizgen_bank_dir).resolve())


def option_help() -> list[tuple[str, object, str]]:
    """(name, default, help) for each option, for the docs."""
    return [
        (PREFIX + f.name, f.default, f.metadata["help"]) for f in dataclasses.fields(QuizConfig)
    ]
