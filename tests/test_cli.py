"""The quizgen command: exit codes, located messages, exports written whole or not at all."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.dom.minidom
from pathlib import Path

import pytest

from quizgen.cli import main
from quizgen.formats import gift
from quizgen.schema import bank_json_schema_text

GOOD = Path(__file__).parent / "banks" / "good"
PROJECT = Path(__file__).resolve().parent.parent

BAD_BANK = """\
bank: bad
title: Bad
questions:
  - id: q1
    type: single
    prompt: Pick
    choices: [a, b]
    correct: 3
"""


def test_validate_clean_bank_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(GOOD)]) == 0
    assert "ok" in capsys.readouterr().out


def test_validate_reports_located_problem_and_exits_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = tmp_path / "bad.yaml"
    bank.write_text(BAD_BANK, encoding="utf-8")
    assert main(["validate", str(bank)]) == 1
    out = capsys.readouterr().out
    assert "bad.yaml:4:5: error[bank_schema]: questions[0]: correct index 3 is out of range" in out


def test_validate_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bank = tmp_path / "bad.yaml"
    bank.write_text(BAD_BANK, encoding="utf-8")
    assert main(["validate", "--format", "json", str(bank)]) == 1
    payload = json.loads(capsys.readouterr().out)
    assert payload["ok"] is False
    assert payload["problems"][0]["line"] == 4


def test_usage_errors_exit_two(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "no/such/bank.yaml"]) == 2
    assert main(["frobnicate"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_export_writes_nothing_when_a_bank_is_bad(tmp_path: Path) -> None:
    bad = tmp_path / "in" / "bad.yaml"
    bad.parent.mkdir()
    bad.write_text(BAD_BANK, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["export", "--to", "gift", "-o", str(out), str(bad)]) == 1
    assert not out.exists()


@pytest.mark.parametrize("fmt", ["gift", "moodle-xml", "json", "markdown"])
def test_export_every_format(tmp_path: Path, fmt: str) -> None:
    assert main(["export", "--to", fmt, "-q", "-o", str(tmp_path), str(GOOD)]) == 0
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written and all(name.startswith("every-type") for name in written)
    if fmt == "moodle-xml":
        xml.dom.minidom.parse(str(tmp_path / "every-type.xml"))
    if fmt == "markdown":
        assert "every-type.key.md" in written


def test_export_reports_what_the_format_cannot_express(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["export", "--to", "gift", "-q", "-o", str(tmp_path), str(GOOD)])
    said = capsys.readouterr().err
    assert "every-type.yaml:43:5: warning[export]: order-q: ordering sent as matching" in said
    assert "short-q: model answer and rubric (grader information) dropped" in said


@pytest.mark.parametrize("hostile", ["a~b", "x=y", "#1", "{}", "k: v", "back\\slash", "two\nlines"])
def test_gift_escaping_leaves_no_bare_control_character(hostile: str) -> None:
    escaped = gift.escape(hostile)
    bare = [
        ch for i, ch in enumerate(escaped) if ch in "~=#{}:" and (i == 0 or escaped[i - 1] != "\\")
    ]
    assert not bare
    assert "\n" not in escaped


def test_committed_schema_is_current() -> None:
    committed = (PROJECT / "src" / "quizgen" / "quizgen.schema.json").read_text(encoding="utf-8")
    assert committed == bank_json_schema_text(), "run `make schema`"


def test_cli_does_not_import_sphinx() -> None:
    code = (
        "import sys; from quizgen.cli import main; main(['validate', '-q', sys.argv[1]]); "
        "print(any(m == 'sphinx' or m.startswith('sphinx.') for m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(GOOD)], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False"


def test_verbose_shows_progress_per_bank(capsys: pytest.CaptureFixture) -> None:
    banks = sorted(str(p) for p in (Path(__file__).resolve().parents[1] / "quizzes").glob("*.yaml"))
    assert main(["validate", "-v", "-q", *banks[:2]]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "reading 2 bank file(s)"
    assert err[1].startswith("[1/2] ") and err[1].endswith(": ok")
    assert err[2].startswith("[2/2] ")


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_exported_files_follow_the_umask(tmp_path: Path, umask: int) -> None:
    import os

    previous = os.umask(umask)
    try:
        assert main(["export", "--to", "gift", "-q", "-o", str(tmp_path), str(GOOD)]) == 0
    finally:
        os.umask(previous)
    modes = {p.name: p.stat().st_mode & 0o777 for p in tmp_path.iterdir()}
    assert modes
    assert set(modes.values()) == {0o666 & ~umask}, modes


def test_export_in_json_lists_files_and_notes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = GOOD / "every-type.yaml"
    assert main(["export", "--to", "gift", "--format", "json", "-o", str(tmp_path), str(bank)]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["files"] == [str(tmp_path / "every-type.gift")]
    said = {(n["code"], n["severity"], n["message"].split(":")[0]) for n in payload["notes"]}
    assert ("export", "warning", "order-q") in said
    assert (tmp_path / "every-type.gift").is_file()
