"""Make valid banks of any size, with every question type, the same bytes on every run.

Why: scale figures mean something only when each run measures the same input, and a bank of
one type would hide the cost of the richer ones (matching, ordering, fill-blank patterns).
"""

from __future__ import annotations

import random
from typing import Any

import yaml

from quizgen.types import names as question_type_names

_Dumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

_WORDS = (
    "talks", "framework", "reactor", "sanctions", "summit", "envoy", "freeze", "inspection",
    "moratorium", "attraction", "legitimacy", "culture", "values", "policy", "dialogue", "trust",
    "leverage", "sequencing", "verification", "relief", "restraint", "mediation", "credibility",
    "reciprocity", "agreement",
)  # fmt: skip

_OBJECTIVES = ("G1", "G2", "G3", "G4")


def _phrase(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words))


def _prompt(rng: random.Random, number: int) -> str:
    # Inline MyST markup in every prompt, so the renderer's inline parsing is measured too.
    return f"Question {number}: which *{rng.choice(_WORDS)}* fits `{_phrase(rng, 2)}` best?"


def _question(rng: random.Random, number: int, kind: str) -> dict[str, Any]:
    question: dict[str, Any] = {
        "id": f"q{number:05d}",
        "type": kind,
        "prompt": _prompt(rng, number),
        "objective": _OBJECTIVES[number % len(_OBJECTIVES)],
    }
    if number % 3 == 0:
        question["explanation"] = f"Because **{_phrase(rng, 3)}**."
    if number % 5 == 0:
        question["hint"] = f"Think of {_phrase(rng, 2)}."
    if kind in {"single", "multiple"}:
        count = 4
        right = {number % count} if kind == "single" else {number % count, (number + 1) % count}
        question["choices"] = [
            {"text": _phrase(rng, 3), "correct": index in right} for index in range(count)
        ]
        question["choices"][0]["feedback"] = f"Not quite: {_phrase(rng, 2)}."
    elif kind == "true-false":
        question["answer"] = number % 2 == 0
    elif kind == "fill-blank":
        question["answers"] = [rng.choice(_WORDS), rng.choice(_WORDS)]
        question["patterns"] = [f"^{rng.choice(_WORDS)}s?$"]
    elif kind == "numeric":
        question["value"] = 1990 + number % 35
        question["tolerance"] = number % 2
        question["unit"] = "year"
    elif kind == "ordering":
        question["items"] = [_phrase(rng, 2) for _ in range(4)]
    elif kind == "matching":
        question["pairs"] = [{"left": _phrase(rng, 1), "right": _phrase(rng, 2)} for _ in range(3)]
        question["distractors"] = [_phrase(rng, 2)]
    elif kind == "short-answer":
        question["model_answer"] = _phrase(rng, 8)
        question["rubric"] = [_phrase(rng, 3), _phrase(rng, 3)]
    return question


def generate_bank_data(questions: int, *, seed: int = 0, bank_id: str = "generated") -> dict:
    """A bank as plain data: ``questions`` items cycling through every type.

    :param questions: how many questions to make (at least 1).
    :param seed: the same seed always gives the same bank.
    """
    rng = random.Random(seed)
    return {
        "bank": bank_id,
        "title": f"Generated bank of {questions} questions",
        "language": "en",
        "description": "Made by `benchmarks.bank_generator` for scale measurements.",
        "shuffle": True,
        "objectives": [{"id": oid, "text": f"Explain {_phrase(rng, 3)}."} for oid in _OBJECTIVES],
        "questions": [
            _question(rng, number, question_type_names()[(number - 1) % len(question_type_names())])
            for number in range(1, questions + 1)
        ],
    }


def generate_bank_text(questions: int, *, seed: int = 0, bank_id: str = "generated") -> str:
    """The same bank as YAML text, ready to write to ``<bank_id>.yaml``."""
    data = generate_bank_data(questions, seed=seed, bank_id=bank_id)
    return yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1000, indent=2
    )
