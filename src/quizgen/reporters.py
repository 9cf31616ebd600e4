"""Print check results as text lines or JSON; checking code itself never prints."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from typing import TextIO

from quizgen.problems import Problem


@dataclass
class CheckResult:
    """What a command found: the banks it read and every problem in them."""

    files: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def report_text(result: CheckResult, *, quiet: bool = False, out: TextIO | None = None) -> None:
    """One ``path:line:col: severity[code]: message`` line per problem, then a summary."""
    stream = out or sys.stdout
    for problem in sorted(result.problems):
        stream.write(problem.format() + "\n")
    if not quiet:
        count = len(result.errors)
        state = "ok" if not count else f"{count} problem{'s' if count != 1 else ''}"
        stream.write(f"{len(result.files)} bank file(s) checked: {state}\n")


def report_json(result: CheckResult, *, out: TextIO | None = None) -> None:
    """Machine-readable form for scripts and editors."""
    stream = out or sys.stdout
    payload = {
        "files": result.files,
        "ok": not result.errors,
        "problems": [p.as_dict() for p in sorted(result.problems)],
    }
    json.dump(payload, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
