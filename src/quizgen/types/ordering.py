"""Ordering questions: put items in their right order.

Scoring: the share of items in their right position. Where a target has no ordering type
(GIFT, Canvas classic quizzes) the question goes as matching each item to its position, which
scores the same, and the export says so for that question.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field, field_validator

from quizgen.model import OptionalText, QuestionBase, Text
from quizgen.numbers import local_digits
from quizgen.sheet import Block, Entry, Listing, SheetContext, para, scrambled
from quizgen.types.registry import QuestionType
from quizgen.types.rules import refuse_repeats

if TYPE_CHECKING:
    from quizgen.formats.gift import GiftWriter
    from quizgen.formats.moodle_xml import MoodleWriter
    from quizgen.formats.qti import QtiItem

AS_MATCHING = "ordering sent as matching each item to its position (no ordering type here)"


class OrderingQuestion(QuestionBase):
    type: Literal["ordering"] = Field(title="Type", description="Put items in order.")
    items: list[Text] = Field(
        min_length=2, title="Items", description="In the right order; shown shuffled."
    )
    feedback: OptionalText = Field(
        default=None, title="Feedback", description="Shown when the order is wrong."
    )

    @field_validator("items")
    @classmethod
    def _distinct_items(cls, items: list[str]) -> list[str]:
        """Two equal items could swap places unseen and still be marked wrong."""
        refuse_repeats(items, "items")
        return items


def positions(question: OrderingQuestion, language: str) -> list[str]:
    """The position names items are matched to where there is no ordering type: 1, 2, 3…"""
    return [local_digits(n, language) for n in range(1, len(question.items) + 1)]


class Ordering(QuestionType[OrderingQuestion]):
    name = "ordering"
    model = OrderingQuestion
    widget = "ordering"
    summary = "Put the items in order; each item in its right place scores its share."
    example: ClassVar[dict[str, object]] = {
        "prompt": "Put in order.",
        "items": ["Agreed Framework", "Joint Statement"],
        "feedback": "Start in 1994.",
    }

    def answer_key(self, question: OrderingQuestion, seed: str) -> dict[str, object]:
        return {}

    def sheet(self, question: OrderingQuestion, ctx: SheetContext) -> list[Block]:
        entries = tuple(
            Entry((para(question.items[i], "item", quiz_item=i),), {"quiz_item": i})
            for i in scrambled(len(question.items), ctx.seed)
        )
        return [Listing("bullet", entries, component="items")]

    def key(self, question: OrderingQuestion, ctx: SheetContext) -> list[Block]:
        entries = tuple(Entry((para(text),)) for text in question.items)
        return [Listing("arabic", entries, field="key")]

    def texts(self, question: OrderingQuestion) -> list[str]:
        extra = [*question.items, *([question.feedback] if question.feedback else [])]
        return super().texts(question) + extra

    def shape(self, question: OrderingQuestion) -> tuple[object, ...]:
        return (len(question.items),)

    def to_gift(self, question: OrderingQuestion, out: GiftWriter) -> str:
        out.note(AS_MATCHING)
        if question.feedback:
            out.note("feedback for a wrong order dropped: GIFT matching has none")
        names = positions(question, out.language)
        return " ".join(
            f"={out.html(item)} -> {out.plain(name)}"
            for item, name in zip(question.items, names, strict=True)
        )

    def to_moodle_xml(
        self, question: OrderingQuestion, element: ET.Element, out: MoodleWriter
    ) -> str:
        out.combined_feedback(element, question)
        for tag, value in (
            ("layouttype", "VERTICAL"),
            ("selecttype", "ALL"),
            ("selectcount", "0"),
            ("gradingtype", "ABSOLUTE_POSITION"),
            ("showgrading", "SHOW"),
            ("numberingstyle", "none"),
        ):
            ET.SubElement(element, tag).text = value
        for position, item in enumerate(question.items, start=1):
            out.answer(element, position, item, None)
        return "ordering"

    def to_qti(self, question: OrderingQuestion, item: QtiItem) -> None:
        item.note(AS_MATCHING)
        item.canvas_type = "matching_question"
        names = positions(question, item.language)
        item.matching(list(zip(question.items, names, strict=True)), [], question.feedback)
