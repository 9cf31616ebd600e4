"""Make valid banks of any size, with every question type, the same bytes on every run.

Why: scale figures mean something only when each run measures the same input, and a bank of
one type would hide the cost of the richer ones (matching, ordering, fill-blank patterns).
Every entry that the rules want distinct (choices, items, pairs, right-hand options) starts
with a different word, so a generated bank loads without a single problem.

The Persian bank (``language="fa"``) makes the same random draws over a word list of the same
length, so it is a valid translation of the English one: same ids, types, objectives and
answer keys, every text in Persian.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

import yaml

from quizgen.types import names as question_type_names

_Dumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass(frozen=True)
class _Language:
    """The words and sentence frames of one language's banks."""

    words: tuple[str, ...]
    prompt: str  # {number}, {word}, {phrase}
    explanation: str
    hint: str
    feedback: str
    objective: str
    title: str
    description: str
    unit: str


_ENGLISH = _Language(
    words=(
        "talks", "framework", "reactor", "sanctions", "summit", "envoy", "freeze", "inspection",
        "moratorium", "attraction", "legitimacy", "culture", "values", "policy", "dialogue",
        "trust", "leverage", "sequencing", "verification", "relief", "restraint", "mediation",
        "credibility", "reciprocity", "agreement",
    ),
    prompt="Question {number}: which *{word}* fits `{phrase}` best?",
    explanation="Because **{phrase}**.",
    hint="Think of {phrase}.",
    feedback="Not quite: {phrase}.",
    objective="Explain {phrase}.",
    title="Generated bank of {count} questions",
    description="Made by `benchmarks.bank_generator` for scale measurements.",
    unit="year",
)  # fmt: skip

_PERSIAN = _Language(
    words=(
        "گفت‌وگو", "چارچوب", "رآکتور", "تحریم", "نشست", "فرستاده", "توقف", "بازرسی",
        "تعلیق", "جذابیت", "مشروعیت", "فرهنگ", "ارزش‌ها", "سیاست", "گفتمان",
        "اعتماد", "اهرم", "ترتیب", "راستی‌آزمایی", "تخفیف", "خویشتن‌داری", "میانجی‌گری",
        "اعتبار", "عمل متقابل", "توافق",
    ),
    prompt="پرسش {number}: کدام *{word}* با `{phrase}` بهتر جور است؟",
    explanation="زیرا **{phrase}**.",
    hint="به {phrase} فکر کنید.",
    feedback="نه کاملاً: {phrase}.",
    objective="{phrase} را توضیح دهید.",
    title="بانک ساخته‌شده با {count} پرسش",
    description="ساختهٔ `benchmarks.bank_generator` برای سنجش مقیاس.",
    unit="سال",
)  # fmt: skip

LANGUAGES = {"en": _ENGLISH, "fa": _PERSIAN}
_OBJECTIVES = ("G1", "G2", "G3", "G4")
#: Most questions one generated bank holds; see :func:`generate_banks`.
MAX_BANK_QUESTIONS = 2_000


class _Writer:
    """Draws words for one bank; both languages draw the same indexes in the same order."""

    def __init__(self, seed: int, language: _Language) -> None:
        self.rng = random.Random(seed)
        self.lang = language
        if len(_ENGLISH.words) != len(language.words):
            raise ValueError("every language needs as many words as English")

    def word(self) -> str:
        return self.rng.choice(self.lang.words)

    def phrase(self, words: int) -> str:
        return " ".join(self.word() for _ in range(words))

    def distinct(self, count: int, words: int) -> list[str]:
        """``count`` phrases with different first words, so no two read the same."""
        firsts = self.rng.sample(self.lang.words, count)
        return [" ".join([first, self.phrase(words - 1)]).strip() for first in firsts]


