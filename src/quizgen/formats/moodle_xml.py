"""Moodle XML in both directions: every question type Moodle has, ordering through its plugin."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from xml.parsers import expat

from quizgen.formats import Export, ExportWriter, plain_number
from quizgen.formats.importing import (
    NO_MODEL_ANSWER,
    Draft,
    collapse_spellings,
    finish,
    html_to_text,
    literal_markdown,
    typed_answer,
)
from quizgen.inline import to_plain
from quizgen.model import Bank, QuestionBase
from quizgen.problems import Problem
from quizgen.types.registry import get


class MoodleWriter(ExportWriter):
    """What a type writes Moodle XML with: formatted text, answers, and feedback blocks."""

    def text(self, parent: ET.Element, tag: str, value: str) -> ET.Element:
        """``<tag format="html"><text>`` holding bank text as the site renders it."""
        return self.html_block(parent, tag, self.rendered(value) if value else "")

    def html_block(self, parent: ET.Element, tag: str, html: str) -> ET.Element:
        """``<tag format="html"><text>`` holding HTML this module made safe already."""
        element = ET.SubElement(parent, tag, {"format": "html"})
        ET.SubElement(element, "text").text = html
        return element

    def plain_text(self, value: str) -> str:
        """Bank text without markup, for fields Moodle shows as plain text."""
        return to_plain(value)

    def typed(self, answer: str) -> str:
        """An accepted typed answer: ``*`` is literal (Moodle reads a bare one as a wildcard)."""
        return answer.replace("*", "\\*")

    def answer(
        self,
        parent: ET.Element,
        fraction: float,
        text: str,
        feedback: str | None,
        *,
        plain: bool = False,
    ) -> None:
        """An ``<answer>``: plain for what a learner types, else formatted like the site."""
        attrs = {"fraction": plain_number(round(fraction, 7)),
                 "format": "plain_text" if plain else "html"}  # fmt: skip
        answer = ET.SubElement(parent, "answer", attrs)
        ET.SubElement(answer, "text").text = text if plain else self.rendered(text)
        self.text(answer, "feedback", feedback or "")

    def combined_feedback(self, element: ET.Element, question: QuestionBase) -> None:
        """Right, partly right and wrong feedback, as Moodle's own export writes them."""
        wrong = get(question.type).wrong_feedback(question) or ""
        self.text(element, "correctfeedback", "")
        self.text(element, "partiallycorrectfeedback", wrong)
        self.text(element, "incorrectfeedback", wrong)
        ET.SubElement(element, "shownumcorrect")

    def grader_information(self, question: QuestionBase) -> str:
        """An essay's model answer and rubric, for the teacher who grades it."""
        model = getattr(question, "model_answer", "")
        rubric = getattr(question, "rubric", [])
        html = f"<p>{self.rendered(model)}</p>"
        if rubric:
            points = "".join(f"<li>{self.rendered(point)}</li>" for point in rubric)
            html += f"<ul>{points}</ul>"
        return f'<div dir="rtl">{html}</div>' if self.rtl else html


def dump(bank: Bank) -> Export:
    """The bank as a Moodle XML ``<quiz>`` document."""
    writer = MoodleWriter(bank)
    quiz = ET.Element("quiz")
    category = ET.SubElement(quiz, "question", {"type": "category"})
    ET.SubElement(ET.SubElement(category, "category"), "text").text = f"$course$/{bank.bank}"
    writer.text(category, "info", bank.title)
    for question in bank.questions:
        kind = writer.start(question, "moodle-xml")
        if kind is None:
            continue
        element = ET.SubElement(quiz, "question")
        ET.SubElement(ET.SubElement(element, "name"), "text").text = question.id
        writer.text(element, "questiontext", question.prompt)
        writer.text(element, "generalfeedback", question.explanation or "")
        ET.SubElement(element, "defaultgrade").text = "1"
        ET.SubElement(element, "penalty").text = "0"
        ET.SubElement(element, "hidden").text = "0"
        ET.SubElement(element, "idnumber").text = question.id
        element.set("type", kind.to_moodle_xml(question, element, writer))
        if question.hint:
            hint = ET.SubElement(element, "hint", {"format": "html"})
            ET.SubElement(hint, "text").text = writer.rendered(question.hint)
        if question.tags:
            tags = ET.SubElement(element, "tags")
            for tag in question.tags:
                ET.SubElement(ET.SubElement(tags, "tag"), "text").text = tag
    ET.indent(quiz)
    text = '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="unicode")
    return Export(_cdata(text) + "\n", writer.notes)


