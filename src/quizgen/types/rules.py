"""Structural rules that keep a question gradable: shared checks each type's model applies.

Why here: a bank that loads must never hold a question a learner cannot answer right or
cannot be graded fairly on; two choices that read the same, an ordering with two equal items,
an accepted answer no one can type. Each type's model calls these from its own validators, so
the rule sits with the type and the wording is the same in every type.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from quizgen.answers import normalise_answer


def refuse_repeats(texts: Sequence[str], what: str) -> None:
    """Refuse two entries a learner could not tell apart (case, spacing, letter variants).

    :param what: the entries' name, plural, as the message says it ("choices", "items").
    :raises ValueError: naming the two positions (1-based) and the text.
    """
    seen: dict[str, int] = {}
    for position, text in enumerate(texts, start=1):
        key = normalise_answer(text)
        if not key:
            continue  # punctuation only: shown as written, and unlike any other
        if key in seen:
            raise ValueError(
                f"{what} {seen[key]} and {position} read the same ({text!r}): a learner "
                "cannot tell them apart, so the question cannot be graded fairly; reword or "
                "remove one"
            )
        seen[key] = position


def refuse_untypable(answers: Sequence[str]) -> None:
    """Refuse an accepted answer that is only spaces or punctuation once normalised.

    :raises ValueError: such an answer can never match what a learner types.
    """
    for position, answer in enumerate(answers, start=1):
        if not normalise_answer(answer):
            raise ValueError(
                f"answer {position} ({answer!r}) is only spaces or punctuation, which the "
                "comparison ignores, so no typed answer can match it: write the words"
            )


def refuse_bad_patterns(patterns: Sequence[str]) -> None:
    """Refuse a pattern that is not a regular expression or that accepts any answer.

    :raises ValueError: naming the pattern by position.
    """
    for position, pattern in enumerate(patterns, start=1):
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            raise ValueError(
                f"pattern {position} ({pattern!r}) is not a regular expression ({exc.msg}): "
                "fix it, or list the accepted spellings under `answers:`"
            ) from None
        if compiled.search(""):
            raise ValueError(
                f"pattern {position} ({pattern!r}) matches an empty answer, so it accepts any "
                "answer at all: anchor it or make it require the words"
            )


def refuse_infinite(value: float, name: str) -> float:
    """Refuse infinity and not-a-number, which YAML 1.2 can write (``.inf``, ``.nan``).

    :raises ValueError: no typed number equals or lies within them.
    """
    if not math.isfinite(value):
        raise ValueError(f"`{name}` must be a finite number, not {value}: write the number")
    return value