def _question(out: _Writer, number: int, kind: str) -> dict[str, Any]:
    lang = out.lang
    question: dict[str, Any] = {
        "id": f"q{number:05d}",
        "type": kind,
        # Inline MyST markup in every prompt, so the renderer's inline parsing is measured too.
        "prompt": lang.prompt.format(number=number, word=out.word(), phrase=out.phrase(2)),
        "objective": _OBJECTIVES[number % len(_OBJECTIVES)],
    }
    if number % 3 == 0:
        question["explanation"] = lang.explanation.format(phrase=out.phrase(3))
    if number % 5 == 0:
        question["hint"] = lang.hint.format(phrase=out.phrase(2))
    if kind in {"single", "multiple"}:
        count = 4
        right = {number % count} if kind == "single" else {number % count, (number + 1) % count}
        question["choices"] = [
            {"text": text, "correct": index in right}
            for index, text in enumerate(out.distinct(count, 3))
        ]
        question["choices"][0]["feedback"] = lang.feedback.format(phrase=out.phrase(2))
    elif kind == "true-false":
        question["answer"] = number % 2 == 0
    elif kind == "fill-blank":
        question["answers"] = out.distinct(2, 1)
        question["patterns"] = [f"^{out.word()}$"]
    elif kind == "numeric":
        question["value"] = 1990 + number % 35
        question["tolerance"] = number % 2
        question["unit"] = lang.unit
    elif kind == "ordering":
        question["items"] = out.distinct(4, 2)
    elif kind == "matching":
        lefts = out.distinct(3, 1)
        *rights, distractor = out.distinct(4, 2)
        question["pairs"] = [
            {"left": left, "right": right} for left, right in zip(lefts, rights, strict=True)
        ]
        question["distractors"] = [distractor]
    elif kind == "short-answer":
        question["model_answer"] = out.phrase(8)
        question["rubric"] = out.distinct(2, 3)
    return question


def generate_bank_data(
    questions: int,
    *,
    seed: int = 0,
    bank_id: str = "generated",
    language: str = "en",
    first: int = 1,
) -> dict[str, Any]:
    """A bank as plain data: ``questions`` items cycling through every type.

    :param questions: how many questions to make (at least 1).
    :param seed: the same seed always gives the same bank.
    :param language: ``en``, or ``fa`` for the Persian translation of the same bank.
    :param first: the number (and id) of the first question, for banks that continue another.
    """
    out = _Writer(seed, LANGUAGES[language])
    kinds = question_type_names()
    return {
        "bank": bank_id,
        "title": out.lang.title.format(count=questions),
        "language": language,
        "description": out.lang.description,
        "shuffle": True,
        "objectives": [
            {"id": oid, "text": out.lang.objective.format(phrase=out.phrase(3))}
            for oid in _OBJECTIVES
        ],
        "questions": [
            _question(out, number, kinds[(number - 1) % len(kinds)])
            for number in range(first, first + questions)
        ],
    }


def generate_banks(questions: int, *, bank_id: str = "generated") -> list[dict[str, Any]]:
    """``questions`` questions as banks of at most :data:`MAX_BANK_QUESTIONS`, numbered on.

    Why split: a bank may hold at most 100,000 YAML values (``quizgen.yaml_reader``), about
    3,300 generated questions; larger pages take several banks, as a real course would.
    The first bank is ``bank_id``, the next ``bank_id-2`` and so on.
    """
    banks = []
    for part, start in enumerate(range(0, questions, MAX_BANK_QUESTIONS)):
        count = min(MAX_BANK_QUESTIONS, questions - start)
        name = bank_id if part == 0 else f"{bank_id}-{part + 1}"
        banks.append(generate_bank_data(count, seed=part, bank_id=name, first=start + 1))
    return banks


def bank_yaml(data: dict[str, Any]) -> str:
    """A bank's data as YAML text, ready to write to ``<bank_id>.yaml``."""
    return yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1000, indent=2
    )


def generate_bank_text(
    questions: int, *, seed: int = 0, bank_id: str = "generated", language: str = "en"
) -> str:
    """The bank of :func:`generate_bank_data` as YAML text."""
    return bank_yaml(generate_bank_data(questions, seed=seed, bank_id=bank_id, language=language))
