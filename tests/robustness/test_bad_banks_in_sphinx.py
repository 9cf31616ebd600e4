"""Every bank of the bad-bank corpus fails a Sphinx build politely: a located warning, no traceback.

The expected problem of each case is what ``quizgen.loader`` reports for it, so the CLI and the
Sphinx build can never word an error differently.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tiny_sphinx import TinyBuild

from quizgen.loader import load_bank

BAD = Path(__file__).resolve().parents[1] / "data" / "bad"
CASES = sorted(BAD.glob("*.yaml")) if BAD.is_dir() else []

pytestmark = pytest.mark.skipif(
    not CASES, reason="the bad-bank corpus tests/data/bad/*.yaml is not in this tree yet"
)


def _build_case(tiny_build: object, case: Path) -> TinyBuild:
    page = f"# {case.stem}\n\n```{{quiz}} banks/{case.name}\n```\n"
    return tiny_build({"index": page}, {case.name: case.read_bytes()})  # type: ignore[operator]


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_bad_bank_gives_a_located_warning_and_no_traceback(tiny_build: object, case: Path) -> None:
    built = _build_case(tiny_build, case)
    warnings = built.warnings
    assert "Traceback" not in warnings
    assert "Exception occurred" not in warnings
    located = re.findall(rf"{re.escape(case.name)}:(\d+)(?::\d+)?: (?:WARNING|ERROR)", warnings)
    assert located, f"no warning located in {case.name}:\n{warnings}"
    assert "[quizgen." in warnings, f"warning without the quizgen type:\n{warnings}"
    expected = load_bank(case, shown_as=case.name).problems
    for problem in expected:
        assert problem.message in warnings, f"missing: {problem.format()}\n{warnings}"
        assert str(problem.line) in located, f"{problem.format()} not located:\n{warnings}"


def test_a_crashing_bank_once_does_not_hide_the_other_banks(tiny_build: object) -> None:
    """A 4,400-digit number used to abort the whole build before any other bank was named."""
    names = ["huge-integer.yaml", "deep-nesting.yaml", "duplicate-key.yaml"]
    page = "# Three\n\n" + "".join(f"```{{quiz}} banks/{name}\n```\n\n" for name in names)
    built = tiny_build({"index": page}, {n: (BAD / n).read_bytes() for n in names})  # type: ignore[operator]
    assert "Traceback" not in built.warnings
    for name in names:
        first = load_bank(BAD / name, shown_as=name).problems[0]
        assert f"{name}:{first.line}:{first.column}: WARNING: {first.message}" in built.warnings


def test_a_bank_over_the_size_limit_shows_no_question(tiny_build: object) -> None:
    """The partial build of a broken bank uses the loader's reading, limits included."""
    bank = (
        "bank: big\ntitle: Big\nquestions:\n"
        "  - {id: q1, type: true-false, prompt: SALVAGED-PROMPT, answer: true}\n"
        + "# padding\n"
        * 600_000
    )
    page = "# Big\n\n```{quiz} big\n```\n"
    built = tiny_build({"index": page}, {"big.yaml": bank})  # type: ignore[operator]
    assert "banks are limited to 5 MB" in built.warnings
    assert "SALVAGED-PROMPT" not in built.page()


def test_a_partly_broken_bank_keeps_its_valid_questions_from_the_loader() -> None:
    from quizgen.loader import load_bank_text

    text = (
        "bank: part\ntitle: Part\nquestions:\n"
        "  - {id: q1, type: true-false, prompt: Kept, answer: true}\n"
        "  - {id: q2, type: true-false, prompt: Dropped, answer: maybe}\n"
    )
    result = load_bank_text(text, "part.yaml")
    assert result.bank is None
    assert result.salvaged is not None
    assert [q.id for q in result.salvaged.questions] == ["q1"]
