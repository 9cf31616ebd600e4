"""Pick the questions a ``quiz`` directive asks for, explaining any filter that misfires."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from quizgen.model import Bank, QuestionBase
from quizgen.types.registry import names


@dataclass
class Selection:
    """The questions to show, in bank order, and messages about filters that went wrong."""

    questions: list[QuestionBase]
    messages: list[str] = field(default_factory=list)


def select_questions(
    bank: Bank,
    *,
    ids: Sequence[str] = (),
    objectives: Sequence[str] = (),
    tags: Sequence[str] = (),
    difficulty: Sequence[str] = (),
    types: Sequence[str] = (),
) -> Selection:
    """Filter a bank's questions; every filter given must match (an empty filter passes all).

    ``ids`` also fixes the order, so an author can pick questions for a lesson in the order
    they want to ask them.
    """
    messages: list[str] = []
    by_id = {q.id: q for q in bank.questions}
    if ids:
        unknown = [i for i in ids if i not in by_id]
        if unknown:
            messages.append(
                f"question id(s) {', '.join(unknown)} are not in bank {bank.bank!r} "
                f"(it has {', '.join(by_id)})"
            )
        pool = [by_id[i] for i in dict.fromkeys(ids) if i in by_id]
    else:
        pool = list(bank.questions)
    known_objectives = {o.id for o in bank.objectives}
    for name, wanted, known in (
        ("objective", objectives, known_objectives),
        ("type", types, set(names())),
        ("difficulty", difficulty, {"easy", "medium", "hard"}),
    ):
        unknown = sorted(set(wanted) - known)
        if unknown:
            messages.append(
                f"unknown {name}(s) {', '.join(unknown)}: use {', '.join(sorted(known))}"
            )
    chosen = [
        q
        for q in pool
        if (not objectives or q.objective in objectives)
        and (not tags or set(q.tags) & set(tags))
        and (not difficulty or q.difficulty in difficulty)
        and (not types or q.type in types)
    ]
    if not chosen:
        messages.append("the options select no question: loosen the filters")
    return Selection(chosen, messages)
