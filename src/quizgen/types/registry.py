"""The question-type registry: the one place every renderer and format asks about a type.

Why: a type's fields, its grading data, its worksheet and each export used to be spread over
seven modules, so a new type could ship half-wired. Now a type is one module with one class;
:func:`register` refuses a class that leaves any output undeclared, and formats ask the
registry, so a type a format cannot hold is reported per question, never dropped or crashed on.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from quizgen.model import QuestionBase

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

    from quizgen.formats.gift import GiftWriter
    from quizgen.formats.moodle_xml import MoodleWriter
    from quizgen.formats.qti import QtiItem
    from quizgen.sheet import Block, SheetContext

Q = TypeVar("Q", bound=QuestionBase)

#: Every output a type must either render to or declare it cannot.
OUTPUTS: tuple[str, ...] = ("html", "worksheet", "markdown", "json", "gift", "moodle-xml", "qti")
#: Outputs every type gets from its model and worksheet; the rest each type writes itself.
DERIVED_OUTPUTS = frozenset({"html", "worksheet", "markdown", "json"})
#: The runtime's widgets (``grade()`` in ``quizgen.js``); a type renders through one of them.
WIDGETS = frozenset(
    {"single", "multiple", "true-false", "fill-blank", "numeric", "ordering", "matching",
     "short-answer"}
)  # fmt: skip


class TypeRegistrationError(Exception):
    """A question type is not fully declared; raised when it is registered, never later."""


@dataclass(frozen=True)
class Unsupported:
    """An output that cannot express a type, and why (reported for each question)."""

    reason: str


@dataclass(frozen=True)
class Note:
    """What an export changed or left out for one question, said to the user."""

    question: str
    message: str
    left_out: bool = False


class QuestionType(Generic[Q]):
    """One question type: its model, its grading data, its worksheet, and each export.

    Subclasses set the class attributes, implement :meth:`answer_key`, :meth:`sheet` and
    :meth:`key`, and for each of ``gift``, ``moodle-xml`` and ``qti`` either implement
    ``to_gift`` / ``to_moodle_xml`` / ``to_qti`` or name it in :attr:`unsupported`.
    """

    name: ClassVar[str]
    model: ClassVar[type[QuestionBase]]
    widget: ClassVar[str]
    """How the page lets a learner answer and how the runtime grades it (one of WIDGETS)."""
    summary: ClassVar[str]
    """One line for the docs: what the learner does."""
    unsupported: ClassVar[Mapping[str, str]] = {}
    """Output -> why it cannot express this type."""
    example: ClassVar[Mapping[str, object] | None] = None
    """A small question of this type (without ``id`` and ``type``), for the docs' tables."""

    # -- the page and the worksheet --------------------------------------------------------

    def answer_key(self, question: Q, seed: str) -> dict[str, object]:
        """What the runtime needs to grade an answer (``data-qz-key``)."""
        raise NotImplementedError

    def sheet(self, question: Q, ctx: SheetContext) -> list[Block]:
        """What the learner answers on paper, below the prompt."""
        raise NotImplementedError

    def key(self, question: Q, ctx: SheetContext) -> list[Block]:
        """The answer-key entry: the right answer and any per-choice feedback."""
        raise NotImplementedError

    def wrong_feedback(self, question: Q) -> str | None:
        """Feedback for any wrong answer, where the type has one (``feedback:``)."""
        value = getattr(question, "feedback", None)
        return value if isinstance(value, str) else None

    def texts(self, question: Q) -> list[str]:
        """Every piece of text a learner reads, for checks that look at all of them."""
        out = [question.prompt, question.explanation, question.hint]
        return [text for text in out if text]

    def shape(self, question: Q) -> tuple[object, ...]:
        """What a translation must keep: the answer key, not the words."""
        return ()

    # -- exports ---------------------------------------------------------------------------

    def to_gift(self, question: Q, out: GiftWriter) -> str:
        """The answer part between GIFT's braces."""
        raise NotImplementedError

    def to_moodle_xml(self, question: Q, element: ET.Element, out: MoodleWriter) -> str:
        """Fill a Moodle ``<question>``; returns Moodle's type name."""
        raise NotImplementedError

    def to_qti(self, question: Q, item: QtiItem) -> None:
        """Fill a QTI 1.2 item (Canvas dialect)."""
        raise NotImplementedError

    # -- declarations ----------------------------------------------------------------------

    def declaration(self, output: str) -> Unsupported | None:
        """``None`` when this type renders to ``output``, else why it cannot."""
        if output not in OUTPUTS:
            raise KeyError(output)
        reason = self.unsupported.get(output)
        return Unsupported(reason) if reason is not None else None


