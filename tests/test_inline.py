"""The inline renderer's shortcut for plain text gives exactly what a full parse gives."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from quizgen import inline

_FIELD = st.text(
    alphabet=st.one_of(
        st.sampled_from("ab \t\n\r\\`*_~[]()<>&!#:;.'\"-=+|{}\x00\u00a0\u200c\u2028\u0627"),
        st.characters(),
    ),
    max_size=30,
)


def _full_parse(text: str) -> list[tuple[str, str]]:
    tokens = inline._parser().parseInline(text.strip())
    return [(t.type, t.content) for t in (tokens[0].children or [])] if tokens else []


@settings(max_examples=400, deadline=None)
@given(_FIELD)
@example("Tom &amp; Jerry")
@example("a\\*b")
@example("a ~~gone~~ b")
@example("x <https://example.org> y")
@example("line one  \nline two")
@example("nul\x00byte")
@example("cr\rlf")
def test_the_plain_text_shortcut_matches_a_full_parse(text: str) -> None:
    assert [(t.type, t.content) for t in inline.inline_tokens(text)] == _full_parse(text)


def test_plain_words_take_the_shortcut_and_markup_does_not() -> None:
    assert [t.content for t in inline.inline_tokens("  just words!  ")] == ["just words!"]
    assert inline.inline_tokens("   ") == []
    assert [t.type for t in inline.inline_tokens("a *b*")] == [
        "text", "em_open", "text", "em_close",
    ]  # fmt: skip
    assert inline.to_html("a < b & c") == "a &lt; b &amp; c"
