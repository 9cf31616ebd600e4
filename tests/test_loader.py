"""The loader: every bad bank gives one located, plain-worded problem; good banks load whole."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pydantic import TypeAdapter, ValidationError

from quizgen.cli import main
from quizgen.loader import MAX_BANK_BYTES, load_bank, load_bank_text, load_banks
from quizgen.model import MAX_FIELD_CHARS, SeeTarget
from quizgen.problems import ProblemCode
from quizgen.types.choices import MultipleQuestion, SingleQuestion
from quizgen.types.matching import MatchingQuestion

TESTS = Path(__file__).parent
BAD = TESTS / "data" / "bad"
GOOD = TESTS / "banks" / "good" / "every-type.yaml"
CASES = sorted(BAD.glob("*.yaml"))
EXPECTED = yaml.safe_load((BAD / "expected.yml").read_text(encoding="utf-8"))

SMALL_BANK = """\
bank: big
title: Big
questions:
  - id: q1
    type: true-false
    prompt: {prompt}
    answer: true
"""


def test_corpus_is_large_and_every_case_has_an_expectation() -> None:
    names = {case.name for case in CASES}
    assert len(names) >= 40
    assert names == set(EXPECTED), "tests/data/bad/expected.yml and the corpus disagree"


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_bad_bank_first_problem_is_located_and_worded(case: Path) -> None:
    result = load_bank(case, shown_as=case.name)
    expected = EXPECTED[case.name]
    assert result.bank is None or not result.ok
    first = result.problems[0]
    assert (first.line, first.column) == (expected["line"], expected["column"]), first.format()
    assert first.code == ProblemCode(expected["code"])
    assert expected["message"] in first.message
    assert first.format().startswith(f"{case.name}:{expected['line']}:{expected['column']}: ")


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_validate_exits_one_without_traceback(
    case: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(case)]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    assert f"error[{EXPECTED[case.name]['code']}]" in captured.out


@pytest.mark.parametrize(
    "case", [BAD / "duplicate-key.yaml", BAD / "utf16.yaml", BAD / "see-path-traversal.yaml"]
)
def test_export_writes_nothing_for_a_bad_bank(case: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["export", "--to", "gift", "-q", "-o", str(out), str(case)]) == 1
    assert not out.exists()


def test_export_writes_nothing_when_one_of_several_banks_is_bad(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["export", "--to", "moodle-xml", "-q", "-o", str(out), str(GOOD)]
    assert main([*args, str(BAD / "unknown-type.yaml")]) == 1
    assert not out.exists()


def test_field_over_the_limit_is_located(tmp_path: Path) -> None:
    bank = tmp_path / "long.yaml"
    bank.write_text(SMALL_BANK.format(prompt="x" * (MAX_FIELD_CHARS + 1)), encoding="utf-8")
    (problem,) = load_bank(bank, shown_as="long.yaml").problems
    assert (problem.line, problem.column, problem.code) == (6, 13, ProblemCode.bank_schema)
    assert f"`prompt` is longer than {MAX_FIELD_CHARS} characters" in problem.message


def test_ten_megabyte_string_is_refused_before_parsing(tmp_path: Path) -> None:
    bank = tmp_path / "huge.yaml"
    bank.write_text(SMALL_BANK.format(prompt="y" * 10_000_000), encoding="utf-8")
    assert bank.stat().st_size > MAX_BANK_BYTES
    (problem,) = load_bank(bank, shown_as="huge.yaml").problems
    assert problem.code == ProblemCode.bank_read
    assert "banks are limited to 5 MB" in problem.message
    assert main(["validate", "-q", str(bank)]) == 1


@pytest.mark.parametrize(
    ("path_kind", "message"),
    [("missing", "no such file"), ("folder", "this is a folder")],
)
def test_unreadable_paths_are_problems(tmp_path: Path, path_kind: str, message: str) -> None:
    target = tmp_path / "nothing.yaml" if path_kind == "missing" else tmp_path
    (problem,) = load_bank(target).problems
    assert problem.code == ProblemCode.bank_read
    assert message in problem.message


@pytest.mark.parametrize(
    "target",
    [
        "../../etc/passwd",
        "history/../secret",
        "javascript:alert(1)",
        "https://example.org",
        "/etc/passwd",
        "//evil.example",
        "page#a b",
        "page#..",
        "",
    ],
)
def test_see_target_refuses_traversal_and_schemes(target: str) -> None:
    with pytest.raises(ValidationError):
        TypeAdapter(SeeTarget).validate_python(target)


@pytest.mark.parametrize("target", ["history", "history#history-hanoi", "authoring/cli#exit_codes"])
def test_see_target_accepts_docname_and_label(target: str) -> None:
    assert TypeAdapter(SeeTarget).validate_python(target) == target


def test_good_bank_loads_every_type() -> None:
    result = load_bank(GOOD)
    assert result.ok, [p.format() for p in result.problems]
    bank = result.bank
    assert bank is not None
    assert bank.bank == "every-type"
    assert bank.title == "Every type: a #{test} bank"
    assert [q.type for q in bank.questions] == [
        "single",
        "multiple",
        "true-false",
        "fill-blank",
        "numeric",
        "numeric",
        "ordering",
        "matching",
        "short-answer",
    ]
    assert all(q.objective == "E1" for q in bank.questions)


def test_correct_index_shorthand_is_folded_into_choices() -> None:
    bank = load_bank(GOOD).bank
    assert bank is not None
    multi = bank.questions[1]
    assert isinstance(multi, MultipleQuestion)
    assert [c.correct for c in multi.choices] == [True, True, False]
    assert multi.correct is None
    single = bank.questions[0]
    assert isinstance(single, SingleQuestion)
    assert single.choices[1].feedback == "That is the Six-Party {Joint} Statement: ~ = # not."
    matching = bank.questions[7]
    assert isinstance(matching, MatchingQuestion)
    assert matching.distractors == ["2001"]


def test_yes_and_no_stay_text_and_bom_is_accepted() -> None:
    text = "\ufeffbank: yn\ntitle: no\nquestions:\n  - {id: yes, type: true-false, prompt: on, "
    text += "answer: false}\n"
    result = load_bank_text(text.removeprefix("\ufeff"), "yn.yaml")
    assert result.ok
    assert result.bank is not None
    assert (result.bank.title, result.bank.questions[0].id) == ("no", "yes")


def test_duplicate_bank_ids_across_files_are_reported(tmp_path: Path) -> None:
    copy = tmp_path / "again.yaml"
    copy.write_bytes(GOOD.read_bytes())
    results = load_banks([GOOD, copy])
    assert results[0].ok
    (problem,) = results[1].problems
    assert problem.code == ProblemCode.duplicate_id
    assert (problem.line, problem.column) == (1, 7)
    assert "bank id 'every-type' is also used by" in problem.message


def test_several_problems_are_all_reported_in_one_pass() -> None:
    text = "bank: two\ntitle: Two\nquestions:\n  - {id: a, type: single, prompt: P, choices: [x]}"
    text += "\n  - {id: b, type: numeric, prompt: P, value: lots}\n"
    result = load_bank_text(text, "two.yaml")
    assert [(p.line, p.code) for p in result.problems] == [
        (4, ProblemCode.bank_schema),
        (5, ProblemCode.bank_schema),
    ]


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "{id: q, type: true-false, prompt: P, answer: true, choices: [a, b]}",
            "questions[0].choices: a true-false question has no field `choices`; single and "
            "multiple questions have it: change `type` or remove the field",
        ),
        (
            "{id: q, type: single, prompt: P, choices: [a, b], correct: 0, items: [a, b]}",
            "a single question has no field `items`; ordering questions have it",
        ),
        (
            "{id: q, type: true-false, prompt: P, answer: true, choises: [a]}",
            "unknown field `choises`: did you mean `choices`?",
        ),
        (
            "{id: q, type: matching, prompt: P, pairs: [{left: a, right: b, correct: 1}, "
            "{left: c, right: d}]}",
            "questions[0].pairs[0].correct: unknown field `correct`: remove it",
        ),
    ],
)
def test_unknown_field_names_the_types_that_have_it(question: str, message: str) -> None:
    result = load_bank_text(f"bank: b\ntitle: T\nquestions:\n  - {question}\n", "x.yaml")
    assert message in result.problems[0].message, result.problems[0].format()


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "y"])
def test_true_false_words_are_not_read_as_booleans(word: str) -> None:
    """YAML 1.2 reads them as text; the validator must not quietly turn them into a key."""
    question = f"{{id: q, type: true-false, prompt: P, answer: {word}}}"
    text = f"bank: b\ntitle: T\nquestions:\n  - {question}\n"
    result = load_bank_text(text, "b.yaml")
    assert not result.ok
    assert "should be true or false" in result.problems[0].message
