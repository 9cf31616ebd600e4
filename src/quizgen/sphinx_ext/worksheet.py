"""Build the printable worksheet of a quiz from a bank, in nodes every builder understands.

Each text-bearing node is tagged with ``quiz_field`` and each structural node with
``quiz_component``, so :mod:`quizgen.sphinx_ext.transforms` can rebuild it as an HTML form
without re-reading the bank.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from docutils import nodes
from sphinx import addnodes

from quizgen.model import Bank, Objective, QuestionBase
from quizgen.sheet import Block, Inline, Markup, Para, question_sheet, seed_of
from quizgen.sphinx_ext.inline import inline_nodes, paragraph
from quizgen.types.registry import of

_ENUM = {"arabic": "arabic", "loweralpha": "loweralpha", "upperalpha": "upperalpha"}


def answer_key(question: QuestionBase, bank: Bank) -> str:
    """What the runtime needs to check an answer, as compact JSON for ``data-qz-key``."""
    key = of(question).answer_key(question, seed_of(bank.bank, question.id))
    return json.dumps(key, ensure_ascii=False, separators=(",", ":"))


def _inline(parts: Sequence[Inline]) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for part in parts:
        if isinstance(part, Markup) and part.field:
            out.append(nodes.inline("", "", *inline_nodes(part.text), quiz_field=part.field))
        elif isinstance(part, Markup):
            out += inline_nodes(part.text)
        else:
            out.append(nodes.Text(part.text))
    return out


def _ends_with_colon(parts: Sequence[Inline]) -> bool:
    return bool(parts) and parts[-1].text.endswith(":")


def _para(block: Para) -> nodes.paragraph:
    attrs: dict[str, object] = dict(block.attrs)
    if block.field:
        attrs["quiz_field"] = block.field
    if block.component:
        attrs["quiz_component"] = block.component
    para = nodes.paragraph("", "", **attrs)
    if block.prefix:
        # A label (a), Hint:) the HTML transform leaves out: it finds it by this attribute.
        label = _inline(block.prefix)
        wrapper = nodes.strong if _ends_with_colon(block.prefix) else nodes.inline
        para += wrapper("", "", *label, quiz_prefix=True)
        para += nodes.Text(" ")
    para += _inline(block.parts)
    return para


def _suffix(style: str) -> dict[str, str]:
    """Lettered lists print ``a)`` in LaTeX, as the answer key names the choices."""
    return {"suffix": ")"} if style.endswith("alpha") else {}


def to_nodes(blocks: Sequence[Block]) -> list[nodes.Element]:
    """Worksheet blocks as docutils nodes every builder understands."""
    out: list[nodes.Element] = []
    for block in blocks:
        if isinstance(block, Para):
            out.append(_para(block))
            continue
        attrs: dict[str, Any] = {}
        if block.component:
            attrs["quiz_component"] = block.component
        if block.field:
            attrs["quiz_field"] = block.field
        listing: nodes.Element = (
            nodes.bullet_list(**attrs)
            if block.style == "bullet"
            else nodes.enumerated_list(enumtype=_ENUM[block.style], **_suffix(block.style), **attrs)
        )
        for entry in block.entries:
            listing += nodes.list_item("", *to_nodes(entry.blocks), **dict(entry.attrs))
        out.append(listing)
    return out


def see_reference(target: str) -> addnodes.pending_xref:
    """A link to ``doc#label``, resolved (or reported) by :class:`QuizDomain`."""
    return addnodes.pending_xref(
        "",
        nodes.inline(target, target),
        refdomain="quiz",
        reftype="see",
        reftarget=target,
        refexplicit=False,
        refwarn=False,
    )


class WorksheetBuilder:
    """Turns one bank selection into the generic worksheet tree."""

    def __init__(self, bank: Bank, uid: str, labels: dict[str, str]) -> None:
        self.bank = bank
        self.uid = uid
        self.labels = labels
        self.shuffle: dict[str, bool] = {}

    def build(
        self,
        questions: Sequence[QuestionBase],
        *,
        title: str,
        objectives: Sequence[Objective],
        options: dict[str, object],
        shuffle: dict[str, bool],
    ) -> nodes.container:
        """::

        <container quiz_component="quiz" quiz_bank=… quiz_uid=… quiz_options=…>
            <rubric quiz_field="title">
            <paragraph quiz_field="description">
            <bullet_list quiz_component="objectives">
            <enumerated_list quiz_component="questions">
                <list_item quiz_component="question" quiz_question=… quiz_key=…>
            <container quiz_component="answer_key">
                <rubric>
                <enumerated_list> <list_item quiz_component="answer" quiz_question=…>
        """
        self.shuffle = shuffle
        quiz = nodes.container(
            classes=["qz-quiz"],
            quiz_component="quiz",
            quiz_bank=self.bank.bank,
            quiz_language=self.bank.language,
            quiz_uid=self.uid,
            quiz_options=json.dumps(options, sort_keys=True),
        )
        heading = paragraph(title, quiz_field="title")
        quiz += nodes.rubric("", "", *heading.children, quiz_field="title")
        if self.bank.description:
            quiz += paragraph(self.bank.description, quiz_field="description")
        if objectives:
            quiz += self.objectives(objectives)
        listing = nodes.enumerated_list(enumtype="arabic", quiz_component="questions")
        key_list = nodes.enumerated_list(enumtype="arabic")
        for question in questions:
            entry, answer = self.question(question)
            listing += entry
            key_list += answer
        quiz += listing
        key = nodes.container(classes=["qz-answer-key"], quiz_component="answer_key")
        key += nodes.rubric(self.labels["answer_key"], self.labels["answer_key"])
        key += key_list
        quiz += key
        return quiz

    def objectives(self, objectives: Sequence[Objective]) -> nodes.bullet_list:
        listing = nodes.bullet_list(quiz_component="objectives")
        for objective in objectives:
            item = nodes.list_item(quiz_objective=objective.id)
            para = paragraph(objective.text, quiz_field="objective")
            item += para
            if objective.see:
                item += nodes.paragraph(
                    "", "", nodes.Text(self.labels["review"] + " "), see_reference(objective.see),
                    quiz_field="see",
                )  # fmt: skip
            listing += item
        return listing

    def question(self, question: QuestionBase) -> tuple[nodes.list_item, nodes.list_item]:
        """The question's worksheet entry and its answer-key entry."""
        laid = question_sheet(question, self.bank.bank, self.labels)
        item = nodes.list_item(
            ids=[f"{self.uid}-{question.id}"],
            quiz_component="question",
            quiz_question=question.id,
            quiz_type=question.type,
            quiz_widget=of(question).widget,
            quiz_objective=question.objective or "",
            quiz_key=answer_key(question, self.bank),
            quiz_shuffle=str(self.shuffle.get(question.id, False)).lower(),
        )
        item += paragraph(laid.prompt, quiz_field="prompt")
        item += to_nodes(laid.body)
        if laid.hint is not None:
            item += to_nodes([laid.hint])
        answer = nodes.list_item(quiz_component="answer", quiz_question=question.id)
        answer += to_nodes(laid.key)
        if laid.see:
            answer += nodes.paragraph(
                "", "", nodes.Text(self.labels["review"] + " "), see_reference(laid.see),
                quiz_field="see",
            )  # fmt: skip
        return item, answer
