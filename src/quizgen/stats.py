"""Counts a reviewer wants before using a bank: per type, objective and difficulty."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from quizgen.model import Bank

#: Fewer questions than this on one objective cannot tell a learner much.
MIN_PER_OBJECTIVE = 3


@dataclass
class BankStats:
    bank: str
    questions: int
    by_type: dict[str, int] = field(default_factory=dict)
    by_objective: dict[str, int] = field(default_factory=dict)
    by_difficulty: dict[str, int] = field(default_factory=dict)
    thin_objectives: list[str] = field(default_factory=list)


def bank_stats(bank: Bank) -> BankStats:
    """Tally one bank; objectives with too few questions are listed as thin."""
    by_objective = Counter(q.objective or "(none)" for q in bank.questions)
    for objective in bank.objectives:
        by_objective.setdefault(objective.id, 0)
    return BankStats(
        bank=bank.bank,
        questions=len(bank.questions),
        by_type=dict(Counter(q.type for q in bank.questions)),
        by_objective=dict(sorted(by_objective.items())),
        by_difficulty=dict(Counter(q.difficulty or "(unset)" for q in bank.questions)),
        thin_objectives=sorted(
            o.id for o in bank.objectives if by_objective[o.id] < MIN_PER_OBJECTIVE
        ),
    )
