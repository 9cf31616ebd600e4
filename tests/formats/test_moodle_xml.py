"""Moodle XML import: Moodle's own shapes, refused DTDs, located problems, and round trips."""

from __future__ import annotations

from pathlib import Path

import pytest
from bank_strategies import banks
from hypothesis import HealthCheck, assume, given, settings
from roundtrip import as_shown, carried

from quizgen.cli import main
from quizgen.formats import moodle_xml
from quizgen.loader import load_bank
from quizgen.model import Bank
from quizgen.types.choices import MultipleQuestion, SingleQuestion
from quizgen.types.numeric import NumericQuestion

GOOD = Path(__file__).resolve().parents[1] / "banks" / "good" / "every-type.yaml"
ALL_TYPES = {
    "single", "multiple", "true-false", "fill-blank", "numeric", "ordering", "matching",
    "short-answer",
}  # fmt: skip
XML_DROPS: dict[str, tuple[str, ...]] = {}

MOODLE_EXPORT = """\
<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category">
    <category><text>$course$/top/Week 1</text></category>
  </question>
  <question type="multichoice">
    <name><text>Capital question</text></name>
    <questiontext format="html"><text><![CDATA[<p>What is the <b>capital</b> of France?</p>
<script>alert(1)</script>]]></text></questiontext>
    <generalfeedback format="html"><text><![CDATA[<p>Paris &amp; nowhere else.</p>]]></text>
    </generalfeedback>
    <single>true</single>
    <answer fraction="100" format="html"><text>Paris</text>
      <feedback format="html"><text>Right.</text></feedback></answer>
    <answer fraction="0" format="html"><text>Lyon</text>
      <feedback format="html"><text><![CDATA[No, <i>Lyon</i> is not.]]></text></feedback>
    </answer>
  </question>
  <question type="multichoice">
    <name><text>Primes</text></name>
    <questiontext format="plain_text"><text>Pick the primes</text></questiontext>
    <single>false</single>
    <answer fraction="50"><text>2</text></answer>
    <answer fraction="50"><text>3</text></answer>
    <answer fraction="-100"><text>4</text></answer>
  </question>
  <question type="numerical">
    <name><text>Year</text></name>
    <questiontext format="plain_text"><text>Year of the Agreed Framework?</text></questiontext>
    <answer fraction="100"><text>1994</text><tolerance>1</tolerance></answer>
  </question>
  <question type="calculated">
    <name><text>Formula</text></name>
    <questiontext format="plain_text"><text>{a} + {b}?</text></questiontext>
  </question>
</quiz>
"""


def test_moodle_export_converts_supported_questions_and_reports_the_rest() -> None:
    bank, problems = moodle_xml.load(MOODLE_EXPORT, "week1.xml")
    assert bank is not None
    assert bank.bank == "Week-1"
    assert [q.id for q in bank.questions] == ["Capital-question", "Primes", "Year"]
    capital, primes, year = bank.questions
    assert isinstance(capital, SingleQuestion)
    assert capital.prompt == "What is the **capital** of France?"
    assert capital.explanation == "Paris & nowhere else."
    assert capital.choices[1].feedback == "No, *Lyon* is not."
    assert isinstance(primes, MultipleQuestion)
    assert [c.correct for c in primes.choices] == [True, True, False]
    assert isinstance(year, NumericQuestion)
    assert (year.value, year.tolerance) == (1994, 1)
    assert [(p.line, p.severity) for p in problems] == [(32, "warning")]
    assert "'calculated' cannot be converted" in problems[0].message


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        (
            '<?xml version="1.0"?>\n<!DOCTYPE quiz [\n<!ENTITY a "aaaa">\n]>\n<quiz>&a;</quiz>',
            2,
            "<!DOCTYPE> is refused",
        ),
        ("<quiz>\n<question type='essay'>\n</quiz>\n", 3, "not well-formed XML"),
        ("<questions/>\n", 1, "the root element is <questions>"),
        ("<quiz>\n</quiz>\n", 1, "no question could be converted"),
        (
            "<quiz>\n<question type='numerical'><name><text>n</text></name>"
            "<questiontext><text>How many?</text></questiontext>"
            "<answer fraction='100'><text>lots</text></answer></question></quiz>",
            2,
            "'lots' is not a number",
        ),
    ],
)
def test_malformed_xml_gives_located_problems(text: str, line: int, fragment: str) -> None:
    bank, problems = moodle_xml.load(text, "bad.xml")
    assert bank is None
    assert (problems[0].line, problems[0].path) == (line, "bad.xml")
    assert fragment in problems[0].message


