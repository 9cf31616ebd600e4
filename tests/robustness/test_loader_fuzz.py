"""The loader never raises: any bytes or YAML give a bank or located problems."""

from __future__ import annotations

import re
import string
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.loader import LoadResult, load_bank, load_bank_bytes, load_bank_text
from quizgen.problems import Problem

VALID_BANK = """\
bank: fuzz
title: Fuzz
objectives:
  - {id: F1, text: Recall.}
questions:
  - id: a
    type: single
    prompt: Pick *one*
    choices: [x, y]
    correct: 0
    objective: F1
  - {id: b, type: true-false, prompt: Yes?, answer: true}
  - {id: c, type: numeric, prompt: Year?, value: 1994, tolerance: 1}
  - id: d
    type: matching
    prompt: Match
    pairs: [{left: a, right: b}, {left: c, right: d}]
"""

YAML_NOISE = [*":-[]{}!&*#|>'\"%@`?,\n\t ", "\ufeff", "\x00", "\r\n", "yes", "~", "!!python/"]

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _yaml_lines(text: str) -> int:
    """Lines as YAML counts them: CR, LF, CRLF, NEL, LS and PS all end a line."""
    return len(re.findall(r"\r\n|[\r\n\x85\u2028\u2029]", text)) + 1


def _assert_sound(result: LoadResult, text_lines: int | None = None) -> None:
    """A result either holds a bank without errors, or at least one well-formed problem.

    libyaml places end-of-input errors just past the last line, so one line of slack is allowed.
    """
    assert isinstance(result, LoadResult)
    if result.bank is None:
        assert result.problems, "a failed load must say why"
    for problem in result.problems:
        assert isinstance(problem, Problem)
        assert problem.line >= 1
        assert problem.column >= 1
        if text_lines is not None:
            assert problem.line <= text_lines + 1, problem.format()
        formatted = problem.format()
        assert formatted.startswith(f"{result.path}:{problem.line}:{problem.column}: ")
        assert problem.message.strip()


@FUZZ
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_give_problems_not_exceptions(data: bytes) -> None:
    _assert_sound(load_bank_bytes(data, "fuzz.yaml"))


@FUZZ
@given(st.lists(st.sampled_from(YAML_NOISE) | st.characters(), max_size=200).map("".join))
def test_arbitrary_text_gives_problems_not_exceptions(text: str) -> None:
    _assert_sound(load_bank_text(text, "fuzz.yaml"), _yaml_lines(text))


_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | st.sampled_from(["single", "multiple", "true-false", "numeric", "matching", "q1", "F1"])
)
_keys = st.sampled_from(
    ["bank", "title", "questions", "id", "type", "prompt", "choices", "correct", "answer",
     "pairs", "left", "right", "objectives", "objective", "text", "value", "see", "draw",
     "items", "answers", "patterns", "tolerance", "rubric", "model_answer", "typo"]
)  # fmt: skip
_documents = st.recursive(
    _scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_keys, children, max_size=6),
    max_leaves=30,
)


@FUZZ
@given(_documents)
def test_any_yaml_document_gives_problems_not_exceptions(document: object) -> None:
    text = yaml.safe_dump(document, allow_unicode=True)
    _assert_sound(load_bank_text(text, "fuzz.yaml"), _yaml_lines(text))


@FUZZ
@given(
    st.lists(
        st.tuples(
            st.integers(0, len(VALID_BANK)),
            st.integers(0, 12),
            st.lists(st.sampled_from(YAML_NOISE + list(string.ascii_letters)), max_size=4).map(
                "".join
            ),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_mutated_valid_bank_gives_problems_not_exceptions(
    edits: list[tuple[int, int, str]],
) -> None:
    text = VALID_BANK
    for start, length, insert in edits:
        text = text[:start] + insert + text[start + length :]
    _assert_sound(load_bank_text(text, "fuzz.yaml"), _yaml_lines(text))


def test_valid_bank_used_for_mutations_is_valid() -> None:
    result = load_bank_text(VALID_BANK, "fuzz.yaml")
    assert result.ok, [p.format() for p in result.problems]


def test_unreadable_paths_give_problems(tmp_path: Path) -> None:
    _assert_sound(load_bank(tmp_path / "missing.yaml"))
    _assert_sound(load_bank(tmp_path))
    assert load_bank(tmp_path).bank is None
