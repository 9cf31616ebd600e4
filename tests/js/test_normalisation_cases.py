"""The Python answer rules agree with the shared table that quizgen.js is tested against too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizgen.answers import answer_matches, normalise_answer, parse_number

CASES = json.loads(
    (Path(__file__).resolve().parents[1] / "data" / "normalisation_cases.yaml").read_text("utf-8")
)


@pytest.mark.parametrize(("given", "expected"), CASES["normalise"])
def test_normalise(given: str, expected: str) -> None:
    assert normalise_answer(given) == expected


@pytest.mark.parametrize(("given", "accepted", "patterns", "expected"), CASES["matches"])
def test_matches(given: str, accepted: list[str], patterns: list[str], expected: bool) -> None:
    assert answer_matches(given, accepted, patterns) is expected


@pytest.mark.parametrize(("given", "expected"), CASES["numbers"])
def test_parse_number(given: str, expected: float | None) -> None:
    assert parse_number(given) == expected