def test_import_of_an_xml_bomb_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "bomb.xml"
    entities = "".join(f'<!ENTITY e{i} "&e{i - 1};&e{i - 1};">' for i in range(1, 30))
    source.write_text(f'<!DOCTYPE quiz [<!ENTITY e0 "x">{entities}]><quiz>&e29;</quiz>')
    out = tmp_path / "bank.yaml"
    assert main(["import", str(source), "-o", str(out)]) == 1
    captured = capsys.readouterr()
    assert "bomb.xml:1:1: error[import_format]" in captured.out
    assert "Traceback" not in captured.out + captured.err
    assert not out.exists()


def test_import_command_writes_a_bank_that_validates(tmp_path: Path) -> None:
    source = tmp_path / "week1.xml"
    supported_only = MOODLE_EXPORT.replace('  <question type="calculated">', "  <!--")
    supported_only = supported_only.replace("  </question>\n</quiz>", "  -->\n</quiz>")
    source.write_text(supported_only, encoding="utf-8")
    out = tmp_path / "out" / "week1.yaml"
    assert main(["import", "-q", str(source), "-o", str(out)]) == 0
    result = load_bank(out)
    assert result.ok, [p.format() for p in result.problems]
    assert result.bank is not None
    assert len(result.bank.questions) == 3


def test_reference_bank_round_trips() -> None:
    bank = load_bank(GOOD).bank
    assert bank is not None
    loaded, problems = moodle_xml.load(moodle_xml.dump(bank).content, "every-type.xml")
    assert not problems
    assert as_shown(loaded) == as_shown(
        carried(
            bank,
            types=ALL_TYPES,
            extra_drops=XML_DROPS,
            exact_numbers_as_text=True,
            units_keep_numbers=True,
        )
    )


def test_persian_text_round_trips() -> None:
    data = {
        "bank": "fa",
        "title": "fa",
        "questions": [
            {"id": "n", "type": "numeric", "prompt": "سال توافق ژنو؟ <b>", "value": 1994.5,
             "tolerance": 0.25, "unit": "سال", "feedback": "نه & ]]> {}"},
        ],
    }  # fmt: skip
    bank = Bank.model_validate(data)
    loaded, problems = moodle_xml.load(moodle_xml.dump(bank).content, "fa.xml")
    assert not problems
    assert as_shown(loaded) == as_shown(bank)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=banks())
def test_generated_banks_round_trip(data: dict) -> None:
    bank = Bank.model_validate(data)
    expected = carried(
        bank,
        types=ALL_TYPES,
        extra_drops=XML_DROPS,
        exact_numbers_as_text=True,
        units_keep_numbers=True,
    )
    assume(expected.questions)
    loaded, problems = moodle_xml.load(moodle_xml.dump(bank).content, "gen.xml")
    assert [p for p in problems if p.severity == "error"] == []
    assert as_shown(loaded) == as_shown(expected)


def test_sample_file_converts_every_type_and_reports_the_rest() -> None:
    sample = Path(__file__).resolve().parent / "fixtures" / "sample.xml"
    bank, problems = moodle_xml.load(sample.read_text(encoding="utf-8"), "sample.xml")
    assert bank is not None, [p.format() for p in problems]
    assert (bank.bank, bank.title) == ("Nuclear-diplomacy", "Questions on the **negotiations**")
    types = [q.type for q in bank.questions]
    assert types == [
        "single", "multiple", "true-false", "fill-blank", "numeric", "matching", "ordering",
        "short-answer",
    ]  # fmt: skip
    year, parties, hanoi, reactor, tests, deals, order, essay = bank.questions
    assert year.prompt == "In which year was the *Agreed Framework* signed?"
    assert year.explanation == "Geneva, October 1994."
    assert [c.feedback for c in year.choices] == ["Right.", "No, that is the *Joint Statement*."]
    assert [c.correct for c in parties.choices] == [True, True, False]
    assert (hanoi.answer, hanoi.feedback) == (True, "It did end without one.")
    assert reactor.answers == ["Yongbyon", "Nyongbyon", "5 * 2"]  # `\*` is a literal star
    assert reactor.feedback == "Look at the map of North Pyongan."
    assert tests.prompt == "How many nuclear tests by the end of 2017? 3 < n"
    assert (tests.value, tests.unit, tests.feedback) == (6, "tests", "Count 2006 to 2017 again.")
    assert [p.right for p in deals.pairs] == ["1994", "2012"]
    assert deals.distractors == ["2018"]
    assert deals.feedback == "One year matches no agreement."
    assert order.items == ["Agreed Framework", "Joint Statement", "Leap Day deal"]
    assert essay.model_answer == "Sanctions relief against Yongbyon."
    assert essay.rubric == ["Names sanctions relief", "Names Yongbyon"]
    said = [(p.line, p.severity, p.message) for p in problems]
    assert said == [
        (31, "warning", "partial credit has no equivalent: 'Yongbyong' dropped"),
        (68, "warning", "question type 'cloze' cannot be converted: left out"),
    ]
