"""The benchmark's inputs are what the figures claim: valid banks and the same words in MyST."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.bank_generator import (
    MAX_BANK_QUESTIONS,
    bank_yaml,
    generate_bank_data,
    generate_bank_text,
    generate_banks,
)
from benchmarks.course import reread_documents
from benchmarks.plain_myst import bank_as_myst
from benchmarks.report import Measurement
from quizgen.loader import load_bank
from quizgen.translation import compare_banks


@pytest.mark.parametrize("seed", [0, 1, 7])
def test_generated_banks_load_without_a_problem_in_both_languages(
    tmp_path: Path, seed: int
) -> None:
    english = tmp_path / "generated.yaml"
    persian = tmp_path / "generated.fa.yaml"
    english.write_text(generate_bank_text(200, seed=seed), encoding="utf-8")
    persian.write_text(generate_bank_text(200, seed=seed, language="fa"), encoding="utf-8")
    original, translation = load_bank(english), load_bank(persian)
    assert original.problems == []
    assert translation.problems == []
    assert original.bank is not None
    assert compare_banks(original.bank, translation) == []


def test_generated_bytes_are_the_same_on_every_run() -> None:
    assert generate_bank_text(50, language="fa") == generate_bank_text(50, language="fa")
    assert generate_bank_text(50) != generate_bank_text(50, seed=1)


def test_large_pages_split_into_banks_that_number_on() -> None:
    banks = generate_banks(MAX_BANK_QUESTIONS + 30)
    assert [b["bank"] for b in banks] == ["generated", "generated-2"]
    assert [len(b["questions"]) for b in banks] == [MAX_BANK_QUESTIONS, 30]
    assert banks[1]["questions"][0]["id"] == f"q{MAX_BANK_QUESTIONS + 1:05d}"


def test_plain_myst_has_the_questions_words_and_answers_and_no_quiz() -> None:
    bank = generate_bank_data(9)
    text = bank_as_myst(bank)
    assert "{quiz}" not in text
    single, true_false = bank["questions"][0], bank["questions"][2]
    assert f"1\\. {single['prompt']}" in text  # inline markup kept as written
    for choice in single["choices"]:
        assert f"- {choice['text']}\n" in text
    right = next(c["text"] for c in single["choices"] if c["correct"])
    assert f"Answer: {right}\n" in text
    assert single["choices"][0]["feedback"] in text
    assert f"Answer: {'True' if true_false['answer'] else 'False'}\n" in text
    assert bank_yaml(bank).count("prompt:") == text.count("\nAnswer: ") == 9


def test_reread_documents_reads_sphinx_status_lines() -> None:
    output = (
        "updating environment: 0 added, 1 changed, 0 removed\nreading sources... [100%] unit-01\n"
    )
    assert reread_documents(output) == (1, ["unit-01"])
    with pytest.raises(RuntimeError, match="changed"):
        reread_documents("build succeeded.")


def test_verdicts_say_missed_timed_out_or_not_judged() -> None:
    missed = Measurement("s", "f", 2.0, "s", 1.0, "b", target="<= 1.5x", met=False)
    timed_out = Measurement("s", "f", None, "ms", target="<= 100 ms", timed_out_after=120)
    quick = Measurement("s", "f", 2.0, "s", target="<= 1.5x", met=False, judged=False)
    assert missed.verdict == "missed"
    assert timed_out.verdict == "missed (timed out after 120 s)"
    assert quick.verdict == "quick: not judged"
    assert Measurement("s", "f", 1.0, "s").verdict == ""
