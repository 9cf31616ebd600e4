"""What each format can carry, so a round trip can be compared with the bank it came from."""

from __future__ import annotations

from typing import Any

from quizgen.formats.importing import NO_MODEL_ANSWER, collapse_spellings
from quizgen.model import Bank
from quizgen.numbers import plain_number

#: Question fields no LMS format carries: they belong to the site (links, objectives, hints).
SITE_ONLY = ("hint", "objective", "see", "difficulty", "tags", "shuffle")


def carried(
    bank: Bank,
    *,
    types: set[str],
    extra_drops: dict[str, tuple[str, ...]],
    exact_numbers_as_text: bool = False,
    units_keep_numbers: bool = False,
) -> Bank:
    """The bank reduced to what a format keeps: the expected result of ``load(dump(bank))``."""
    data: dict[str, Any] = bank.model_dump()
    data.update(objectives=[], language="en", description=None, shuffle=True, draw=None)
    questions = []
    for question in data["questions"]:
        if question["type"] not in types:
            continue
        for name in SITE_ONLY + extra_drops.get(question["type"], ()):
            question.pop(name, None)
        as_text = exact_numbers_as_text and not (units_keep_numbers and question.get("unit"))
        if as_text and question["type"] == "numeric" and not question["tolerance"]:
            # Moodle's numerical question reads Latin digits only: exact numbers go as text.
            value = plain_number(question["value"])
            feedback = question.get("feedback")
            question = {k: question[k] for k in ("id", "prompt", "explanation") if k in question}
            question.update(type="fill-blank", answers=[value], feedback=feedback)
        if question["type"] == "fill-blank":
            # Answers the site accepts alike (1000 and 1,000) come back as one.
            question["answers"] = collapse_spellings(question["answers"])["answers"]
        if "model_answer" in extra_drops.get(question["type"], ()):
            question["model_answer"] = NO_MODEL_ANSWER
        questions.append(question)
    data["questions"] = questions
    return Bank.model_validate(data)


def as_shown(bank: Bank | None) -> object:
    """The bank with every text as the site renders it: what a round trip must keep.

    Why not the raw text: an export carries what the learner sees, so a line break becomes a
    space and ``a*b`` may come back as ``a\\*b``; both show the same.
    """
    from quizgen.inline import to_html, to_plain

    def shown(value: object, key: str = "") -> object:
        if isinstance(value, dict):
            return {k: shown(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [shown(v, key) for v in value]
        if isinstance(value, str) and key in {"right", "distractors"}:
            return to_plain(value)  # matching options are plain text on the page and in LMSs
        if isinstance(value, str) and key not in {"id", "bank", "type", "language"}:
            return to_html(value)
        return value

    return None if bank is None else shown(bank.model_dump())
