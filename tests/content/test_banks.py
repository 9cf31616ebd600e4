"""The module's question banks meet the course's quality bar, not only the schema."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from quizgen.loader import LoadResult, load_banks
from quizgen.translation import is_translation_file
from quizgen.types.choices import MultipleQuestion, SingleQuestion
from quizgen.types.true_false import TrueFalseQuestion

PROJECT = Path(__file__).resolve().parents[2]
BANK_FILES = sorted(p for p in (PROJECT / "quizzes").glob("*.yaml") if not is_translation_file(p))


@pytest.fixture(scope="module")
def banks() -> list[LoadResult]:
    return load_banks(BANK_FILES)


def test_every_bank_validates(banks: list[LoadResult]) -> None:
    problems = [p.format() for r in banks for p in r.problems]
    assert not problems, "\n".join(problems)
    assert {r.bank.bank for r in banks if r.bank} == {
        "theory", "history", "challenges", "requirements", "final",
    }  # fmt: skip


def test_at_least_a_hundred_questions(banks: list[LoadResult]) -> None:
    assert sum(len(r.bank.questions) for r in banks if r.bank) >= 100


def test_every_objective_has_three_questions_of_two_types(banks: list[LoadResult]) -> None:
    thin: list[str] = []
    for result in banks:
        assert result.bank is not None
        types: dict[str, list[str]] = defaultdict(list)
        for question in result.bank.questions:
            types[question.objective or ""].append(question.type)
        for objective in result.bank.objectives:
            found = types[objective.id]
            if len(found) < 3 or len(set(found)) < 2:
                thin.append(f"{result.bank.bank}/{objective.id}: {found}")
    assert not thin, thin


def test_every_question_is_tied_linked_and_explained(banks: list[LoadResult]) -> None:
    missing = [
        f"{r.bank.bank}/{q.id}"
        for r in banks
        if r.bank
        for q in r.bank.questions
        if not (q.objective and q.see and q.explanation)
    ]
    assert not missing, missing


def test_every_wrong_choice_has_feedback(banks: list[LoadResult]) -> None:
    bare = [
        f"{r.bank.bank}/{q.id}: {c.text}"
        for r in banks
        if r.bank
        for q in r.bank.questions
        if isinstance(q, SingleQuestion | MultipleQuestion)
        for c in q.choices
        if not c.correct and not c.feedback
    ]
    assert not bare, bare


def test_see_links_name_labels_that_exist(banks: list[LoadResult]) -> None:
    labels: dict[str, set[str]] = {}
    broken: list[str] = []
    for result in banks:
        assert result.bank is not None
        targets = [q.see for q in result.bank.questions] + [o.see for o in result.bank.objectives]
        for target in filter(None, targets):
            page, _, label = target.partition("#")
            if page not in labels:
                text = (PROJECT / "source" / f"{page}.md").read_text(encoding="utf-8")
                labels[page] = set(re.findall(r"^\(([\w-]+)\)=$", text, flags=re.M))
            if label and label not in labels[page]:
                broken.append(f"{result.bank.bank}: {target}")
    assert not broken, broken


def test_true_false_answers_are_balanced(banks: list[LoadResult]) -> None:
    for result in banks:
        assert result.bank is not None
        answers = {q.answer for q in result.bank.questions if isinstance(q, TrueFalseQuestion)}
        assert len(answers) == 2, f"{result.bank.bank}: every true/false answer is {answers}"


def test_no_all_or_none_of_the_above(banks: list[LoadResult]) -> None:
    lazy = re.compile(r"\b(all|none) of the above\b", re.I)
    found = [
        f"{r.bank.bank}/{q.id}"
        for r in banks
        if r.bank
        for q in r.bank.questions
        if isinstance(q, SingleQuestion | MultipleQuestion)
        and any(lazy.search(c.text) for c in q.choices)
    ]
    assert not found, found
