"""Single- and multiple-choice questions: pick the right choice, or every right choice.

Scoring (the same on the page, in Moodle and in Canvas): a single-choice answer scores 1 when
the ticked choice is right. A multiple-choice answer scores (right ticks - wrong ticks) / the
number of right choices, never below 0: each right choice is worth 1/right, each wrong one
costs 1/right.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, Annotated, ClassVar, Literal

from pydantic import BeforeValidator, Field, StrictBool, field_validator, model_validator

from quizgen.model import OptionalText, QuestionBase, StrictModel, Text
from quizgen.sheet import Block, Markup, Para, SheetContext, Words, letter, listing
from quizgen.types.registry import QuestionType
from quizgen.types.rules import refuse_repeats

if TYPE_CHECKING:
    from quizgen.formats.gift import GiftWriter
    from quizgen.formats.moodle_xml import MoodleWriter
    from quizgen.formats.qti import QtiItem


class Choice(StrictModel):
    text: Text = Field(title="Choice text", description="MyST inline markup allowed.")
    correct: StrictBool = Field(
        default=False, title="Correct", description="Mark every right choice."
    )
    feedback: OptionalText = Field(
        default=None, title="Feedback", description="Shown when the learner picks this choice."
    )


def _strings_to_choices(value: object) -> object:
    """Accept plain strings as choices so short banks stay short."""
    if isinstance(value, list):
        return [{"text": item} if isinstance(item, str) else item for item in value]
    return value


class ChoiceQuestion(QuestionBase):
    choices: Annotated[list[Choice], BeforeValidator(_strings_to_choices)] = Field(
        min_length=2,
        title="Choices",
        description="Each a mapping with `text`, `correct`, `feedback`, or a plain string "
        "when `correct` gives the index.",
    )
    correct: int | list[int] | None = Field(
        default=None,
        title="Correct index",
        description="Zero-based index (or indexes) of the right choice, "
        "instead of `correct: true` on the choice.",
    )

    @field_validator("choices")
    @classmethod
    def _distinct_choices(cls, choices: list[Choice]) -> list[Choice]:
        refuse_repeats([c.text for c in choices], "choices")
        return choices

    @model_validator(mode="after")
    def _apply_correct_index(self) -> ChoiceQuestion:
        """Fold the index shorthand into the choices, so every consumer sees one shape."""
        choices = self.choices
        if self.correct is not None:
            if any(c.correct for c in choices):
                raise ValueError(
                    "give the right answer once: either `correct:` on the question "
                    "or `correct: true` on a choice"
                )
            indexes = [self.correct] if isinstance(self.correct, int) else self.correct
            for index in indexes:
                if not 0 <= index < len(choices):
                    raise ValueError(
                        f"correct index {index} is out of range: choices are numbered "
                        f"0 to {len(choices) - 1}"
                    )
                choices[index].correct = True
            self.correct = None
        return self


class SingleQuestion(ChoiceQuestion):
    type: Literal["single"] = Field(title="Type", description="One right choice.")

    @model_validator(mode="after")
    def _exactly_one_correct(self) -> SingleQuestion:
        count = sum(c.correct for c in self.choices)
        if count != 1:
            raise ValueError(
                f"a single-choice question needs exactly one correct choice, found {count}: "
                "mark one choice `correct: true` (or use type: multiple)"
            )
        return self


class MultipleQuestion(ChoiceQuestion):
    type: Literal["multiple"] = Field(title="Type", description="One or more right choices.")

    @model_validator(mode="after")
    def _at_least_one_correct(self) -> MultipleQuestion:
        if not any(c.correct for c in self.choices):
            raise ValueError(
                "a multiple-choice question needs at least one correct choice: "
                "mark the right ones `correct: true`"
            )
        return self


def weight(count: int) -> float:
    """The share of the marks one of ``count`` right choices is worth, in percent."""
    return round(100 / count, 5)


class _Choices(QuestionType[ChoiceQuestion]):
    """What single and multiple share: everything but the scoring."""

    multiple: ClassVar[bool]

    def answer_key(self, question: ChoiceQuestion, seed: str) -> dict[str, object]:
        return {"c": [i for i, c in enumerate(question.choices) if c.correct]}

    def sheet(self, question: ChoiceQuestion, ctx: SheetContext) -> list[Block]:
        texts = [(c.text, {"quiz_choice": i}) for i, c in enumerate(question.choices)]
        return [listing("loweralpha", texts, component="choices", entry_field="choice")]

    def key(self, question: ChoiceQuestion, ctx: SheetContext) -> list[Block]:
        out: list[Block] = [
            Para((Markup(c.text),), "key", attrs={"quiz_choice": i},
                 prefix=(Words(f"{letter(i)})"),))
            for i, c in enumerate(question.choices) if c.correct
        ]  # fmt: skip
        out += [
            Para((Markup(c.feedback),), "feedback", attrs={"quiz_choice": i},
                 prefix=(Words(f"({letter(i)})"),))
            for i, c in enumerate(question.choices) if c.feedback
        ]  # fmt: skip
        return out

    def texts(self, question: ChoiceQuestion) -> list[str]:
        extra = [t for c in question.choices for t in (c.text, c.feedback) if t]
        return super().texts(question) + extra

    def shape(self, question: ChoiceQuestion) -> tuple[object, ...]:
        return tuple(c.correct for c in question.choices)

    def fractions(self, question: ChoiceQuestion) -> list[float]:
        """Each choice's share of the marks in percent (LMS answer grades)."""
        right = sum(c.correct for c in question.choices)
        if not self.multiple:
            return [100.0 if c.correct else 0.0 for c in question.choices]
        return [weight(right) if c.correct else -weight(right) for c in question.choices]

    def to_gift(self, question: ChoiceQuestion, out: GiftWriter) -> str:
        parts = []
        for choice, fraction in zip(question.choices, self.fractions(question), strict=True):
            mark = f"~%{out.number(fraction)}%" if self.multiple else "=" if choice.correct else "~"
            parts.append(f"{mark}{out.html(choice.text)}{out.feedback(choice.feedback)}")
        return " ".join(parts)

    def to_moodle_xml(
        self, question: ChoiceQuestion, element: ET.Element, out: MoodleWriter
    ) -> str:
        ET.SubElement(element, "single").text = "false" if self.multiple else "true"
        shuffle = "1" if out.shuffles(question) else "0"
        ET.SubElement(element, "shuffleanswers").text = shuffle
        out.combined_feedback(element, question)
        ET.SubElement(element, "answernumbering").text = "abc"
        for choice, fraction in zip(question.choices, self.fractions(question), strict=True):
            out.answer(element, fraction, choice.text, choice.feedback)
        return "multichoice"

    def to_qti(self, question: ChoiceQuestion, item: QtiItem) -> None:
        item.canvas_type = (
            "multiple_answers_question" if self.multiple else "multiple_choice_question"
        )
        labels = [(f"c{i}", c.text, c.correct, c.feedback) for i, c in enumerate(question.choices)]
        item.choices(question, labels, multiple=self.multiple, wrong_feedback=None)


class Single(_Choices):
    name = "single"
    model = SingleQuestion
    widget = "single"
    summary = "Pick the one right choice."
    example: ClassVar[dict[str, object]] = {
        "prompt": "When was the Agreed Framework signed?",
        "choices": [{"text": "1994", "correct": True}, {"text": "2005", "feedback": "Later."}],
        "hint": "The mid-nineties.",
    }
    multiple = False


class Multiple(_Choices):
    name = "multiple"
    model = MultipleQuestion
    widget = "multiple"
    summary = "Tick every right choice; each wrong tick takes back what a right one gives."
    example: ClassVar[dict[str, object]] = {
        "prompt": "Which took part in the Six-Party Talks?",
        "choices": ["China", "Japan", "India"],
        "correct": [0, 1],
    }
    multiple = True
