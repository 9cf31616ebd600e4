"""GIFT exports read back by pygiftparser, a GIFT parser quizgen shares no code with.

Why a second parser: our own importer could share a misreading with our exporter. pygiftparser
(MIT, from PyPI) reads every module bank, English and Persian, and must see the same question
names, the same kinds of question and the same answer keys.

Its known gaps, allowed here and nowhere else: it rejects a numeric answer followed by
Moodle's wrong-answer feedback (``{#1994:0 ~#feedback}``, which Moodle's own importer reads),
and it keeps GIFT's backslash escapes in the texts it returns.
"""

from __future__ import annotations

import html
import io
import logging
import re
from pathlib import Path

import pytest
from pygiftparser import parser as independent

from quizgen.answers import number_forms, spelling_variants
from quizgen.formats import gift
from quizgen.inline import to_html
from quizgen.loader import load_bank
from quizgen.model import Bank
from quizgen.numbers import plain_number
from quizgen.types.choices import MultipleQuestion, SingleQuestion
from quizgen.types.fill_blank import FillBlankQuestion
from quizgen.types.matching import MatchingQuestion
from quizgen.types.numeric import NumericQuestion
from quizgen.types.ordering import OrderingQuestion
from quizgen.types.short_answer import ShortAnswerQuestion
from quizgen.types.true_false import TrueFalseQuestion

QUIZZES = Path(__file__).resolve().parents[2] / "quizzes"
BANKS = sorted(QUIZZES.glob("*.yaml"))
EVERY_TYPE = Path(__file__).resolve().parents[1] / "banks" / "good" / "every-type.yaml"

#: pygiftparser's answer-set class for each of our types.
EXPECTED_KIND = {
    SingleQuestion: "SelectSet",
    MultipleQuestion: "MultipleChoicesSet",
    TrueFalseQuestion: "TrueFalseSet",
    FillBlankQuestion: "ShortSet",
    NumericQuestion: "NumericAnswerSet",
    MatchingQuestion: "MatchingSet",
    OrderingQuestion: "MatchingSet",  # GIFT has no ordering: items are matched to positions
    ShortAnswerQuestion: "Essay",
}
_ESCAPE = re.compile(r"\\([~=#{}:\\])")


def _plain(text: str) -> str:
    """A text as the learner reads it: GIFT escapes undone, HTML tags dropped, spacing folded."""
    unescaped = html.unescape(re.sub(r"<[^>]+>", "", _ESCAPE.sub(r"\1", text)))
    return " ".join(unescaped.split())


def _parse(bank: Bank) -> list:
    logging.getLogger("pygiftparser").setLevel(logging.ERROR)
    return independent.parseFile(io.StringIO(gift.dump(bank).content))


def _bank(path: Path) -> Bank:
    result = load_bank(path)
    assert result.bank is not None, [p.format() for p in result.problems]
    return result.bank


@pytest.mark.parametrize("path", [*BANKS, EVERY_TYPE], ids=lambda p: p.name)
def test_independent_parser_reads_every_exported_question(path: Path) -> None:
    bank = _bank(path)
    parsed = _parse(bank)
    exported = list(bank.questions)
    assert [q.title for q in parsed] == [q.id for q in exported]
    for question, seen in zip(exported, parsed, strict=True):
        numeric_with_feedback = isinstance(question, NumericQuestion) and question.feedback
        if numeric_with_feedback:
            continue  # the parser's gap described above
        if isinstance(question, FillBlankQuestion) and question.feedback:
            # Moodle reads `{=a =%0%*#feedback}` as a short answer whose 0% catch-all carries
            # the feedback; this parser takes any weight for a choice question.
            assert type(seen.answers).__name__ == "SelectSet", question.id
            continue
        assert seen.valid, question.id
        kind = EXPECTED_KIND[type(question)]
        if isinstance(question, NumericQuestion) and not question.tolerance:
            kind = "ShortSet"  # an exact number goes as a short answer listing each digit form
        assert type(seen.answers).__name__ == kind, question.id
        assert _plain(seen.text) == _plain(to_html(question.prompt)), question.id


@pytest.mark.parametrize("path", [*BANKS, EVERY_TYPE], ids=lambda p: p.name)
def test_independent_parser_finds_the_same_answer_keys(path: Path) -> None:
    bank = _bank(path)
    parsed = {q.title: q for q in _parse(bank)}
    for question in bank.questions:
        seen = parsed.get(question.id)
        if seen is None or not seen.valid:
            continue
        answers = getattr(seen.answers, "answers", [])
        if isinstance(question, SingleQuestion | MultipleQuestion):
            right = {_plain(a.answer) for a in answers if a.fraction > 0}
            expected = {_plain(to_html(c.text)) for c in question.choices if c.correct}
            assert right == expected, question.id
            assert sum(a.fraction for a in answers if a.fraction > 0) == pytest.approx(100)
        elif isinstance(question, TrueFalseQuestion):
            assert seen.answers.answer is question.answer, question.id
        elif isinstance(question, FillBlankQuestion) and not question.feedback:
            typed = [a.answer.replace("\\\\*", "*") for a in answers if a.answer != "*"]
            wanted = dict.fromkeys(v for a in question.answers for v in spelling_variants(a))
            assert typed == list(wanted), question.id
        elif isinstance(question, NumericQuestion) and not question.tolerance:
            forms = number_forms(plain_number(question.value))
            assert [a.answer for a in answers if a.answer != "*"] == forms, question.id
        elif isinstance(question, NumericQuestion):
            (answer,) = answers
            assert answer.value == pytest.approx(question.value)
            assert answer.tolerance == pytest.approx(question.tolerance)
        elif isinstance(question, MatchingQuestion):
            pairs = {(_plain(a.question), _plain(a.answer)) for a in answers if a.question.strip()}
            wanted = {(_plain(to_html(p.left)), _plain(to_html(p.right))) for p in question.pairs}
            assert pairs == wanted, question.id


def test_the_banks_exercise_every_kind_the_parser_knows() -> None:
    kinds = {
        type(q.answers).__name__
        for path in [*BANKS, EVERY_TYPE]
        for q in _parse(_bank(path))
        if q.valid
    }
    assert kinds >= set(EXPECTED_KIND.values())
