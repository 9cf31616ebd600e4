"""Short-answer (essay) questions: a free answer the learner compares with a model answer."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field

from quizgen.model import QuestionBase, Text
from quizgen.sheet import Block, Entry, Listing, Markup, Para, SheetContext, Words, para, words
from quizgen.types.registry import QuestionType

if TYPE_CHECKING:
    from quizgen.formats.gift import GiftWriter
    from quizgen.formats.moodle_xml import MoodleWriter
    from quizgen.formats.qti import QtiItem


class ShortAnswerQuestion(QuestionBase):
    type: Literal["short-answer"] = Field(
        title="Type", description="Free answer, compared by the learner with a model answer."
    )
    model_answer: Text = Field(title="Model answer", description="What a good answer says.")
    rubric: list[Text] = Field(
        default_factory=list,
        title="Rubric",
        description="Points a good answer makes; the learner ticks those they made.",
    )


class ShortAnswer(QuestionType[ShortAnswerQuestion]):
    name = "short-answer"
    model = ShortAnswerQuestion
    widget = "short-answer"
    summary = "Write a free answer, then compare it with the model answer and tick the rubric."
    example: ClassVar[dict[str, object]] = {
        "prompt": "Why did Hanoi fail?",
        "model_answer": "Sanctions relief against Yongbyon.",
        "rubric": ["Names sanctions relief"],
    }

    def answer_key(self, question: ShortAnswerQuestion, seed: str) -> dict[str, object]:
        return {"r": len(question.rubric)}

    def sheet(self, question: ShortAnswerQuestion, ctx: SheetContext) -> list[Block]:
        return [words(ctx.words["write_answer"], component="blank")]

    def key(self, question: ShortAnswerQuestion, ctx: SheetContext) -> list[Block]:
        out: list[Block] = [
            Para((Markup(question.model_answer),), "key",
                 prefix=(Words(f"{ctx.words['model_answer']}:"),))
        ]  # fmt: skip
        if question.rubric:
            entries = tuple(Entry((para(point, "point"),)) for point in question.rubric)
            out.append(Listing("bullet", entries, field="rubric"))
        return out

    def texts(self, question: ShortAnswerQuestion) -> list[str]:
        return [*super().texts(question), question.model_answer, *question.rubric]

    def shape(self, question: ShortAnswerQuestion) -> tuple[object, ...]:
        return (len(question.rubric),)

    def to_gift(self, question: ShortAnswerQuestion, out: GiftWriter) -> str:
        out.note(
            "model answer and rubric (grader information) dropped: a GIFT essay has no "
            "grader information"
        )
        return ""

    def to_moodle_xml(
        self, question: ShortAnswerQuestion, element: ET.Element, out: MoodleWriter
    ) -> str:
        ET.SubElement(element, "responseformat").text = "editor"
        ET.SubElement(element, "responserequired").text = "1"
        ET.SubElement(element, "responsefieldlines").text = "10"
        ET.SubElement(element, "attachments").text = "0"
        ET.SubElement(element, "attachmentsrequired").text = "0"
        out.html_block(element, "graderinfo", out.grader_information(question))
        out.text(element, "responsetemplate", "")
        return "essay"

    def to_qti(self, question: ShortAnswerQuestion, item: QtiItem) -> None:
        item.canvas_type = "essay_question"
        item.essay(question.model_answer, question.rubric)
