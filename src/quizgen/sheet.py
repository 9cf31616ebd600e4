"""The printable worksheet of a bank as neutral blocks, shared by every renderer.

Why one core: the Markdown export and the Sphinx worksheet (which the HTML page is rebuilt
from) must show the same order, the same labels and the same key. Each question type says
what its part of a question and of the answer key holds (:meth:`QuestionType.sheet` and
:meth:`QuestionType.key`); the renderers in :mod:`quizgen.formats.markdown` and
:mod:`quizgen.sphinx_ext.worksheet` only turn blocks into text or nodes.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from quizgen.model import QuestionBase

#: How a list numbers its entries; the renderers map these to their own markers.
ListStyle = Literal["bullet", "arabic", "loweralpha", "upperalpha"]


@dataclass(frozen=True)
class Markup:
    """Text from the bank, in MyST inline markup: renderers parse it safely, never paste it."""

    text: str
    field: str | None = None
    """Its role for the HTML page when it is not a paragraph of its own (a numeric unit)."""


@dataclass(frozen=True)
class Words:
    """Interface words (already in the reader's language) or a number: plain text."""

    text: str


Inline = Markup | Words


@dataclass(frozen=True)
class Para:
    """One paragraph. ``field`` and ``component`` name its role for the HTML page."""

    parts: tuple[Inline, ...]
    field: str | None = None
    component: str | None = None
    attrs: Mapping[str, object] = dataclasses.field(default_factory=dict)
    prefix: tuple[Inline, ...] = ()
    """A label before the text (``a)``, ``Hint:``), kept apart so it is never taken as text."""


@dataclass(frozen=True)
class Entry:
    """One entry of a list: its blocks and the attributes that identify it."""

    blocks: tuple[Block, ...]
    attrs: Mapping[str, object] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True)
class Listing:
    """A numbered or bulleted list."""

    style: ListStyle
    entries: tuple[Entry, ...]
    component: str | None = None
    field: str | None = None


Block = Para | Listing


@dataclass(frozen=True)
class SheetContext:
    """What a type needs to lay out one question: a stable seed and the interface words."""

    seed: str
    words: Mapping[str, str]


def para(text: str, field: str | None = None, **attrs: object) -> Para:
    """A paragraph holding one field of bank text."""
    return Para((Markup(text),), field=field, attrs=attrs)


def words(text: str, component: str | None = None, field: str | None = None) -> Para:
    """A paragraph of interface words or numbers."""
    return Para((Words(text),), field=field, component=component)


def listing(
    style: ListStyle,
    texts: Sequence[tuple[str, Mapping[str, object]]],
    *,
    field: str | None = None,
    component: str | None = None,
    entry_field: str | None = None,
) -> Listing:
    """A list whose entries each hold one field of bank text, with their attributes."""
    entries = tuple(Entry((para(text, entry_field, **attrs),), attrs) for text, attrs in texts)
    return Listing(style, entries, component=component, field=field)


def scrambled(count: int, seed: str) -> list[int]:
    """A fixed order of ``count`` indexes that is never the right one.

    Why never the identity: a worksheet that happens to print the items in their right order
    gives the answer away. The same seed gives the same order in every renderer and run.
    """
    order = list(range(count))
    random.Random(seed).shuffle(order)
    if count > 1 and order == sorted(order):
        order = order[1:] + order[:1]
    return order


def letter(index: int) -> str:
    """The label of choice ``index`` as the worksheet prints it: ``a``, ``b``, … ``z``, ``aa``."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


@dataclass(frozen=True)
class QuestionSheet:
    """One question laid out for paper: what the learner sees and its answer-key entry."""

    id: str
    type: str
    prompt: str
    body: list[Block]
    hint: Para | None
    key: list[Block]
    see: str | None


def seed_of(bank: str, question: str) -> str:
    """The seed of a question's fixed shuffles: the same on the page, on paper and in exports."""
    return f"{bank}:{question}"


def question_sheet(question: QuestionBase, bank: str, words: Mapping[str, str]) -> QuestionSheet:
    """Lay out one question through its type; feedback and explanation are added here."""
    from quizgen.types.registry import of

    kind = of(question)
    ctx = SheetContext(seed_of(bank, question.id), words)
    key = list(kind.key(question, ctx))
    wrong = kind.wrong_feedback(question)
    if wrong:
        key.append(para(wrong, "feedback"))
    if question.explanation:
        key.append(
            Para((Markup(question.explanation),), "explanation",
                 prefix=(Words(f"{words['explanation']}:"),))
        )  # fmt: skip
    hint = None
    if question.hint:
        hint = Para((Markup(question.hint),), "hint", prefix=(Words(f"{words['hint']}:"),))
    return QuestionSheet(
        id=question.id,
        type=question.type,
        prompt=question.prompt,
        body=list(kind.sheet(question, ctx)),
        hint=hint,
        key=key,
        see=question.see,
    )
