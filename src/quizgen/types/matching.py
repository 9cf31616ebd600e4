"""Matching questions: match each left item to one right item.

Scoring: the share of left items matched right.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field, field_validator, model_validator

from quizgen.model import OptionalText, QuestionBase, StrictModel, Text
from quizgen.sheet import Block, Entry, Listing, Markup, Para, SheetContext, Words, para, scrambled
from quizgen.types.registry import QuestionType
from quizgen.types.rules import refuse_repeats

if TYPE_CHECKING:
    from quizgen.formats.gift import GiftWriter
    from quizgen.formats.moodle_xml import MoodleWriter
    from quizgen.formats.qti import QtiItem


class Pair(StrictModel):
    left: Text = Field(title="Left item", description="The prompt side of a matching pair.")
    right: Text = Field(title="Right item", description="The answer side of a matching pair.")


class MatchingQuestion(QuestionBase):
    type: Literal["matching"] = Field(
        title="Type", description="Match each left item to one right."
    )
    pairs: list[Pair] = Field(min_length=2, title="Pairs", description="The right matches.")
    distractors: list[Text] = Field(
        default_factory=list,
        title="Distractors",
        description="Extra right-hand options that match nothing.",
    )
    feedback: OptionalText = Field(
        default=None, title="Feedback", description="Shown when any match is wrong."
    )

    @field_validator("pairs")
    @classmethod
    def _distinct_pairs(cls, pairs: list[Pair]) -> list[Pair]:
        """Two equal left (or right) items leave two answers that look right, one graded so."""
        refuse_repeats([p.left for p in pairs], "left items of pairs")
        refuse_repeats([p.right for p in pairs], "right items of pairs")
        return pairs

    @model_validator(mode="after")
    def _distinct_distractors(self) -> MatchingQuestion:
        refuse_repeats(
            [p.right for p in self.pairs] + self.distractors,
            "right-hand options (the pairs' right items, then the distractors)",
        )
        return self


def matching_options(question: MatchingQuestion, seed: str) -> tuple[list[str], list[int]]:
    """Right-hand options in shown order, and the option index that matches each left item."""
    rights = [p.right for p in question.pairs] + list(question.distractors)
    order = scrambled(len(rights), seed)
    shown = [rights[i] for i in order]
    return shown, [order.index(i) for i in range(len(question.pairs))]


class Matching(QuestionType[MatchingQuestion]):
    name = "matching"
    model = MatchingQuestion
    widget = "matching"
    summary = "Match each item on the left to one on the right."
    example: ClassVar[dict[str, object]] = {
        "prompt": "Match each deal to its year.",
        "pairs": [
            {"left": "Agreed Framework", "right": "1994"},
            {"left": "Leap Day deal", "right": "2012"},
        ],
        "feedback": "One year is left over.",
        "distractors": ["2001"],
    }

    def answer_key(self, question: MatchingQuestion, seed: str) -> dict[str, object]:
        return {"m": matching_options(question, seed)[1]}

    def sheet(self, question: MatchingQuestion, ctx: SheetContext) -> list[Block]:
        lefts = tuple(Entry((para(p.left, "left"),)) for p in question.pairs)
        rights = tuple(
            Entry((para(text, "right"),)) for text in matching_options(question, ctx.seed)[0]
        )
        return [
            Listing("arabic", lefts, component="lefts"),
            Listing("upperalpha", rights, component="rights"),
        ]

    def key(self, question: MatchingQuestion, ctx: SheetContext) -> list[Block]:
        between = Words(f" — {ctx.words['matches']} — ")
        entries = tuple(
            Entry((Para((Markup(p.left), between, Markup(p.right))),)) for p in question.pairs
        )
        return [Listing("bullet", entries, field="key")]

    def texts(self, question: MatchingQuestion) -> list[str]:
        extra = [t for p in question.pairs for t in (p.left, p.right)] + question.distractors
        return super().texts(question) + extra + ([question.feedback] if question.feedback else [])

    def shape(self, question: MatchingQuestion) -> tuple[object, ...]:
        return (len(question.pairs), len(question.distractors))

    def to_gift(self, question: MatchingQuestion, out: GiftWriter) -> str:
        if question.feedback:
            out.note("feedback for a wrong match dropped: GIFT matching has none")
        pairs = [f"={out.html(p.left)} -> {out.plain(p.right)}" for p in question.pairs]
        extras = [f"= -> {out.plain(extra)}" for extra in question.distractors]
        return " ".join(pairs + extras)

    def to_moodle_xml(
        self, question: MatchingQuestion, element: ET.Element, out: MoodleWriter
    ) -> str:
        shuffle = "1" if out.shuffles(question) else "0"
        ET.SubElement(element, "shuffleanswers").text = shuffle
        out.combined_feedback(element, question)
        for pair in question.pairs:
            sub = out.text(element, "subquestion", pair.left)
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = out.plain_text(pair.right)
        for extra in question.distractors:
            sub = out.text(element, "subquestion", "")
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = out.plain_text(extra)
        return "matching"

    def to_qti(self, question: MatchingQuestion, item: QtiItem) -> None:
        item.canvas_type = "matching_question"
        pairs = [(p.left, p.right) for p in question.pairs]
        item.matching(pairs, list(question.distractors), question.feedback)
