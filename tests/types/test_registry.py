"""Every question type answers to every output; an incomplete type cannot be registered."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from quizgen.formats.catalog import FORMATS
from quizgen.loader import load_bank, load_bank_text
from quizgen.model import Bank
from quizgen.types import (
    OUTPUTS,
    QuestionType,
    TypeRegistrationError,
    Unsupported,
    all_types,
    get,
    register,
    unregister,
)
from quizgen.types.short_answer import ShortAnswer, ShortAnswerQuestion

HERE = Path(__file__).resolve().parent
EVERY_TYPE = HERE.parent / "banks" / "good" / "every-type.yaml"
sys.path.insert(0, str(HERE))

from year_type import Year  # noqa: E402


@pytest.fixture
def year_type():
    register(Year(), replace=True)
    yield get("year")
    unregister("year")


def _bank() -> Bank:
    result = load_bank(EVERY_TYPE)
    assert result.bank is not None, [p.format() for p in result.problems]
    return result.bank


def test_the_sample_bank_holds_every_registered_type() -> None:
    assert {q.type for q in _bank().questions} == {kind.name for kind in all_types()}


@pytest.mark.parametrize("output", OUTPUTS)
@pytest.mark.parametrize("kind", all_types(), ids=lambda kind: kind.name)
def test_every_type_declares_every_output(kind: QuestionType, output: str) -> None:
    declared = kind.declaration(output)
    assert declared is None or (isinstance(declared, Unsupported) and declared.reason.strip())


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("kind", all_types(), ids=lambda kind: kind.name)
def test_every_type_exports_or_is_reported(kind: QuestionType, fmt: str) -> None:
    bank = _bank()
    bank.questions = [q for q in bank.questions if q.type == kind.name]
    files, notes = FORMATS[fmt].write(bank)
    assert files and all(content for content in files.values())
    left_out = [n for n in notes if n.left_out]
    refused = kind.declaration(FORMATS[fmt].output)
    assert bool(left_out) == (refused is not None)


def test_a_type_that_leaves_an_output_undeclared_is_refused() -> None:
    class Half(QuestionType[ShortAnswerQuestion]):
        name = "short-answer"
        model = ShortAnswerQuestion
        widget = "short-answer"
        summary = "Half wired."
        answer_key = ShortAnswer.answer_key
        sheet = ShortAnswer.sheet
        key = ShortAnswer.key

        def to_gift(self, question, out):  # type: ignore[no-untyped-def]
            return ""

    with pytest.raises(TypeRegistrationError, match="neither implements nor refuses"):
        register(Half())


def test_a_type_whose_model_does_not_name_it_is_refused() -> None:
    class Misnamed(ShortAnswer):
        name = "essay"

    with pytest.raises(TypeRegistrationError, match="Literal"):
        register(Misnamed())


def test_a_registered_type_loads_and_every_export_reports_it(year_type: QuestionType) -> None:
    text = (HERE.parent / "roots" / "test-quiz-custom-type" / "quizzes" / "years.yaml").read_text()
    result = load_bank_text(text, "years.yaml")
    assert result.ok, [p.format() for p in result.problems]
    assert result.bank is not None
    for fmt in FORMATS.values():
        _files, notes = fmt.write(result.bank)
        reported = [n for n in notes if n.question == "framework-year"]
        if year_type.declaration(fmt.output) is None:
            assert not [n for n in reported if n.left_out], fmt.name
        else:
            assert [n.left_out for n in reported] == [True], fmt.name
            assert "year type" in reported[0].message
    data = json.loads(FORMATS["json"].write(result.bank)[0][".json"])
    assert data["questions"][0] == {**data["questions"][0], "type": "year", "year": 1994}


def test_an_unregistered_type_is_a_located_error() -> None:
    text = "bank: b\ntitle: T\nquestions:\n  - {id: q, type: year, prompt: P, year: 1}\n"
    result = load_bank_text(text, "b.yaml")
    assert not result.ok
    message = result.problems[0].format()
    assert message.startswith("b.yaml:4:")
    assert "unknown question type 'year'" in message
