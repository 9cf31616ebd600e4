"""The question-bank data model: one source of truth for the loader, renderer and exporters."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

#: Longest text a single field may hold; longer values slow every build for no teaching gain.
MAX_FIELD_CHARS = 100_000

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", max_length=80),
]
Text = Annotated[str, StringConstraints(min_length=1, max_length=MAX_FIELD_CHARS)]
OptionalText = Annotated[str, StringConstraints(max_length=MAX_FIELD_CHARS)] | None
SeeTarget = Annotated[
    str,
    StringConstraints(
        pattern=r"^[A-Za-z0-9_][A-Za-z0-9_/-]*(#[A-Za-z0-9_-][A-Za-z0-9_.-]*)?$",
        max_length=300,
    ),
]


class StrictModel(BaseModel):
    """Base for every bank model: unknown keys are errors, so a misspelt field never passes."""

    model_config = ConfigDict(extra="forbid", frozen=False, str_strip_whitespace=True)


class Objective(StrictModel):
    id: Slug = Field(title="Objective id", description="Short id questions refer to, e.g. `H1`.")
    text: Text = Field(title="Objective", description="What the learner can do, with a verb.")
    see: SeeTarget | None = Field(
        default=None,
        title="Review link",
        description="Page and anchor that teaches this objective, e.g. `history#agreed-framework`.",
    )


class Choice(StrictModel):
    text: Text = Field(title="Choice text", description="MyST inline markup allowed.")
    correct: bool = Field(default=False, title="Correct", description="Mark every right choice.")
    feedback: OptionalText = Field(
        default=None, title="Feedback", description="Shown when the learner picks this choice."
    )


class Pair(StrictModel):
    left: Text = Field(title="Left item", description="The prompt side of a matching pair.")
    right: Text = Field(title="Right item", description="The answer side of a matching pair.")


def _strings_to_choices(value: object) -> object:
    """Accept plain strings as choices so short banks stay short."""
    if isinstance(value, list):
        return [{"text": item} if isinstance(item, str) else item for item in value]
    return value


class QuestionBase(StrictModel):
    id: Slug = Field(
        title="Question id",
        description="Unique and stable: saved progress and exports key on it.",
    )
    prompt: Text = Field(title="Prompt", description="The question. MyST inline markup allowed.")
    explanation: OptionalText = Field(
        default=None, title="Explanation", description="Shown after checking."
    )
    hint: OptionalText = Field(default=None, title="Hint", description="Revealed on request.")
    objective: Slug | None = Field(
        default=None, title="Objective", description="Id of the objective this question checks."
    )
    see: SeeTarget | None = Field(
        default=None,
        title="Review link",
        description="`page#anchor` of the section that teaches the answer.",
    )
    difficulty: Literal["easy", "medium", "hard"] | None = Field(
        default=None, title="Difficulty", description="easy, medium or hard."
    )
    tags: list[Slug] = Field(default_factory=list, title="Tags", description="Free labels.")
    shuffle: bool | None = Field(
        default=None,
        title="Shuffle",
        description="Shuffle choices or items for this question; defaults to the bank setting.",
    )


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


class TrueFalseQuestion(QuestionBase):
    type: Literal["true-false"] = Field(title="Type", description="A statement to judge.")
    answer: bool = Field(title="Answer", description="`true` if the statement is true.")
    feedback: OptionalText = Field(
        default=None, title="Feedback", description="Shown when the learner answers wrongly."
    )


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


class NumericQuestion(QuestionBase):
    type: Literal["numeric"] = Field(title="Type", description="A number, within a tolerance.")
    value: float = Field(title="Value", description="The right number.")
    tolerance: float = Field(default=0, ge=0, title="Tolerance", description="Allowed error.")
    unit: OptionalText = Field(default=None, title="Unit", description="Shown after the box.")
    feedback: OptionalText = Field(
        default=None, title="Feedback", description="Shown when the number is outside tolerance."
    )


class OrderingQuestion(QuestionBase):
    type: Literal["ordering"] = Field(title="Type", description="Put items in order.")
    items: list[Text] = Field(
        min_length=2, title="Items", description="In the right order; shown shuffled."
    )
    feedback: OptionalText = Field(
        default=None, title="Feedback", description="Shown when the order is wrong."
    )


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


Question = Annotated[
    SingleQuestion
    | MultipleQuestion
    | TrueFalseQuestion
    | FillBlankQuestion
    | NumericQuestion
    | OrderingQuestion
    | MatchingQuestion
    | ShortAnswerQuestion,
    Field(discriminator="type"),
]

QUESTION_TYPES: tuple[str, ...] = (
    "single",
    "multiple",
    "true-false",
    "fill-blank",
    "numeric",
    "ordering",
    "matching",
    "short-answer",
)


class Bank(StrictModel):
    bank: Slug = Field(title="Bank id", description="Unique id of the bank, e.g. `history`.")
    title: Text = Field(title="Title", description="Shown above the quiz.")
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")] = Field(
        default="en", title="Language", description="BCP 47 code, e.g. `en` or `fa`."
    )
    description: OptionalText = Field(
        default=None, title="Description", description="A sentence shown under the title."
    )
    shuffle: bool = Field(
        default=True,
        title="Shuffle",
        description="Shuffle choices and ordering items (per learner, stable across reloads).",
    )
    draw: int | None = Field(
        default=None,
        ge=1,
        title="Draw",
        description="Show only this many questions per attempt, drawn per learner.",
    )
    objectives: list[Objective] = Field(
        default_factory=list, title="Objectives", description="Learning objectives checked."
    )
    questions: list[Question] = Field(min_length=1, title="Questions", description="The items.")


def question_objective_ids(bank: Bank) -> set[str]:
    """Ids of the objectives a bank declares."""
    return {o.id for o in bank.objectives}
