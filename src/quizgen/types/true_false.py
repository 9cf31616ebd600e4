"""True/false questions: judge a statement."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field, StrictBool

from quizgen.model import OptionalText, QuestionBase
from quizgen.sheet import Block, SheetContext, words
from quizgen.types.registry import QuestionType

if TYPE_CHECKING:
    from quizgen.formats.gift import GiftWriter
    from quizgen.formats.moodle_xml import MoodleWriter
    from quizgen.formats.qti import ChoiceLabel, QtiItem


class TrueFalseQuestion(QuestionBase):
    type: Literal["true-false"] = Field(title="Type", description="A statement to judge.")
    answer: StrictBool = Field(title="Answer", description="`true` if the statement is true.")
    feedback: OptionalText = Field(
        default=None, title="Feedback", description="Shown when the learner answers wrongly."
    )


class TrueFalse(QuestionType[TrueFalseQuestion]):
    name = "true-false"
    model = TrueFalseQuestion
    widget = "true-false"
    summary = "Say whether a statement is true or false."
    example: ClassVar[dict[str, object]] = {
        "prompt": "Hanoi ended without an agreement.",
        "answer": True,
        "feedback": "It did.",
    }

    def answer_key(self, question: TrueFalseQuestion, seed: str) -> dict[str, object]:
        return {"a": question.answer}

    def sheet(self, question: TrueFalseQuestion, ctx: SheetContext) -> list[Block]:
        return [words(f"{ctx.words['true']} / {ctx.words['false']}", component="truefalse")]

    def key(self, question: TrueFalseQuestion, ctx: SheetContext) -> list[Block]:
        return [words(ctx.words["true" if question.answer else "false"], field="key")]

    def texts(self, question: TrueFalseQuestion) -> list[str]:
        return super().texts(question) + ([question.feedback] if question.feedback else [])

    def shape(self, question: TrueFalseQuestion) -> tuple[object, ...]:
        return (question.answer,)

    def to_gift(self, question: TrueFalseQuestion, out: GiftWriter) -> str:
        # GIFT's true/false takes the wrong-answer feedback first, then the right-answer one.
        return f"{'TRUE' if question.answer else 'FALSE'}{out.feedback(question.feedback)}"

    def to_moodle_xml(
        self, question: TrueFalseQuestion, element: ET.Element, out: MoodleWriter
    ) -> str:
        for value in (True, False):
            right = value == question.answer
            feedback = None if right else question.feedback
            out.answer(element, 100 if right else 0, "true" if value else "false", feedback,
                       plain=True)  # fmt: skip
        return "truefalse"

    def to_qti(self, question: TrueFalseQuestion, item: QtiItem) -> None:
        item.canvas_type = "true_false_question"
        true, false = item.true_false_words()
        labels: list[ChoiceLabel] = [
            ("true", true, question.answer, None),
            ("false", false, not question.answer, None),
        ]
        item.choices(question, labels, multiple=False, wrong_feedback=question.feedback)
