"""The bank dialect of YAML: 1.2 core, no silent changes, located refusals, bounded cost."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quizgen.cli import main
from quizgen.loader import MAX_PROBLEMS_SHOWN, load_bank_text
from quizgen.yaml_reader import dump, parse

HEAD = "bank: b\ntitle: T\nquestions:\n"


def _question(fields: str) -> str:
    return HEAD + "  - id: q\n" + "".join(f"    {line}\n" for line in fields.splitlines())


# (bank text, line, column, fragment of the first message)
REFUSED = {
    "huge integer": (
        _question("type: numeric\nprompt: P\nvalue: " + "9" * 5000),
        7, 12, "this number has 5000 digits",
    ),
    "1000 levels of lists": (
        HEAD + "  - " + "[" * 1000 + "]" * 1000, 4, 1003, "nested more than 20 levels",
    ),
    "1000 levels of mappings": (
        HEAD + "  - " + "{a: " * 1000 + "1" + "}" * 1000, 4, 77, "nested more than 20 levels",
    ),
    "1000 levels of block lists": (
        HEAD + "".join(" " * i + "- \n" for i in range(1, 1000)), 23, 21, "nested more than",
    ),
    "leading zero": (
        _question("type: numeric\nprompt: P\nvalue: 010"), 7, 12, "write `10`, or put quotes",
    ),
    "merge key": (
        _question("<<: {prompt: P, answer: true}\ntype: true-false"), 5, 5,
        "merge keys (`<<:`) are not allowed",
    ),
    "merge key overriding a field": (
        _question("type: true-false\nprompt: P\nanswer: true\n<<: {answer: false}"), 8, 5,
        "merge keys",
    ),
    "unused anchor": (
        _question("type: true-false\nprompt: &p P\nanswer: true"), 6, 13, "anchors and aliases",
    ),
    "binary tag": (
        _question("type: true-false\nprompt: !!binary aGVsbG8=\nanswer: true"), 6, 13,
        "YAML tags (`!!binary`) are not allowed",
    ),
    "str tag": (
        _question("type: true-false\nprompt: !!str 010\nanswer: true"), 6, 13, "(`!!str`)",
    ),
    "timestamp tag": (
        _question("type: true-false\nprompt: !!timestamp 2001-12-14\nanswer: true"), 6, 13,
        "(`!!timestamp`)",
    ),
    "raw control character": (
        _question("type: true-false\nprompt: ab\x07cd\nanswer: true"), 6, 15, "U+0007",
    ),
    "raw DEL on a later line": (
        _question("type: true-false\nprompt: |\n  first\n  se\x7fcond\nanswer: true"), 8, 9,
        "U+007F",
    ),
    "escaped control character": (
        _question('type: true-false\nprompt: "ab\\x1bcd"\nanswer: true'), 6, 13, "U+001B",
    ),
    "lone surrogate": (
        _question("type: true-false\nprompt: ab\ud800\nanswer: true"), 6, 15, "U+D800",
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", REFUSED, ids=str)
def test_refused_yaml_is_located_and_says_how_to_write_it(case: str) -> None:
    text, line, column, fragment = REFUSED[case]
    result = load_bank_text(text, "x.yaml")
    assert result.bank is None
    first = result.problems[0]
    assert fragment in first.message, first.format()
    assert (first.line, first.column) == (line, column), first.format()


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ("[no, yes, on, off, NO]", ["no", "yes", "on", "off", "NO"]),
        ("[1:30, 2001-12-14, 1_000, 0b11, =]", ["1:30", "2001-12-14", "1_000", "0b11", "="]),
    ],
)
def test_yaml_11_forms_stay_text(answers: str, expected: list[str]) -> None:
    result = load_bank_text(_question(f"type: fill-blank\nprompt: P\nanswers: {answers}"), "x")
    assert result.ok, [p.format() for p in result.problems]
    assert result.bank is not None
    assert result.bank.questions[0].answers == expected  # type: ignore[union-attr]


def test_core_numbers() -> None:
    data = parse("a: [10, -3, 0o17, 0x1F, 1.5, 1e3, .inf, 0]")
    assert data == {"a": [10, -3, 15, 31, 1.5, 1000.0, float("inf"), 0]}


@pytest.mark.parametrize(
    ("fields", "fragment"),
    [
        ("type: numeric\nprompt: P\nvalue: 1:30", "should be a number, not '1:30' (YAML 1.2"),
        ("type: true-false\nprompt: P\nanswer: [on]", "should be true or false"),
    ],
)
def test_values_that_yaml_11_read_otherwise_are_explained(fields: str, fragment: str) -> None:
    result = load_bank_text(_question(fields), "x.yaml")
    assert fragment in result.problems[0].message


def test_dump_quotes_what_either_yaml_version_would_not_read_as_text() -> None:
    data = {"t": ["1e5", "0o17", "010", "yes", "no", "1:30", "~", "null", "2001-12-14", "1_0"]}
    text = dump(data)
    assert parse(text) == data
    import yaml

    assert yaml.safe_load(text) == data


def test_problems_shown_per_bank_are_capped() -> None:
    text = HEAD + "".join(f"  - {i}\n" for i in range(300))
    result = load_bank_text(text, "x.yaml")
    assert len(result.problems) == MAX_PROBLEMS_SHOWN + 1
    assert result.problems[-1].message.startswith(
        f"and {300 - MAX_PROBLEMS_SHOWN} more problem(s) in this bank"
    )


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads Linux's VmHWM")
def test_a_million_values_are_refused_quickly_in_little_memory(tmp_path: Path) -> None:
    bank = tmp_path / "big.yaml"
    bank.write_text(HEAD + "  - [" + ",".join(["1"] * 1_000_000) + "]\n", encoding="utf-8")
    # VmHWM is the peak of this process's own memory; ru_maxrss would also count the pytest
    # process the child was forked from.
    probe = (
        "import re, sys, time; from pathlib import Path; from quizgen.cli import main; "
        "t = time.perf_counter(); code = main(['validate', sys.argv[1]]); "
        "peak = re.search(r'VmHWM:\\s+(\\d+)', Path('/proc/self/status').read_text())[1]; "
        "print(code, time.perf_counter() - t, peak)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(bank)], capture_output=True, text=True, check=True
    )
    lines = done.stdout.splitlines()
    assert "more than 100,000 values" in lines[0]
    code, seconds, max_kb = lines[-1].split()
    assert code == "1"
    assert float(seconds) < 10
    assert int(max_kb) < 150_000, f"{int(max_kb) // 1024} MB for a 2 MB file"


def test_validate_shows_a_huge_integer_as_a_located_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = tmp_path / "huge.yaml"
    bank.write_text(REFUSED["huge integer"][0], encoding="utf-8")
    assert main(["validate", str(bank)]) == 1
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    assert "huge.yaml:7:12: error[bank_parse]: this number has 5000 digits" in out.out
