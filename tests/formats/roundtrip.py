"""What each format can carry, so a round trip can be compared with the bank it came from."""

from __future__ import annotations

from typing import Any

from quizgen.model import Bank

#: Question fields no LMS format carries: they belong to the site (links, objectives, hints).
SITE_ONLY = ("hint", "objective", "see", "difficulty", "tags", "shuffle")


def carried(bank: Bank, *, types: set[str], extra_drops: dict[str, tuple[str, ...]]) -> Bank:
    """The bank reduced to what a format keeps: the expected result of ``load(dump(bank))``."""
    data: dict[str, Any] = bank.model_dump()
    data.update(objectives=[], language="en", description=None, shuffle=True, draw=None)
    questions = []
    for question in data["questions"]:
        if question["type"] not in types:
            continue
        for name in SITE_ONLY + extra_drops.get(question["type"], ()):
            question.pop(name, None)
        questions.append(question)
    data["questions"] = questions
    return Bank.model_validate(data)
