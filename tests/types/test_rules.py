"""Structural rules: a question a learner cannot answer right, or cannot be graded on fairly,
is refused when the bank loads, with a located message naming the entries at fault."""

from __future__ import annotations

import pytest

from quizgen.loader import load_bank_text

HEAD = "bank: b\ntitle: T\nquestions:\n  - "

# (question, line:column, fragment of the message)
REFUSED = {
    "two choices read the same": (
        "{id: q, type: single, prompt: P, choices: [Paris, ' paris'], correct: 0}",
        "4:47", "questions[0].choices: choices 1 and 2 read the same ('paris')",
    ),
    "choices differing by a Persian letter variant": (
        "{id: q, type: multiple, prompt: P, choices: [کره, كره, ژاپن], correct: [0]}",
        "4:49", "choices 1 and 2 read the same",
    ),
    "two equal ordering items": (
        "{id: q, type: ordering, prompt: P, items: [a, b, A]}",
        "4:47", "questions[0].items: items 1 and 3 read the same ('A')",
    ),
    "two equal left items": (
        "{id: q, type: matching, prompt: P, pairs: [{left: a, right: x}, {left: a, right: y}]}",
        "4:47", "questions[0].pairs: left items of pairs 1 and 2 read the same",
    ),
    "two equal right items": (
        "{id: q, type: matching, prompt: P, pairs: [{left: a, right: x}, {left: b, right: x}]}",
        "4:47", "right items of pairs 1 and 2 read the same",
    ),
    "a distractor equal to a right item": (
        "{id: q, type: matching, prompt: P, pairs: [{left: a, right: x}, {left: b, right: y}],"
        " distractors: [Y]}",
        "4:5", "right-hand options (the pairs' right items, then the distractors) 2 and 3",
    ),
    "an answer no one can type": (
        "{id: q, type: fill-blank, prompt: P, answers: [North Korea, '...']}",
        "4:51", "answer 2 ('...') is only spaces or punctuation",
    ),
    "a pattern that accepts anything": (
        "{id: q, type: fill-blank, prompt: P, answers: [a], patterns: ['x*']}",
        "4:66", "pattern 1 ('x*') matches an empty answer",
    ),
    "a pattern that is not a regular expression": (
        "{id: q, type: fill-blank, prompt: P, answers: [a], patterns: ['(a']}",
        "4:66", "pattern 1 ('(a') is not a regular expression",
    ),
    "a value that is not a number": (
        "{id: q, type: numeric, prompt: P, value: .nan}",
        "4:46", "`value` must be a finite number, not nan",
    ),
    "an infinite tolerance": (
        "{id: q, type: numeric, prompt: P, value: 1, tolerance: .inf}",
        "4:60", "`tolerance` must be a finite number, not inf",
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", REFUSED, ids=str)
def test_ungradable_question_is_refused_where_it_stands(case: str) -> None:
    question, position, fragment = REFUSED[case]
    result = load_bank_text(HEAD + question + "\n", "x.yaml")
    assert not result.ok
    first = result.problems[0]
    assert fragment in first.message, first.format()
    assert f"{first.line}:{first.column}" == position, first.format()


@pytest.mark.parametrize(
    "question",
    [
        "{id: q, type: single, prompt: P, choices: ['?', '!'], correct: 0}",
        "{id: q, type: ordering, prompt: P, items: [Paris, Parish]}",
        "{id: q, type: matching, prompt: P, pairs: [{left: a, right: a}, {left: b, right: b}]}",
        "{id: q, type: fill-blank, prompt: P, answers: [a], patterns: ['^x+$']}",
    ],
)
def test_gradable_questions_still_load(question: str) -> None:
    result = load_bank_text(HEAD + question + "\n", "x.yaml")
    assert result.ok, [p.format() for p in result.problems]
