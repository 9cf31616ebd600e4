"""The ASCII shortcut of answer normalisation gives what the full Unicode walk gives."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from quizgen import answers


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
@example("  North\t\tKOREA. ")
@example("\x1c\x1d\x1e\x1f x \x0b\x0c")
@example("(yes)!")
def test_ascii_text_normalises_as_the_unicode_walk_does(text: str) -> None:
    assert answers.normalise_answer(text) == answers._normalise_any(text)
