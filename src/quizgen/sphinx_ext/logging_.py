"""Located warnings: one type, ``quizgen``, and the ProblemCode values as subtypes.

Users silence a kind with ``suppress_warnings = ["quizgen.duplicate_id"]``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sphinx.util import logging

from quizgen.problems import Problem, ProblemCode

WARNING_TYPE = "quizgen"
LOGGER = logging.getLogger("quizgen")


def problem_location(problem: Problem) -> str:
    """``quizzes/x.yaml:12:5`` - Sphinx prints a string location as given."""
    return f"{problem.path}:{problem.line}:{problem.column}"


#: Problems already reported in this read phase: a bank used by several directives (its
#: objectives on one page, its quiz on two others) reports each mistake once, not per use.
_REPORTED: set[tuple[str, str, str]] = set()


def forget_reported(*args: Any) -> None:
    """Start a read phase afresh (on ``env-before-read-docs``), so a rebuild warns again."""
    _REPORTED.clear()


def warn_problems(problems: Iterable[Problem]) -> None:
    """Report bank problems as Sphinx warnings, worded exactly as the CLI words them."""
    for problem in problems:
        location = problem_location(problem)
        seen = (location, problem.code.value, problem.message)
        if seen in _REPORTED:
            continue
        _REPORTED.add(seen)
        LOGGER.warning(
            "%s",
            problem.message,
            type=WARNING_TYPE,
            subtype=problem.code.value,
            location=location,
        )


def warn(code: ProblemCode, message: str, location: Any) -> None:
    """A quizgen warning that is not tied to a bank line (e.g. a directive option)."""
    LOGGER.warning(
        "%s",
        message,
        type=WARNING_TYPE,
        subtype=code.value,
        location=location,
    )