_EXPORT_HOOKS = {"gift": "to_gift", "moodle-xml": "to_moodle_xml", "qti": "to_qti"}
_REQUIRED = ("answer_key", "sheet", "key")

_TYPES: dict[str, QuestionType[Any]] = {}
_BUILTINS_LOADED = False


def _check(kind: QuestionType[Any]) -> None:
    """Refuse a type that leaves an output or a required part undeclared."""
    cls = type(kind)
    label = f"question type {cls.__name__}"
    for attribute in ("name", "model", "widget", "summary"):
        if not hasattr(cls, attribute):
            raise TypeRegistrationError(f"{label} sets no `{attribute}`")
    if kind.widget not in WIDGETS:
        raise TypeRegistrationError(
            f"{label}: widget {kind.widget!r} is not one of {', '.join(sorted(WIDGETS))}"
        )
    declared_type = kind.model.model_fields.get("type")
    if declared_type is None or getattr(declared_type.annotation, "__args__", ()) != (kind.name,):
        raise TypeRegistrationError(
            f"{label}: its model must declare `type: Literal[{kind.name!r}]`"
        )
    for method in _REQUIRED:
        if getattr(cls, method) is getattr(QuestionType, method):
            raise TypeRegistrationError(f"{label} does not implement `{method}`")
    unknown = set(kind.unsupported) - set(OUTPUTS)
    if unknown:
        raise TypeRegistrationError(f"{label} declares unknown outputs: {sorted(unknown)}")
    derived = set(kind.unsupported) & DERIVED_OUTPUTS
    if derived:
        raise TypeRegistrationError(
            f"{label}: {sorted(derived)} come from the model and worksheet and cannot be refused"
        )
    for output, hook in _EXPORT_HOOKS.items():
        implemented = getattr(cls, hook) is not getattr(QuestionType, hook)
        if implemented == (output in kind.unsupported):
            state = (
                "both implements and refuses" if implemented else "neither implements nor refuses"
            )
            raise TypeRegistrationError(
                f"{label} {state} {output}: write `{hook}` or give a reason in `unsupported`"
            )


def register(kind: QuestionType[Any], *, replace: bool = False) -> None:
    """Add a question type; banks accept it from then on.

    :raises TypeRegistrationError: the type is incomplete, or its name is taken (unless
        ``replace``).
    """
    _check(kind)
    if kind.name in _TYPES and not replace and type(_TYPES[kind.name]) is not type(kind):
        raise TypeRegistrationError(f"question type {kind.name!r} is already registered")
    _TYPES[kind.name] = kind
    _rebuild_models()


def unregister(name: str) -> None:
    """Remove a type (tests and projects that swap one for their own)."""
    _TYPES.pop(name, None)
    _rebuild_models()


def _rebuild_models() -> None:
    """Rebuild the bank model so its union of question types is the registry's."""
    from quizgen.model import Bank

    if Bank.__pydantic_complete__:
        Bank.model_rebuild(force=True)


def _load_builtins() -> None:
    global _BUILTINS_LOADED
    if not _BUILTINS_LOADED:
        _BUILTINS_LOADED = True
        importlib.import_module("quizgen.types.builtin")


def get(name: str) -> QuestionType[Any]:
    """The type called ``name``.

    :raises KeyError: no such type is registered.
    """
    _load_builtins()
    return _TYPES[name]


def of(question: QuestionBase) -> QuestionType[Any]:
    """The type of a validated question."""
    return get(question.type)


def all_types() -> list[QuestionType[Any]]:
    """Every registered type, built-in ones first, in the order they were registered."""
    _load_builtins()
    return list(_TYPES.values())


def names() -> tuple[str, ...]:
    """The names a bank's ``type:`` may take."""
    return tuple(kind.name for kind in all_types())


def question_models() -> Iterator[tuple[str, type[QuestionBase]]]:
    """(name, model) of every registered type, for the bank model's union."""
    for kind in all_types():
        yield kind.name, kind.model
