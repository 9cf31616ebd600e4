"""quizgen lint: each review rule fires on the weakness it names, located, and can be silenced."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizgen.cli import main
from quizgen.lint import RULE_IDS, lint_bank
from quizgen.loader import load_bank, load_bank_text

PROJECT = Path(__file__).resolve().parents[1]

CLEAN_QUESTION = """\
  - id: {id}
    type: single
    prompt: Which year?
    choices:
      - {{text: "1994", correct: true}}
      - {{text: "2005", feedback: That is the Joint Statement.}}
    explanation: Geneva, 1994.
    see: history#agreed-framework
"""


def _rules(text: str, **kwargs: object) -> list[tuple[str | None, int]]:
    result = load_bank_text(text, "bank.yaml")
    assert result.ok, [p.format() for p in result.problems]
    return [(p.rule, p.line) for p in lint_bank(result, **kwargs)]  # type: ignore[arg-type]


def _bank(*questions: str, extra: str = "") -> str:
    return "bank: b\ntitle: B\n" + extra + "questions:\n" + "".join(questions)


def test_a_well_made_question_has_no_findings() -> None:
    assert _rules(_bank(CLEAN_QUESTION.format(id="q"))) == []


def test_missing_explanation_and_link_are_located_at_the_question() -> None:
    text = _bank(CLEAN_QUESTION.format(id="q").replace("    explanation: Geneva, 1994.\n", "")
                 .replace("    see: history#agreed-framework\n", ""))  # fmt: skip
    assert _rules(text) == [("no-explanation", 4), ("no-see-link", 4)]


def test_distractor_without_feedback_points_at_the_choice() -> None:
    text = _bank(
        CLEAN_QUESTION.format(id="q").replace(", feedback: That is the Joint Statement.", "")
    )
    assert _rules(text) == [("distractor-without-feedback", 9)]


@pytest.mark.parametrize(
    ("first", "second"),
    [("Heavy fuel oil", "Heavy fuel oils"), ("The United States", "The United State"),
     ("Sanctions relief for Yongbyon", "Sanction relief for Yongbyon")],
)  # fmt: skip
def test_near_duplicate_choices(first: str, second: str) -> None:
    """Choices that read the same are refused when the bank loads (tests/types/test_rules.py);
    lint warns about choices that differ by a letter or two."""
    question = f"""\
  - id: q
    type: multiple
    prompt: Which?
    choices:
      - {{text: "{first}", correct: true}}
      - {{text: "{second}", feedback: No.}}
    explanation: E.
    see: history
"""
    assert _rules(_bank(question)) == [("duplicate-choice", 9)]


@pytest.mark.parametrize("wording", ["All of the above", "None of these", "هیچ‌کدام از موارد"])
def test_all_or_none_of_the_above(wording: str) -> None:
    question = CLEAN_QUESTION.format(id="q").replace("That is the Joint Statement.", "No.")
    question = question.replace('"2005"', f'"{wording}"')
    assert ("all-or-none-of-the-above", 9) in _rules(_bank(question))


def _singles(count: int, right: str, wrong: str, *, first: int = 0) -> list[str]:
    return [
        f"""\
  - id: q{n}
    type: single
    prompt: Which?
    choices:
      - {{text: "{right}", correct: true}}
      - {{text: "{wrong}", feedback: No.}}
    explanation: E.
    see: history
"""
        for n in range(first, first + count)
    ]


def test_correct_always_longest_needs_a_pattern_across_the_bank() -> None:
    long_right = _singles(4, "A long and careful right answer", "Short")
    assert [rule for rule, _ in _rules(_bank(*long_right))] == ["correct-always-longest"]
    mixed = long_right[:3] + _singles(1, "Short", "A long and careful wrong answer", first=9)
    assert _rules(_bank(*mixed)) == []


def test_same_position_only_matters_when_shuffling_is_off() -> None:
    questions = _singles(4, "Right one", "Wrong one")
    assert _rules(_bank(*questions)) == []
    rules = [rule for rule, _ in _rules(_bank(*questions, extra="shuffle: false\n"))]
    assert rules == ["correct-same-position"]


def test_true_false_all_the_same() -> None:
    statements = [
        f"  - {{id: t{n}, type: true-false, prompt: Claim {n}., answer: true, "
        "feedback: F., explanation: E., see: history}\n"
        for n in range(4)
    ]
    assert [rule for rule, _ in _rules(_bank(*statements))] == ["true-false-all-same"]
    varied = [*statements[:3], statements[3].replace("answer: true", "answer: false")]
    assert _rules(_bank(*varied)) == []


def test_ignored_rules_are_silenced() -> None:
    text = _bank(CLEAN_QUESTION.format(id="q").replace("    explanation: Geneva, 1994.\n", ""))
    assert _rules(text, ignore=frozenset({"no-explanation"})) == []


def test_the_module_banks_pass_every_rule() -> None:
    banks = sorted((PROJECT / "quizzes").glob("*.yaml"))
    findings = [p.format() for path in banks for p in lint_bank(load_bank(path))]
    assert findings == []


def test_cli_reports_rule_ids_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    bank = tmp_path / "b.yaml"
    bank.write_text(
        _bank(CLEAN_QUESTION.format(id="q").replace("    see: history#agreed-framework\n", ""))
    )
    assert main(["lint", str(bank)]) == 1
    out = capsys.readouterr().out
    assert "b.yaml:4:5: warning[lint:no-see-link]: q: add `see: page#section`" in out
    assert main(["lint", "--ignore", "no-see-link", str(bank)]) == 0
    capsys.readouterr()
    assert main(["lint", "--format", "json", str(bank)]) == 1
    (problem,) = json.loads(capsys.readouterr().out)["problems"]
    assert problem["rule"] == "no-see-link"
    assert problem["severity"] == "warning"


def test_cli_refuses_unknown_rules(capsys: pytest.CaptureFixture) -> None:
    assert main(["lint", "--ignore", "no-such-rule"]) == 2
    assert "unknown rule no-such-rule" in capsys.readouterr().err


def test_every_rule_is_listed(capsys: pytest.CaptureFixture) -> None:
    assert main(["lint", "--list-rules"]) == 0
    listed = {line.split()[0] for line in capsys.readouterr().out.splitlines()}
    assert listed == RULE_IDS
