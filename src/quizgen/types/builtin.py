"""Register the built-in question types, in the order the docs present them."""

from __future__ import annotations

from quizgen.types import choices, fill_blank, matching, numeric, ordering, short_answer, true_false
from quizgen.types.registry import register

for _kind in (
    choices.Single(),
    choices.Multiple(),
    true_false.TrueFalse(),
    fill_blank.FillBlank(),
    numeric.Numeric(),
    ordering.Ordering(),
    matching.Matching(),
    short_answer.ShortAnswer(),
):
    register(_kind)
