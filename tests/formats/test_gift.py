"""GIFT import: Moodle's own files, escapes, located problems, and load(dump(bank)) == bank."""

from __future__ import annotations

from pathlib import Path

import pytest
from bank_strategies import banks
from hypothesis import HealthCheck, assume, example, given, settings
from roundtrip import as_shown, carried

from quizgen.cli import main
from quizgen.formats import gift
from quizgen.loader import load_bank
from quizgen.model import Bank
from quizgen.types.choices import MultipleQuestion, SingleQuestion
from quizgen.types.fill_blank import FillBlankQuestion
from quizgen.types.matching import MatchingQuestion
from quizgen.types.numeric import NumericQuestion
from quizgen.types.short_answer import ShortAnswerQuestion
from quizgen.types.true_false import TrueFalseQuestion

PROJECT = Path(__file__).resolve().parents[2]
SAMPLE = Path(__file__).resolve().parent / "fixtures" / "sample.gift"
GOOD = PROJECT / "tests" / "banks" / "good" / "every-type.yaml"
GIFT_TYPES = {
    "single", "multiple", "true-false", "fill-blank", "numeric", "ordering", "matching",
    "short-answer",
}  # fmt: skip
GIFT_DROPS = {
    "short-answer": ("rubric", "model_answer"),
    "matching": ("feedback",),
    "ordering": ("feedback",),
    "numeric": ("unit",),
}


def _sample() -> tuple[Bank, list]:
    bank, problems = gift.load(SAMPLE.read_text(encoding="utf-8"), "sample.gift")
    assert bank is not None, [p.format() for p in problems]
    return bank, problems


def test_sample_file_converts_every_question() -> None:
    bank, problems = _sample()
    assert (bank.bank, bank.title) == ("Nuclear-diplomacy", "Nuclear diplomacy")
    kinds = {q.id: type(q) for q in bank.questions}
    assert kinds == {
        "Framework-year": SingleQuestion,
        "Parties": MultipleQuestion,
        "Weighted-spelling": FillBlankQuestion,
        "Hanoi": TrueFalseQuestion,
        "q5": TrueFalseQuestion,
        "Tests": NumericQuestion,
        "Range": NumericQuestion,
        "Match-deals": MatchingQuestion,
        "Escapes": FillBlankQuestion,
        "Essay": ShortAnswerQuestion,
        "Fill-in": FillBlankQuestion,
    }
    year, parties, spelling, hanoi, leap, tests, ranged, deals, escapes, essay, blank = (
        bank.questions
    )
    assert isinstance(year, SingleQuestion)
    assert [c.feedback for c in year.choices] == [
        "Right: October 1994, in Geneva.",
        "That year the Six-Party Talks began.",
        "That is the Singapore statement.",
    ]
    assert year.explanation and year.explanation.startswith("It froze the Yongbyon reactor")
    assert isinstance(parties, MultipleQuestion)
    assert parties.prompt == "Which states took part in the **Six-Party Talks**?"
    assert [c.text for c in parties.choices if c.correct] == ["China", "Japan"]
    assert isinstance(spelling, FillBlankQuestion)
    assert (spelling.answers, spelling.feedback) == (["Yongbyon"], "No.")
    assert isinstance(hanoi, TrueFalseQuestion) and isinstance(leap, TrueFalseQuestion)
    assert (hanoi.answer, hanoi.feedback, leap.answer) == (True, "It did end without one.", True)
    assert isinstance(tests, NumericQuestion) and isinstance(ranged, NumericQuestion)
    assert (tests.value, tests.tolerance, ranged.value, ranged.tolerance) == (6, 0, 2003, 1)
    assert isinstance(deals, MatchingQuestion)
    assert (deals.pairs[0].left, deals.pairs[0].right) == ("Agreed Framework", "1994")
    assert deals.distractors == ["2018"]
    assert isinstance(escapes, FillBlankQuestion)
    assert escapes.prompt == "Write the set {a, b} and the ratio 1:2 = 0.5 ~ half, # not a comment."
    assert (escapes.answers, escapes.feedback) == (["yes=really"], "fine # yes")
    assert isinstance(essay, ShortAnswerQuestion)
    assert isinstance(blank, FillBlankQuestion)
    assert blank.prompt == "The Agreed Framework was signed in _____ in October 1994."
    assert blank.answers == ["Geneva", "Genf"]
    said = [(p.line, p.severity, p.message) for p in problems]
    assert said == [
        (19, "warning", "partial credit has no equivalent: 'Yongbyong' (50%) dropped"),
        (39, "warning", "a GIFT essay carries no model answer: write one in the bank"),
    ]


def test_import_command_writes_a_valid_bank(tmp_path: Path) -> None:
    out = tmp_path / "moodle.yaml"
    assert main(["import", "-q", str(SAMPLE), "-o", str(out), "--bank", "moodle"]) == 0
    result = load_bank(out)
    assert result.ok, [p.format() for p in result.problems]
    assert result.bank is not None
    assert (result.bank.bank, len(result.bank.questions)) == ("moodle", 11)