_TEXT = re.compile(r"<text>(.*?)</text>", re.DOTALL)


def _cdata(document: str) -> str:
    """Every ``<text>`` as a CDATA section, the way Moodle's own export writes it.

    Why: Moodle's XML reader splits character data at entities and trims each piece, so
    ``&lt;/em&gt; word`` loses its space; inside CDATA there are no entities to split at.
    """

    def wrap(match: re.Match[str]) -> str:
        raw = match[1].replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        return "<text><![CDATA[" + raw.replace("]]>", "]]]]><![CDATA[>") + "]]></text>"

    return _TEXT.sub(wrap, document)


# --- import -------------------------------------------------------------------------------

_SUPPORTED = frozenset(
    {"multichoice", "truefalse", "shortanswer", "numerical", "matching", "ordering", "essay"}
)


def parse_located(
    text: str, draft: Draft, kind: str = "Moodle XML"
) -> tuple[ET.Element | None, dict[int, int]]:
    """Parse with expat so each element keeps its line; DTDs and entities are refused."""
    lines: dict[int, int] = {}
    found = re.search(r"<!(DOCTYPE|ENTITY)", text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        draft.problem(line, f"<!{found[1]}> is refused: {kind} needs no DTD or entities")
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
        others = [a for a in answers if a is not right]
        if right is None:
            draft.problem(line, "a true/false question without answers")
            return None
        return {
            "type": "true-false",
            "answer": _read(right).lower() == "true",
            "feedback": _feedback_of(others[0]) if others else None,
        }
    if kind == "shortanswer":
        accepted = [
            typed_answer(_read(a)) for a in answers if _fraction(a) >= 100 and _read(a) != "*"
        ]
        for answer in answers:
            if 0 < _fraction(answer) < 100:
                draft.problem(
                    line,
                    f"partial credit has no equivalent: {_read(answer)!r} dropped",
                    warning=True,
                )
        wrong = [_feedback_of(a) for a in answers if _fraction(a) == 0 and _feedback_of(a)]
        return {**collapse_spellings(accepted), "feedback": next(iter(wrong), None)}
    if kind == "numerical":
        full = [a for a in answers if _fraction(a) >= 100]
        if not full:
            draft.problem(line, "a numerical question without a 100% answer")
            return None
        wrong = [_feedback_of(a) for a in answers if _fraction(a) == 0 and _feedback_of(a)]
        try:
            value = float(_read(full[0]))
            tolerance = float(full[0].findtext("tolerance") or 0)
        except ValueError:
            draft.problem(line, f"the numerical answer {_read(full[0])!r} is not a number")
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
            # Moodle keeps the right-hand side as plain text: read it as text, not markup.
            left = _read(sub)
            right_text = literal_markdown(sub.findtext("answer/text") or "").strip()
            if left:
                pairs.append({"left": left, "right": right_text})
            else:
                distractors.append(right_text)
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
    model_answer, rubric = _grader_information(question.find("graderinfo"))
    if not model_answer:
        draft.problem(line, "essay without grader information: no model answer", warning=True)
    return {
        "type": "short-answer",
        "model_answer": model_answer or NO_MODEL_ANSWER,
        "rubric": rubric,
    }


def _grader_information(element: ET.Element | None) -> tuple[str, list[str]]:
    """An essay's model answer and rubric points, as :meth:`MoodleWriter.grader_information`
    writes them (a paragraph, then a list); other grader information is all model answer."""
    if element is None:
        return "", []
    raw = element.findtext("text") or ""
    if element.get("format", "html") != "html":
        return raw.strip(), []
    listing = re.search(r"(?s)<ul>(.*)</ul>", raw)
    if listing is None:
        return html_to_text(raw), []
    points = [html_to_text(item) for item in re.findall(r"(?s)<li>(.*?)</li>", listing[1])]
    return html_to_text(raw[: listing.start()]), [point for point in points if point]


def load(text: str, path: str) -> tuple[Bank | None, list[Problem]]:
    """Read Moodle XML into a Bank; unsupported question types are located problems."""
    draft = Draft(path)
    root, lines = parse_located(text, draft)
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
