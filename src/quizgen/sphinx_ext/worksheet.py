"""Build the printable worksheet of a quiz from a bank, in nodes every builder understands.

Each text-bearing node is tagged with ``quiz_field`` and each structural node with
``quiz_component``, so :mod:`quizgen.sphinx_ext.transforms` can rebuild it as an HTML form
without re-reading the bank.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence

from docutils import nodes
from sphinx import addnodes

from quizgen.model import (
    Bank,
    ChoiceQuestion,
    FillBlankQuestion,
    MatchingQuestion,
    NumericQuestion,
    Objective,
    OrderingQuestion,
    Question,
    ShortAnswerQuestion,
    TrueFalseQuestion,
)
from quizgen.sphinx_ext.inline import paragraph


def scrambled(count: int, seed: str) -> list[int]:
    """A fixed, never-identity order of ``count`` indexes (worksheets must not show the key)."""
    order = list(range(count))
    random.Random(seed).shuffle(order)
    if count > 1 and order == sorted(order):
        order = order[1:] + order[:1]
    return order


def matching_options(question: MatchingQuestion, seed: str) -> tuple[list[str], list[int]]:
    """Right-hand options in shown order, and the option index that matches each left item."""
    rights = [p.right for p in question.pairs] + list(question.distractors)
    order = scrambled(len(rights), seed)
    shown = [rights[i] for i in order]
    return shown, [order.index(i) for i in range(len(question.pairs))]


def answer_key(question: Question, bank: Bank) -> str:
    """What the runtime needs to check an answer, as compact JSON for ``data-qz-key``."""
    key: dict[str, object] = {}
    if isinstance(question, ChoiceQuestion):
        key["c"] = [i for i, c in enumerate(question.choices) if c.correct]
    elif isinstance(question, TrueFalseQuestion):
        key["a"] = question.answer
    elif isinstance(question, FillBlankQuestion):
        key["a"] = question.answers
        key["p"] = question.patterns
    elif isinstance(question, NumericQuestion):
        key["v"] = question.value
        key["t"] = question.tolerance
    elif isinstance(question, MatchingQuestion):
        key["m"] = matching_options(question, f"{bank.bank}:{question.id}")[1]
    elif isinstance(question, ShortAnswerQuestion):
        key["r"] = len(question.rubric)
    return json.dumps(key, ensure_ascii=False, separators=(",", ":"))


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
        questions: Sequence[Question],
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
            listing += self.question(question)
            key_list += self.answer(question)
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

    def question(self, question: Question) -> nodes.list_item:
        item = nodes.list_item(
            ids=[f"{self.uid}-{question.id}"],
            quiz_component="question",
            quiz_question=question.id,
            quiz_type=question.type,
            quiz_objective=question.objective or "",
            quiz_key=answer_key(question, self.bank),
            quiz_shuffle=str(self.shuffle.get(question.id, False)).lower(),
        )
        item += paragraph(question.prompt, quiz_field="prompt")
        item += self.body(question)
        if question.hint:
            hint = paragraph(question.hint, quiz_field="hint")
            hint.insert(0, nodes.strong(self.labels["hint"], self.labels["hint"]))
            hint.insert(1, nodes.Text(": "))
            item += hint
        return item

    def body(self, question: Question) -> list[nodes.Node]:
        """The part a learner answers on paper."""
        seed = f"{self.bank.bank}:{question.id}"
        if isinstance(question, ChoiceQuestion):
            choices = nodes.enumerated_list(
                enumtype="loweralpha", suffix=")", quiz_component="choices"
            )
            for index, choice in enumerate(question.choices):
                choices += nodes.list_item(
                    "", paragraph(choice.text, quiz_field="choice"), quiz_choice=index
                )
            return [choices]
        if isinstance(question, TrueFalseQuestion):
            text = f"{self.labels['true']} / {self.labels['false']}"
            return [nodes.paragraph(text, text, quiz_component="truefalse")]
        if isinstance(question, OrderingQuestion):
            items = nodes.bullet_list(quiz_component="items")
            for index in scrambled(len(question.items), seed):
                items += nodes.list_item(
                    "", paragraph(question.items[index], quiz_field="item"), quiz_item=index
                )
            return [items]
        if isinstance(question, MatchingQuestion):
            lefts = nodes.enumerated_list(enumtype="arabic", quiz_component="lefts")
            for pair in question.pairs:
                lefts += nodes.list_item("", paragraph(pair.left, quiz_field="left"))
            rights = nodes.enumerated_list(
                enumtype="upperalpha", suffix=")", quiz_component="rights"
            )
            for text in matching_options(question, seed)[0]:
                rights += nodes.list_item("", paragraph(text, quiz_field="right"))
            return [lefts, rights]
        label = self.labels["write_answer" if question.type == "short-answer" else "answer_here"]
        blank = nodes.paragraph(label, label, quiz_component="blank")
        if isinstance(question, NumericQuestion) and question.unit:
            blank += nodes.Text(" ________ ")
            blank += nodes.inline("", "", *paragraph(question.unit).children, quiz_field="unit")
        elif not isinstance(question, ShortAnswerQuestion):
            blank += nodes.Text(" ________")
        return [blank]

    def answer(self, question: Question) -> nodes.list_item:
        """The answer-key entry: the right answer, feedback, explanation and review link."""
        item = nodes.list_item(quiz_component="answer", quiz_question=question.id)
        if isinstance(question, ChoiceQuestion):
            for index, choice in enumerate(question.choices):
                if choice.correct:
                    para = paragraph(choice.text, quiz_field="key", quiz_choice=index)
                    para.insert(0, nodes.Text(f"{chr(ord('a') + index)}) "))
                    item += para
            for index, choice in enumerate(question.choices):
                if choice.feedback:
                    para = paragraph(choice.feedback, quiz_field="feedback", quiz_choice=index)
                    para.insert(0, nodes.Text(f"({chr(ord('a') + index)}) "))
                    item += para
        elif isinstance(question, TrueFalseQuestion):
            text = self.labels["true" if question.answer else "false"]
            item += nodes.paragraph(text, text, quiz_field="key")
        elif isinstance(question, FillBlankQuestion):
            item += paragraph(" / ".join(question.answers), quiz_field="key")
        elif isinstance(question, NumericQuestion):
            text = f"{question.value:g}"
            if question.tolerance:
                text += f" ± {question.tolerance:g}"
            para = nodes.paragraph(text, text, quiz_field="key")
            if question.unit:
                para += nodes.Text(" ")
                para += paragraph(question.unit).children
            item += para
        elif isinstance(question, OrderingQuestion):
            order = nodes.enumerated_list(enumtype="arabic", quiz_field="key")
            for text in question.items:
                order += nodes.list_item("", paragraph(text))
            item += order
        elif isinstance(question, MatchingQuestion):
            pairs = nodes.bullet_list(quiz_field="key")
            for pair in question.pairs:
                para = paragraph(pair.left)
                para += nodes.Text(f" — {self.labels['matches']} — ")
                para += paragraph(pair.right).children
                pairs += nodes.list_item("", para)
            item += pairs
        elif isinstance(question, ShortAnswerQuestion):
            para = paragraph(question.model_answer, quiz_field="key")
            para.insert(0, nodes.strong("", self.labels["model_answer"] + ":"))
            para.insert(1, nodes.Text(" "))
            item += para
            if question.rubric:
                rubric = nodes.bullet_list(quiz_field="rubric")
                for point in question.rubric:
                    rubric += nodes.list_item("", paragraph(point, quiz_field="point"))
                item += rubric
        feedback = getattr(question, "feedback", None)
        if feedback:
            item += paragraph(feedback, quiz_field="feedback")
        if question.explanation:
            para = paragraph(question.explanation, quiz_field="explanation")
            para.insert(0, nodes.strong("", self.labels["explanation"] + ":"))
            para.insert(1, nodes.Text(" "))
            item += para
        if question.see:
            item += nodes.paragraph(
                "", "", nodes.Text(self.labels["review"] + " "), see_reference(question.see),
                quiz_field="see",
            )  # fmt: skip
        return item