def test_questions_without_titles_are_numbered() -> None:
    text = "Is it so?{T}\n\n::named::Pick{=a ~b}\n\nAnd this?{F}\n"
    bank, problems = gift.load(text, "t.gift")
    assert bank is not None and not problems
    assert [q.id for q in bank.questions] == ["q1", "named", "q3"]


def test_escapes_and_ranges() -> None:
    text = "::e::Say \\{hi\\} \\= \\~ \\# \\: \\\\ done\\nnext{=a\\=b#fine \\# yes}\n\n"
    text += "::r::Between?{#1..5}\n"
    bank, problems = gift.load(text, "e.gift")
    assert bank is not None, problems
    first, ranged = bank.questions
    assert first.prompt == "Say {hi} = ~ # : \\ done\nnext"
    assert isinstance(first, FillBlankQuestion)
    assert first.answers == ["a=b"]
    assert first.feedback == "fine # yes"
    assert isinstance(ranged, NumericQuestion)
    assert (ranged.value, ranged.tolerance) == (3, 2)


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("// c\n::a::No answers here\n", 2, "no answer part `{...}`"),
        ("\n\n::open title{T}\n", 3, "title opened with `::` is not closed"),
        ("::n::How many?{#lots}\n", 1, "a numeric answer is a number"),
        ("::m::Match{=a -> b =c}\n", 1, "matching answer needs `left -> right`"),
        ("::one::Pick{=only}\n\n::s::Pick{~a ~b}\n", 3, "at least one correct choice"),
        ("// nothing but a comment\n", 1, "no question could be converted"),
    ],
)
def test_malformed_gift_gives_located_problems(text: str, line: int, fragment: str) -> None:
    bank, problems = gift.load(text, "bad.gift")
    assert bank is None
    errors = [p for p in problems if p.severity == "error"]
    assert errors, problems
    assert (errors[0].line, errors[0].path) == (line, "bad.gift")
    assert fragment in errors[0].message


def test_import_of_malformed_gift_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "bad.gift"
    source.write_text("::a::fine{T}\n\n::b::broken {#x}\n", encoding="utf-8")
    out = tmp_path / "bank.yaml"
    assert main(["import", str(source), "-o", str(out)]) == 1
    captured = capsys.readouterr()
    assert "bad.gift:3:1: error[import_format]" in captured.out
    assert "Traceback" not in captured.out + captured.err
    assert not out.exists()


def test_reference_bank_round_trips() -> None:
    bank = load_bank(GOOD).bank
    assert bank is not None
    loaded, problems = gift.load(gift.dump(bank).content, "every-type.gift")
    assert [p.message for p in problems] == [
        "a GIFT essay carries no model answer: write one in the bank"
    ]
    assert as_shown(loaded) == as_shown(
        carried(bank, types=GIFT_TYPES, extra_drops=GIFT_DROPS, exact_numbers_as_text=True)
    )


PERSIAN = {
    "bank": "fa-bank",
    "title": "آزمون قدرت نرم",
    "questions": [
        {
            "id": "q-fa",
            "type": "single",
            "prompt": "کدام گزینه {درست} است؟ ~ = # : \\",
            "choices": [
                {"text": "۱۹۹۴", "correct": True, "feedback": "آفرین: #درست"},
                {"text": "۲۰۰۵ -- {نه}"},
            ],
            "explanation": "چارچوب توافقی\nژنو",
        }
    ],
}


def test_persian_bank_with_special_characters_round_trips() -> None:
    bank = Bank.model_validate(PERSIAN)
    loaded, problems = gift.load(gift.dump(bank).content, "fa.gift")
    assert not problems
    assert as_shown(loaded) == as_shown(bank)


def _matching(right: str) -> dict:
    """A bank whose matching right-hand side looks like an HTML tag: Moodle shows it as text."""
    pairs = [{"left": "0", "right": "0"}, {"left": "0 0", "right": right}]
    question = {"id": "0", "type": "matching", "prompt": "0", "distractors": [], "pairs": pairs}
    return {"bank": "0", "title": "0", "language": "en", "shuffle": False, "questions": [question]}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=banks())
@example(data=_matching("<A 0>"))
@example(data=_matching("1<? 0>"))
def test_generated_banks_round_trip(data: dict) -> None:
    bank = Bank.model_validate(data)
    expected = carried(bank, types=GIFT_TYPES, extra_drops=GIFT_DROPS, exact_numbers_as_text=True)
    assume(expected.questions)
    # GIFT has no escape for `->`, so matching texts containing it cannot survive.
    assume(all("->" not in str(q.model_dump()) for q in expected.questions))
    content = gift.dump(bank).content
    loaded, problems = gift.load(content, "gen.gift")
    assert [p for p in problems if p.severity == "error"] == []
    assert as_shown(loaded) == as_shown(expected)
