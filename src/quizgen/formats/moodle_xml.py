"""Moodle XML export: every question type Moodle has, ordering through the ordering plugin."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from quizgen.formats import Export
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

_QTYPE = {
    SingleQuestion: "multichoice",
    MultipleQuestion: "multichoice",
    TrueFalseQuestion: "truefalse",
    FillBlankQuestion: "shortanswer",
    NumericQuestion: "numerical",
    MatchingQuestion: "matching",
    OrderingQuestion: "ordering",
    ShortAnswerQuestion: "essay",
}


def _text(parent: ET.Element, tag: str, value: str, fmt: str = "markdown") -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(element, "text").text = value
    return element


def _answer(parent: ET.Element, fraction: float, text: str, feedback: str | None) -> None:
    answer = _text(parent, "answer", text, "plain_text")
    answer.set("fraction", f"{fraction:g}")
    if feedback:
        _text(answer, "feedback", feedback)


def _fill(element: ET.Element, question: object) -> None:
    if isinstance(question, SingleQuestion | MultipleQuestion):
        single = isinstance(question, SingleQuestion)
        ET.SubElement(element, "single").text = "true" if single else "false"
        ET.SubElement(element, "shuffleanswers").text = (
            "1" if question.shuffle is not False else "0"
        )
        right = sum(c.correct for c in question.choices)
        wrong = len(question.choices) - right
        for choice in question.choices:
            fraction = 100 / right if choice.correct else (0 if single else -100 / wrong)
            _answer(element, round(fraction, 5), choice.text, choice.feedback)
    elif isinstance(question, TrueFalseQuestion):
        for value in (True, False):
            right = value == question.answer
            _answer(element, 100 if right else 0, "true" if value else "false",
                    None if right else question.feedback)  # fmt: skip
    elif isinstance(question, FillBlankQuestion):
        ET.SubElement(element, "usecase").text = "0"
        for accepted in question.answers:
            _answer(element, 100, accepted, None)
    elif isinstance(question, NumericQuestion):
        answer = _text(element, "answer", f"{question.value:g}", "")
        answer.set("fraction", "100")
        ET.SubElement(answer, "tolerance").text = f"{question.tolerance:g}"
    elif isinstance(question, MatchingQuestion):
        for pair in question.pairs:
            sub = _text(element, "subquestion", pair.left)
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = pair.right
        for extra in question.distractors:
            sub = _text(element, "subquestion", "")
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = extra
    elif isinstance(question, OrderingQuestion):
        ET.SubElement(element, "layouttype").text = "VERTICAL"
        ET.SubElement(element, "selecttype").text = "ALL"
        for position, item in enumerate(question.items, start=1):
            _answer(element, position, item, None)
    elif isinstance(question, ShortAnswerQuestion):
        _text(element, "graderinfo", question.model_answer, "markdown")
        ET.SubElement(element, "responseformat").text = "editor"


def dump(bank: Bank) -> Export:
    """The bank as a Moodle XML ``<quiz>`` document."""
    quiz = ET.Element("quiz")
    category = ET.SubElement(quiz, "question", {"type": "category"})
    ET.SubElement(ET.SubElement(category, "category"), "text").text = f"$course$/{bank.bank}"
    skipped: list[tuple[str, str]] = []
    for question in bank.questions:
        element = ET.SubElement(quiz, "question", {"type": _QTYPE[type(question)]})
        ET.SubElement(ET.SubElement(element, "name"), "text").text = question.id
        _text(element, "questiontext", question.prompt)
        general = question.explanation or ""
        _text(element, "generalfeedback", general)
        _fill(element, question)
        if isinstance(question, OrderingQuestion):
            skipped.append(
                (question.id, "needs Moodle's ordering question plugin (qtype_ordering)")
            )
        if isinstance(question, FillBlankQuestion) and question.patterns:
            skipped.append((question.id, "patterns dropped: Moodle short answer has no regex"))
    ET.indent(quiz)
    text = '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="unicode")
    return Export(text + "\n", skipped)
