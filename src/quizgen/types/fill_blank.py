"""Fill-blank questions: type a word or short phrase, compared after normalising."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, ClassVar, Literal

from pydantic import Field, StringConstraints, field_validator

from quizgen.model import OptionalText, QuestionBase, Text
from quizgen.sheet import Block, SheetContext, para, words
from quizgen.types.registry import QuestionType
from quizgen.types.rules import refuse_bad_patterns, refuse_untypable

if TYPE_CHECKING:
    from quizgen.formats.gift import GiftWriter
    from quizgen.formats.moodle_xml import MoodleWriter
    from quizgen.formats.qti import QtiItem


class FillBlankQuestion(QuestionBase):
    type: Literal["fill-blank"] = Field(title="Type", description="Type a word or short phrase.")
    answers: list[Text] = Field(
        min_length=1,
        title="Accepted answers",
        description="Compared ignoring case, spacing, Persian/Arabic letter variants and digits.",
    )
    patterns: list[Annotated[str, StringConstraints(min_length=1, max_length=500)]] = Field(
        default_factory=list,
        title="Patterns",
        description="Extra regular expressions (JavaScript syntax) matched against the "
        "normalised answer.",
    )
    feedback: OptionalText = Field(
        default=None, title="Feedback", description="Shown when the answer is not accepted."
    )

    @field_validator("answers")
    @classmethod
    def _typable_answers(cls, answers: list[str]) -> list[str]:
        refuse_untypable(answers)
        return answers

    @field_validator("patterns")
    @classmethod
    def _sound_patterns(cls, patterns: list[str]) -> list[str]:
        refuse_bad_patterns(patterns)
        return patterns


class FillBlank(QuestionType[FillBlankQuestion]):
    name = "fill-blank"
    model = FillBlankQuestion
    widget = "fill-blank"
    summary = "Type a word or short phrase."
    example: ClassVar[dict[str, object]] = {
        "prompt": "Name the reactor site.",
        "answers": ["یونگ‌بیون", "Yongbyon"],
        "patterns": ["^n?yong"],
        "feedback": "North of Pyongyang.",
    }

    def answer_key(self, question: FillBlankQuestion, seed: str) -> dict[str, object]:
        return {"a": question.answers, "p": question.patterns}

    def sheet(self, question: FillBlankQuestion, ctx: SheetContext) -> list[Block]:
        return [words(f"{ctx.words['answer_here']} ________", component="blank")]

    def key(self, question: FillBlankQuestion, ctx: SheetContext) -> list[Block]:
        return [para(" / ".join(question.answers), "key")]

    def texts(self, question: FillBlankQuestion) -> list[str]:
        return super().texts(question) + ([question.feedback] if question.feedback else [])

    def shape(self, question: FillBlankQuestion) -> tuple[object, ...]:
        return (len(question.patterns) > 0,)

    def _note_patterns(self, question: FillBlankQuestion, note: Callable[[str], None]) -> None:
        if question.patterns:
            note("patterns (regular expressions) dropped: the target compares listed answers")

    def _note_spacing(self, note: Callable[[str], None]) -> None:
        note(
            "spacing and punctuation are compared as listed: Moodle does not forgive doubled or "
            "left-out spaces or a full stop after the answer, as the site does"
        )

    def to_gift(self, question: FillBlankQuestion, out: GiftWriter) -> str:
        self._note_patterns(question, out.note)
        self._note_spacing(out.note)
        accepted = " ".join(f"={out.typed(a)}" for a in out.spellings(question.answers))
        # A 0% `*` answer is Moodle's "anything else": it carries the wrong-answer feedback.
        catch_all = f" =%0%*{out.feedback(question.feedback)}" if question.feedback else ""
        return accepted + catch_all

    def to_moodle_xml(
        self, question: FillBlankQuestion, element: ET.Element, out: MoodleWriter
    ) -> str:
        self._note_patterns(question, out.note)
        self._note_spacing(out.note)
        ET.SubElement(element, "usecase").text = "0"
        for accepted in out.spellings(question.answers):
            out.answer(element, 100, out.typed(accepted), None, plain=True)
        if question.feedback:  # Moodle's `*` answer matches any other text
            out.answer(element, 0, "*", question.feedback, plain=True)
        return "shortanswer"

    def to_qti(self, question: FillBlankQuestion, item: QtiItem) -> None:
        self._note_patterns(question, item.note)
        item.canvas_type = "short_answer_question"
        item.typed_answers(question.answers, question.feedback)
