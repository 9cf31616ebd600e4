"""Numeric questions: a number, right within a tolerance."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field, ValidationInfo, field_validator

from quizgen.answers import number_forms
from quizgen.model import OptionalText, QuestionBase
from quizgen.numbers import plain_number
from quizgen.sheet import Block, Markup, Para, SheetContext, Words
from quizgen.types.registry import QuestionType
from quizgen.types.rules import refuse_infinite

if TYPE_CHECKING:
    from quizgen.formats.gift import GiftWriter
    from quizgen.formats.moodle_xml import MoodleWriter
    from quizgen.formats.qti import QtiItem


class NumericQuestion(QuestionBase):
    type: Literal["numeric"] = Field(title="Type", description="A number, within a tolerance.")
    value: float = Field(title="Value", description="The right number.")
    tolerance: float = Field(default=0, ge=0, title="Tolerance", description="Allowed error.")
    unit: OptionalText = Field(default=None, title="Unit", description="Shown after the box.")
    feedback: OptionalText = Field(
        default=None, title="Feedback", description="Shown when the number is outside tolerance."
    )

    @field_validator("value", "tolerance")
    @classmethod
    def _finite(cls, number: float, info: ValidationInfo) -> float:
        return refuse_infinite(number, info.field_name or "value")


class Numeric(QuestionType[NumericQuestion]):
    name = "numeric"
    model = NumericQuestion
    widget = "numeric"
    summary = "Type a number; it is right within the tolerance."
    example: ClassVar[dict[str, object]] = {
        "prompt": "How far is Yongbyon from Pyongyang?",
        "value": 90,
        "tolerance": 10,
        "unit": "km",
    }

    def answer_key(self, question: NumericQuestion, seed: str) -> dict[str, object]:
        return {"v": question.value, "t": question.tolerance}

    def sheet(self, question: NumericQuestion, ctx: SheetContext) -> list[Block]:
        parts: tuple[Words | Markup, ...] = (Words(f"{ctx.words['answer_here']} ________"),)
        if question.unit:
            parts += (Words(" "), Markup(question.unit, field="unit"))
        return [Para(parts, component="blank", attrs={})]

    def key(self, question: NumericQuestion, ctx: SheetContext) -> list[Block]:
        text = plain_number(question.value)
        if question.tolerance:
            text += f" ± {plain_number(question.tolerance)}"
        parts: tuple[Words | Markup, ...] = (Words(text),)
        if question.unit:
            parts += (Words(" "), Markup(question.unit))
        return [Para(parts, "key")]

    def texts(self, question: NumericQuestion) -> list[str]:
        extra = [t for t in (question.unit, question.feedback) if t]
        return super().texts(question) + extra

    def shape(self, question: NumericQuestion) -> tuple[object, ...]:
        return (question.value, question.tolerance)

    def _as_words(self, question: NumericQuestion, note: Callable[[str], None]) -> list[str]:
        """An exact number's spellings, for a short answer; empty when there is a tolerance.

        Why: Moodle's numerical question reads Latin digits only, while the site also reads
        Persian and Arabic-Indic ones. A short answer listing each form grades them alike.
        """
        if question.tolerance:
            note(
                "Persian and Arabic-Indic digits are graded wrong: Moodle's numerical question "
                "reads Latin digits only, and a short answer cannot hold a range"
            )
            return []
        note("exact number sent as a short answer listing each digit form")
        return number_forms(plain_number(question.value))

    def to_gift(self, question: NumericQuestion, out: GiftWriter) -> str:
        if question.unit:
            out.note("unit dropped: GIFT numbers have no unit")
        forms = self._as_words(question, out.note)
        if forms:
            wrong = f" =%0%*{out.feedback(question.feedback)}" if question.feedback else ""
            return " ".join(f"={out.typed(form)}" for form in forms) + wrong
        value, tolerance = plain_number(question.value), plain_number(question.tolerance)
        wrong = f" ~{out.feedback(question.feedback)}" if question.feedback else ""
        return f"#{value}:{tolerance}{wrong}"

    def to_moodle_xml(
        self, question: NumericQuestion, element: ET.Element, out: MoodleWriter
    ) -> str:
        if question.unit and not question.tolerance:
            out.note(
                "Persian and Arabic-Indic digits are graded wrong: kept as a numerical question "
                "for its unit, and Moodle's numerical question reads Latin digits only"
            )
        forms = [] if question.unit else self._as_words(question, out.note)
        if question.unit and question.tolerance:
            self._as_words(question, out.note)  # says what a range means for typed digits
        if forms:
            ET.SubElement(element, "usecase").text = "0"
            for form in forms:
                out.answer(element, 100, form, None, plain=True)
            if question.feedback:
                out.answer(element, 0, "*", question.feedback, plain=True)
            return "shortanswer"
        answer = ET.SubElement(
            element, "answer", {"fraction": "100", "format": "moodle_auto_format"}
        )
        ET.SubElement(answer, "text").text = plain_number(question.value)
        ET.SubElement(answer, "tolerance").text = plain_number(question.tolerance)
        if question.feedback:  # Moodle's `*` answer matches any other number
            out.answer(element, 0, "*", question.feedback, plain=True)
        if question.unit:
            unit = ET.SubElement(ET.SubElement(element, "units"), "unit")
            ET.SubElement(unit, "multiplier").text = "1"
            ET.SubElement(unit, "unit_name").text = question.unit
        return "numerical"

    def to_qti(self, question: NumericQuestion, item: QtiItem) -> None:
        item.canvas_type = "numerical_question"
        item.number(question.value, question.tolerance, question.feedback)
        item.note(
            "Persian and Arabic-Indic digits are graded wrong: Canvas's number box reads Latin "
            "digits only"
        )
        if question.unit:
            item.unit(question.unit)
            item.note("unit shown after the prompt: Canvas numbers have no unit field")
