"""A small question type of a project's own, registered through the public registry.

It asks for a year and grades it with the runtime's numeric widget; it declares that no LMS
format can carry it, so every export must report it, not crash or drop it silently.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from quizgen.model import QuestionBase
from quizgen.sheet import Block, SheetContext, words
from quizgen.types import QuestionType


class YearQuestion(QuestionBase):
    type: Literal["year"] = Field(title="Type", description="A year, typed exactly.")
    year: int = Field(title="Year", description="The right year.")


class Year(QuestionType[YearQuestion]):
    name = "year"
    model = YearQuestion
    widget = "numeric"
    summary = "Type the year."
    unsupported: ClassVar[dict[str, str]] = {
        "gift": "this course's year type has no GIFT form",
        "moodle-xml": "this course's year type has no Moodle form",
        "qti": "this course's year type has no Canvas form",
    }

    def answer_key(self, question: YearQuestion, seed: str) -> dict[str, object]:
        return {"v": question.year, "t": 0}

    def sheet(self, question: YearQuestion, ctx: SheetContext) -> list[Block]:
        return [words(f"{ctx.words['answer_here']} ________", component="blank")]

    def key(self, question: YearQuestion, ctx: SheetContext) -> list[Block]:
        return [words(str(question.year), field="key")]
