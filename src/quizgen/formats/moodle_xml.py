"""Moodle XML in both directions: every question type Moodle has, ordering through its plugin."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from xml.parsers import expat

from quizgen.formats import Export
from quizgen.formats.importing import NO_MODEL_ANSWER, Draft, finish, html_to_text
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
from quizgen.problems import Problem

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
        if question.feedback:  # Moodle's `*` answer matches any other text
            _answer(element, 0, "*", question.feedback)
    elif isinstance(question, NumericQuestion):
        answer = _text(element, "answer", repr(float(question.value)), "")
        answer.set("fraction", "100")
        ET.SubElement(answer, "tolerance").text = repr(float(question.tolerance))
        if question.feedback:  # Moodle's `*` answer matches any other number
            _answer(element, 0, "*", question.feedback)
        if question.unit:
            unit = ET.SubElement(ET.SubElement(element, "units"), "unit")
            ET.SubElement(unit, "multiplier").text = "1"
            ET.SubElement(unit, "unit_name").text = question.unit
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
    _text(category, "info", bank.title)  # Moodle's category description carries the title
    skipped: list[tuple[str, str]] = []
    for question in bank.questions:
        element = ET.SubElement(quiz, "question", {"type": _QTYPE[type(question)]})
        ET.SubElement(ET.SubElement(element, "name"), "text").text = question.id
        _text(element, "questiontext", question.prompt)
        general = question.explanation or ""
        _text(element, "generalfeedback", general)
        _fill(element, question)
        if isinstance(question, MatchingQuestion | OrderingQuestion) and question.feedback:
            _text(element, "incorrectfeedback", question.feedback)
        if isinstance(question, OrderingQuestion):
            skipped.append(
                (question.id, "needs Moodle's ordering question plugin (qtype_ordering)")
            )
        if isinstance(question, FillBlankQuestion) and question.patterns:
            skipped.append((question.id, "patterns dropped: Moodle short answer has no regex"))
    ET.indent(quiz)
    text = '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="unicode")
    return Export(text + "\n", skipped)


# --- import -------------------------------------------------------------------------------

_SUPPORTED = frozenset(
    {"multichoice", "truefalse", "shortanswer", "numerical", "matching", "ordering", "essay"}
)


def _parse(text: str, draft: Draft) -> tuple[ET.Element | None, dict[int, int]]:
    """Parse with expat so each element keeps its line; DTDs and entities are refused."""
    lines: dict[int, int] = {}
    found = re.search(r"<!(DOCTYPE|ENTITY)", text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        draft.problem(line, f"<!{found[1]}> is refused: Moodle XML needs no DTD or entities")
        return None, lines
    builder = ET.TreeBuilder()
    parser = expat.ParserCreate()

    def start(tag: str, attrs: dict[str, str]) -> None:
        lines[id(builder.start(tag, attrs))] = parser.CurrentLineNumber

    parser.StartElementHandler = start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    try:
        parser.Parse(text, True)
        return builder.close(), lines
    except expat.ExpatError as exc:
        draft.problem(exc.lineno, f"not well-formed XML: {expat.ErrorString(exc.code)}")
        return None, lines


def _read(element: ET.Element | None, path: str = "text") -> str:
    """Text of a ``<tag format=...><text>`` element; HTML becomes plain text."""
    if element is None:
        return ""
    raw = element.findtext(path) or ""
    if element.get("format", "html") == "html":
        return html_to_text(raw)
    return raw.strip()


def _fraction(answer: ET.Element) -> float:
    try:
        return float(answer.get("fraction", "0"))
    except ValueError:
        return 0.0


def _feedback_of(answer: ET.Element) -> str | None:
    return _read(answer.find("feedback")) or None


def _convert(kind: str, question: ET.Element, draft: Draft, line: int) -> dict[str, Any] | None:
    answers = question.findall("answer")
    if kind == "multichoice":
        single = (question.findtext("single") or "true").strip().lower() in {"true", "1"}
        choices = [
            {"text": _read(a), "correct": _fraction(a) > 0, "feedback": _feedback_of(a)}
            for a in answers
        ]
        return {"type": "single" if single else "multiple", "choices": choices}
    if kind == "truefalse":
        right = max(answers, key=_fraction, default=None)
        wrong = [a for a in answers if a is not right]
        if right is None:
            draft.problem(line, "a true/false question without answers")
            return None
        return {
            "type": "true-false",
            "answer": _read(right).lower() == "true",
            "feedback": _feedback_of(wrong[0]) if wrong else None,
        }
    if kind == "shortanswer":
        accepted = [_read(a) for a in answers if _fraction(a) >= 100 and _read(a) != "*"]
        for answer in answers:
            if 0 < _fraction(answer) < 100:
                draft.problem(
                    line,
                    f"partial credit has no equivalent: {_read(answer)!r} dropped",
                    warning=True,
                )
        wrong = [_feedback_of(a) for a in answers if _fraction(a) == 0 and _feedback_of(a)]
        return {"type": "fill-blank", "answers": accepted, "feedback": next(iter(wrong), None)}
    if kind == "numerical":
        right = [a for a in answers if _fraction(a) >= 100]
        if not right:
            draft.problem(line, "a numerical question without a 100% answer")
            return None
        wrong = [_feedback_of(a) for a in answers if _fraction(a) == 0 and _feedback_of(a)]
        try:
            value = float(_read(right[0]))
            tolerance = float(right[0].findtext("tolerance") or 0)
        except ValueError:
            draft.problem(line, f"the numerical answer {_read(right[0])!r} is not a number")
            return None
        return {
            "type": "numeric",
            "value": value,
            "tolerance": tolerance,
            "unit": question.findtext("units/unit/unit_name"),
            "feedback": next(iter(wrong), None),
        }
    if kind == "matching":
        pairs, distractors = [], []
        for sub in question.findall("subquestion"):
            left, right = _read(sub), (sub.findtext("answer/text") or "").strip()
            if left:
                pairs.append({"left": left, "right": right})
            else:
                distractors.append(right)
        return {
            "type": "matching",
            "pairs": pairs,
            "distractors": distractors,
            "feedback": _read(question.find("incorrectfeedback")) or None,
        }
    if kind == "ordering":
        ordered = sorted(answers, key=_fraction)
        return {
            "type": "ordering",
            "items": [_read(a) for a in ordered],
            "feedback": _read(question.find("incorrectfeedback")) or None,
        }
    model_answer = _read(question.find("graderinfo"))
    if not model_answer:
        draft.problem(line, "essay without grader information: no model answer", warning=True)
    return {"type": "short-answer", "model_answer": model_answer or NO_MODEL_ANSWER}


def load(text: str, path: str) -> tuple[Bank | None, list[Problem]]:
    """Read Moodle XML into a Bank; unsupported question types are located problems."""
    draft = Draft(path)
    root, lines = _parse(text, draft)
    if root is None:
        return None, draft.problems
    if root.tag != "quiz":
        draft.problem(lines.get(id(root), 1), f"the root element is <{root.tag}>, not <quiz>")
        return None, draft.problems
    for question in root.findall("question"):
        kind = question.get("type", "")
        line = lines.get(id(question), 1)
        if kind == "category":
            draft.category = (question.findtext("category/text") or "").strip() or None
            draft.title = _read(question.find("info")) or None
            continue
        if kind not in _SUPPORTED:
            draft.problem(
                line, f"question type {kind!r} cannot be converted: left out", warning=True
            )
            continue
        fields = _convert(kind, question, draft, line)
        if fields is None:
            continue
        explanation = _read(question.find("generalfeedback")) or None
        prompt = _read(question.find("questiontext"))
        data = {**fields, "prompt": prompt, "explanation": explanation}
        name = question.findtext("name/text")
        draft.add({k: v for k, v in data.items() if v is not None}, line, name)
    return finish(draft, None, Path(path).name.split(".", 1)[0])
