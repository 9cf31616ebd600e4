"""``quizgen new`` on the command line: options, refusals, progress, and what it writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quizgen.cli import main


def test_help_explains_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "--help"]) == 0
    text = capsys.readouterr().out
    for option in ("DIR", "--title", "--languages", "--theme", "--author", "--force"):
        assert option in text
    assert "right-to-left" in text
    assert "make test" in text


def test_writes_a_project_with_conf_py_as_its_only_python(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "my-module"
    assert main(["new", str(target), "--languages", "en,fa", "--title", "Tides"]) == 0
    out = capsys.readouterr().out
    assert "created  source/conf.py" in out
    assert "Next steps:" in out and "make html" in out and "make test" in out
    files = {p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file()}
    assert [name for name in files if name.endswith(".py")] == ["source/conf.py"]
    assert {
        "README.md",
        "Makefile",
        ".gitignore",
        ".github/workflows/pages.yml",
        "source/index.md",
        "source/unit-1.md",
        "source/glossary.md",
        "source/references.md",
        "source/references.bib",
        "quizzes/unit-1.yaml",
        "quizzes/unit-1.fa.yaml",
        "locales/fa/LC_MESSAGES/unit-1.po",
    } <= files
    conf = (target / "source" / "conf.py").read_text("utf-8")
    assert "project = 'Tides'" in conf and "course_languages = ['en', 'fa']" in conf
    leftovers = [
        name for name in files if re.search(r"@[a-z_]+@", (target / name).read_text("utf-8"))
    ]
    assert not leftovers


def test_title_is_quoted_safely_in_conf_py(tmp_path: Path) -> None:
    title = 'Ohm\'s "law" \\ and more'
    assert main(["new", str(tmp_path / "m"), "--title", title, "-q"]) == 0
    namespace: dict[str, object] = {}
    exec((tmp_path / "m" / "source" / "conf.py").read_text("utf-8"), namespace)
    assert namespace["project"] == title


def test_refuses_a_non_empty_folder_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["new", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "is not empty" in err and "--force" in err
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_force_writes_beside_existing_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["new", str(tmp_path), "--force", "-q"]) == 0
    assert (tmp_path / "notes.txt").read_text("utf-8") == "mine"
    assert (tmp_path / "source" / "conf.py").is_file()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--languages", "en,Persian"], "'Persian' is not a two- or three-letter language code"),
        (["--languages", "en,en"], "names a language twice"),
        (["--languages", ","], "needs at least one language code"),
        (["--theme", "furo;rm"], "is not a Sphinx theme name"),
    ],
)
def test_bad_options_are_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    assert main(["new", str(tmp_path / "m"), *arguments]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "m").exists()


def test_untranslated_language_is_prepared_and_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", str(tmp_path / "m"), "--languages", "en,de"]) == 0
    assert "sample text of de is still English" in capsys.readouterr().out
    po = (tmp_path / "m" / "locales" / "de" / "LC_MESSAGES" / "unit-1.po").read_text("utf-8")
    assert 'msgid "Check yourself"\nmsgstr ""' in po
    bank = (tmp_path / "m" / "quizzes" / "unit-1.de.yaml").read_text("utf-8")
    assert "\nlanguage: de\n" in bank
    assert "still in English" in (tmp_path / "m" / "README.md").read_text("utf-8")
