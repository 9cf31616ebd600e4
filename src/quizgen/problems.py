"""Located problems in banks, and the two kinds of error quizgen raises."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ProblemCode(StrEnum):
    """Kinds of bank problem; each is also a Sphinx warning subtype (``quizgen.<code>``)."""

    bank_read = "bank_read"
    """The file cannot be read, is too large, or is not UTF-8 text."""
    bank_parse = "bank_parse"
    """The file is not valid YAML, or uses YAML features banks forbid (aliases, tags)."""
    bank_schema = "bank_schema"
    """A field is missing, unknown, of the wrong type or out of range."""
    duplicate_id = "duplicate_id"
    """Two questions, objectives or banks share an id."""
    unknown_objective = "unknown_objective"
    """A question names an objective the bank does not declare."""
    unknown_target = "unknown_target"
    """A ``see:`` link names a page or anchor the site does not have."""
    directive_option = "directive_option"
    """A ``quiz`` directive option is invalid or selects no question."""
    translation = "translation"
    """A translated bank does not match its original (ids, types, objectives)."""
    import_format = "import_format"
    """A GIFT or Moodle XML file holds something quizgen cannot convert (reported by ``import``)."""
    export = "export"
    """An export changed or left out part of a question the target format cannot hold."""
    lint = "lint"
    """A question is valid but weak (reported by ``quizgen lint``)."""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a bank, with where it is and how to fix it."""

    path: str
    line: int
    column: int
    code: ProblemCode
    message: str
    severity: str = "error"
    rule: str | None = None
    """For ``lint`` findings: the rule id an author can silence."""

    def format(self) -> str:
        """Render as ``path:line:col: error[code]: message``, the form editors jump to."""
        kind = f"{self.code.value}:{self.rule}" if self.rule else self.code.value
        return f"{self.path}:{self.line}:{self.column}: {self.severity}[{kind}]: {self.message}"

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form for ``--format json``."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code.value,
            "severity": self.severity,
            "message": self.message,
            **({"rule": self.rule} if self.rule else {}),
        }


class QuizgenUserError(Exception):
    """Something the author must fix; always carries located problems, never a traceback."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(p.format() for p in problems))


class QuizgenInternalError(Exception):
    """A bug in quizgen itself; the only error allowed to show a traceback."""
