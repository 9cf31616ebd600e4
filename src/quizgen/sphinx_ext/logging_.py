"""Located warnings: one type, ``quizgen``, and the ProblemCode values as subtypes.

Users silence a kind with ``suppress_warnings = ["quizgen.duplicate_id"]``.
"""

from __future__ import annotations

from typing import Any

from sphinx.util import logging

from quizgen.problems import Problem, ProblemCode

WARNING_TYPE = "quizgen"
LOGGER = logging.getLogger("quizgen")


def problem_location(problem: Problem) -> str:
    """``quizzes/x.yaml:12:5`` - Sphinx prints a string location as given."""
    return f"{problem.path}:{problem.line}:{problem.column}"


def warn(code: ProblemCode, message: str, location: Any) -> None:
    """A quizgen warning that is not tied to a bank line (e.g. a directive option)."""
    LOGGER.warning(
        "%s",
        message,
        type=WARNING_TYPE,
        subtype=code.value,
        location=location,
    )
