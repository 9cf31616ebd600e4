"""A Persian bank asks exactly the same questions as its English original.

A bank without a translation is shown in English on the Persian edition; the test for it
is skipped with that reason, so the gap stays visible in every test report.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.loader import load_bank, load_bank_text
from quizgen.translation import compare_banks, is_translation_file, translation_path

QUIZZES = Path(__file__).resolve().parents[2] / "quizzes"
ORIGINALS = sorted(p for p in QUIZZES.glob("*.yaml") if not is_translation_file(p))


@pytest.mark.parametrize("original", ORIGINALS, ids=lambda p: p.stem)
def test_persian_bank_matches_original(original: Path) -> None:
    translated_path = translation_path(original, "fa")
    if not translated_path.exists():
        pytest.skip(f"{translated_path.name} not written yet: the Persian edition shows English")
    source = load_bank(original)
    translated = load_bank(translated_path)
    assert source.ok, [p.format() for p in source.problems]
    assert translated.ok, [p.format() for p in translated.problems]
    assert source.bank is not None
    problems = compare_banks(source.bank, translated)
    assert not problems, "\n".join(p.format() for p in problems)


def test_every_translation_has_an_original() -> None:
    orphans = [
        p.name
        for p in QUIZZES.glob("*.fa.yaml")
        if not p.with_name(p.name.replace(".fa.yaml", ".yaml")).exists()
    ]
    assert not orphans, orphans


ORIGINAL = """\
bank: demo
title: Demo
objectives: [{id: D1, text: Recall.}]
questions:
  - {id: a, type: true-false, prompt: Yes?, answer: true, objective: D1}
  - {id: b, type: single, prompt: Pick, choices: [x, y], correct: 0, objective: D1}
"""


def _check(translated_text: str) -> list[str]:
    original = load_bank_text(ORIGINAL, "demo.yaml").bank
    assert original is not None
    return [p.message for p in compare_banks(original, load_bank_text(translated_text, "t.yaml"))]


def test_faithful_translation_passes() -> None:
    text = ORIGINAL.replace("language: en", "").replace("title: Demo", "title: نمونه\nlanguage: fa")
    assert _check(text) == []


def test_moved_correct_answer_is_reported() -> None:
    text = ORIGINAL.replace("title: Demo", "title: نمونه\nlanguage: fa").replace(
        "correct: 0", "correct: 1"
    )
    assert any("answer key" in m for m in _check(text))


def test_dropped_question_and_same_language_are_reported() -> None:
    lines = ORIGINAL.splitlines()[:-1]
    messages = _check("\n".join(lines) + "\n")
    assert any("missing from the translation: b" in m for m in messages)
    assert any("its own `language:`" in m for m in messages)
