"""The question-bank data model: the fields every bank and question shares.

Each question type adds its own fields in its module under :mod:`quizgen.types`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    StrictBool,
    StringConstraints,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

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


class QuestionBase(StrictModel):
    """Fields every question type has; each type narrows ``type`` to its own name."""

    type: str = Field(title="Type", description="The question type.")
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
    shuffle: StrictBool | None = Field(
        default=None,
        title="Shuffle",
        description="Shuffle choices or items for this question; defaults to the bank setting.",
    )


class QuestionTypes:
    """Validates a question as whichever registered type its ``type:`` names.

    Why a marker and not a fixed union: a project or package can register a type of its own
    (:func:`quizgen.types.register`), and :class:`Bank` must then accept it. The union is built
    from the registry each time the schema is (re)built.
    """

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        from quizgen.types.registry import question_models

        choices = {name: handler.generate_schema(model) for name, model in question_models()}
        return core_schema.tagged_union_schema(choices, discriminator="type")

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return handler(schema)


#: A question of any registered type; statically, the fields every type shares.
Question = Annotated[QuestionBase, QuestionTypes()]


class Bank(StrictModel):
    # Built on first use, once the question types are registered.
    model_config = ConfigDict(defer_build=True)

    bank: Slug = Field(title="Bank id", description="Unique id of the bank, e.g. `history`.")
    title: Text = Field(title="Title", description="Shown above the quiz.")
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")] = Field(
        default="en", title="Language", description="BCP 47 code, e.g. `en` or `fa`."
    )
    description: OptionalText = Field(
        default=None, title="Description", description="A sentence shown under the title."
    )
    shuffle: StrictBool = Field(
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
