"""Write a generated bank as plain MyST: the same words as the quiz, without the quiz directive.

Why: a page of 1,000 questions costs time, memory and bytes for its words alone. The fair
baseline for what the quiz adds is the same words written by hand, as an author without
quizgen would: each question a numbered paragraph, its options a bullet list, hint, feedback
and explanation as paragraphs, and the answer printed, as the quiz page prints it for readers
without JavaScript.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def _paragraph(text: str) -> str:
    return f"{text}\n"


def _bullets(entries: list[str]) -> str:
    return "".join(f"- {entry}\n" for entry in entries)


def _number(value: float) -> str:
    return f"{value:g}"


def _options(question: dict[str, Any]) -> Iterator[str]:
    """The lists the learner picks from, as bullet lists."""
    kind = question["type"]
    if kind in {"single", "multiple"}:
        yield _bullets([choice["text"] for choice in question["choices"]])
    elif kind == "true-false":
        yield _bullets(["True", "False"])
    elif kind == "ordering":
        yield _bullets(sorted(question["items"]))  # the quiz shows them out of order
    elif kind == "matching":
        yield _bullets([pair["left"] for pair in question["pairs"]])
        rights = [pair["right"] for pair in question["pairs"]] + question["distractors"]
        yield _bullets(sorted(rights))
    elif kind == "short-answer":
        yield _bullets(question["rubric"])


def _answer(question: dict[str, Any]) -> str:
    """The right answer's words, as the quiz prints them for readers without JavaScript."""
    kind = question["type"]
    if kind in {"single", "multiple"}:
        return "; ".join(c["text"] for c in question["choices"] if c.get("correct"))
    if kind == "true-false":
        return "True" if question["answer"] else "False"
    if kind == "fill-blank":
        return ", ".join(question["answers"])
    if kind == "numeric":
        tolerance = question.get("tolerance") or 0
        spread = f" ± {_number(tolerance)}" if tolerance else ""
        return f"{_number(question['value'])}{spread} {question.get('unit', '')}".strip()
    if kind == "ordering":
        return ", ".join(question["items"])
    if kind == "matching":
        return "; ".join(f"{pair['left']}: {pair['right']}" for pair in question["pairs"])
    if kind == "short-answer":
        return str(question["model_answer"])
    raise ValueError(f"no plain form for question type {kind!r}")


def question_as_myst(question: dict[str, Any], number: int) -> str:
    """One question: numbered prompt, options, hint, feedback, explanation, answer."""
    blocks = [_paragraph(f"{number}\\. {question['prompt']}"), *_options(question)]
    if question.get("hint"):
        blocks.append(_paragraph(f"Hint: {question['hint']}"))
    feedback = [c["feedback"] for c in question.get("choices", []) if c.get("feedback")]
    if question.get("feedback"):
        feedback.append(question["feedback"])
    blocks += [_paragraph(text) for text in feedback]
    if question.get("explanation"):
        blocks.append(_paragraph(question["explanation"]))
    blocks.append(_paragraph(f"Answer: {_answer(question)}"))
    return "\n".join(blocks)


def bank_as_myst(data: dict[str, Any], *, first: int = 1) -> str:
    """A whole bank as MyST: its title and description, then every question in order.

    :param first: the number of the bank's first question, for several banks on one page.
    """
    blocks = [_paragraph(f"**{data['title']}**")]
    if data.get("description"):
        blocks.append(_paragraph(data["description"]))
    blocks += [
        question_as_myst(question, number)
        for number, question in enumerate(data["questions"], start=first)
    ]
    return "\n".join(blocks)
