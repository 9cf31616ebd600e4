"""Printable Markdown worksheet and a separate answer key, for classrooms without an LMS."""

from __future__ import annotations

import random

from quizgen.model import (
    Bank,
    FillBlankQuestion,
    MatchingQuestion,
    MultipleQuestion,
    NumericQuestion,
    OrderingQuestion,
    ShortAnswerQuestion,
    SingleQuestion,
    TrueFalseQuestion,
)

_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _shuffled(items: list[str], seed: str) -> list[str]:
    """Same order every time for one bank and question, so worksheet and key agree."""
    order = list(items)
    random.Random(seed).shuffle(order)
    return order


def _body(question: object, bank: str) -> list[str]:
    if isinstance(question, SingleQuestion | MultipleQuestion):
        return [f"   - ( ) {_LETTERS[i]}. {c.text}" for i, c in enumerate(question.choices)]
    if isinstance(question, TrueFalseQuestion):
        return ["   - ( ) True", "   - ( ) False"]
    if isinstance(question, FillBlankQuestion | NumericQuestion):
        unit = (
            f" {question.unit}" if isinstance(question, NumericQuestion) and question.unit else ""
        )
        return [f"   Answer: ____________________{unit}"]
    if isinstance(question, OrderingQuestion):
        items = _shuffled(question.items, f"{bank}/{question.id}")
        return [f"   - ___ {item}" for item in items]
    if isinstance(question, MatchingQuestion):
        rights = _shuffled([p.right for p in question.pairs] + question.distractors, bank)
        lefts = [f"   {i + 1}. {p.left}  → ___" for i, p in enumerate(question.pairs)]
        options = [f"   - {_LETTERS[i]}. {r}" for i, r in enumerate(rights)]
        return [*lefts, "", "   Options:", *options]
    if isinstance(question, ShortAnswerQuestion):
        return ["   " + "_" * 60] * 4
    return []


def _key(question: object, bank: str) -> str:
    if isinstance(question, SingleQuestion | MultipleQuestion):
        return ", ".join(
            f"{_LETTERS[i]}. {c.text}" for i, c in enumerate(question.choices) if c.correct
        )
    if isinstance(question, TrueFalseQuestion):
        return "True" if question.answer else "False"
    if isinstance(question, FillBlankQuestion):
        return " / ".join(question.answers)
    if isinstance(question, NumericQuestion):
        tolerance = f" (± {question.tolerance:g})" if question.tolerance else ""
        return f"{question.value:g}{tolerance}"
    if isinstance(question, OrderingQuestion):
        return " → ".join(question.items)
    if isinstance(question, MatchingQuestion):
        return "; ".join(f"{p.left} → {p.right}" for p in question.pairs)
    if isinstance(question, ShortAnswerQuestion):
        rubric = "".join(f"\n   - {point}" for point in question.rubric)
        return f"{question.model_answer}{rubric}"
    return ""


def dump(bank: Bank) -> tuple[str, str]:
    """Return (worksheet, answer key) as Markdown."""
    sheet = [f"# {bank.title}", "", "Name: ____________________  Date: ____________", ""]
    key = [f"# {bank.title}: answer key", ""]
    for number, question in enumerate(bank.questions, start=1):
        sheet += [f"{number}. {question.prompt}", "", *_body(question, bank.bank), ""]
        key.append(f"{number}. {_key(question, bank.bank)}")
        if question.explanation:
            key.append(f"   *{question.explanation}*")
    return "\n".join(sheet) + "\n", "\n".join(key) + "\n"
