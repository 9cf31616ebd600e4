"""Rewrite the generic worksheet into HTML quizzes (HTML builders only)."""

from __future__ import annotations

import json
from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from quizgen.sphinx_ext.domain import is_quiz
from quizgen.sphinx_ext.labels import build_labels, runtime_labels
from quizgen.sphinx_ext.nodes import element
from quizgen.sphinx_ext.question_html import QuestionHtml, fields, first_field, text_of


def _component(node: nodes.Element, name: str) -> nodes.Element | None:
    return next((n for n in node.findall(nodes.Element) if n.get("quiz_component") == name), None)


def _js_only(tag: str, *children: nodes.Node, **attrs: Any) -> nodes.Element:
    """An element the runtime reveals: useless without JavaScript, so hidden until then."""
    return element(tag, *children, hidden=None, data_qz_js=None, **attrs)


class QuizHtmlTransform(SphinxPostTransform):
    """Turn each worksheet into a quiz::

    <div class="qz-quiz" data-qz-bank=… data-qz-labels=…>
        <p class="qz-title"> …
        <form class="qz-question" data-qz=…>  (see quizgen.sphinx_ext.question_html)
        <section class="qz-summary"> per-objective scores, review links
        <div class="qz-actions"> name, download, print, print answer key, reset
    """

    default_priority = 199
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        labels: dict[str, str] | None = None
        for quiz in list(self.document.findall(is_quiz)):
            assert isinstance(quiz, nodes.Element)
            labels = labels or build_labels()
            quiz.replace_self(QuizHtml(quiz, labels, self.config).build())


class QuizHtml:
    """Builds the HTML tree of one quiz from its worksheet tree (whose nodes it moves)."""

    def __init__(self, quiz: nodes.Element, labels: dict[str, str], config: Any) -> None:
        self.quiz = quiz
        self.labels = labels
        self.uid = quiz["quiz_uid"]
        self.options = json.loads(quiz["quiz_options"])
        self.storage_prefix = config.quizgen_storage_prefix
        answers = _component(quiz, "answer_key")
        self.answers = {
            item["quiz_question"]: item
            for item in (answers.findall(nodes.list_item) if answers else [])
            if item.get("quiz_component") == "answer"
        }

    def build(self) -> nodes.Element:
        quiz = self.quiz
        attrs: dict[str, Any] = {
            "data_qz_bank": quiz["quiz_bank"],
            "data_qz_lang": quiz["quiz_language"],
            "data_qz_uid": self.uid,
            "data_qz_store": self.storage_prefix,
            "data_qz_labels": runtime_labels(quiz["quiz_language"]),
        }
        if self.options["draw"]:
            attrs["data_qz_draw"] = self.options["draw"]
        if self.options["seed"] is not None:
            attrs["data_qz_seed"] = self.options["seed"]
        if self.options["answer_key"]:
            attrs["data_qz_answer_key"] = None
        root = element("div", classes=("qz-quiz", *quiz["classes"][1:]), **attrs)
        root["ids"] = list(quiz["ids"])
        root += element("p", *text_of(first_field(quiz, "title")), classes=("qz-title",))
        described = (c for c in quiz.children if isinstance(c, nodes.Element))
        for description in [c for c in described if c.get("quiz_field") == "description"]:
            root += element("p", *text_of(description), classes=("qz-description",))
        questions = _component(quiz, "questions")
        items = [] if questions is None else [
            n for n in questions.children if isinstance(n, nodes.list_item)
        ]  # fmt: skip
        one = QuestionHtml(self.labels, quiz["quiz_language"])
        for number, item in enumerate(items, start=1):
            qid = item["quiz_question"]
            root += one.build(item, self.answers.get(qid), number, f"{self.uid}-{qid}")
        if self.options["summary"]:
            root += self.summary()
        root += self.actions()
        return root

    # -- whole quiz ---------------------------------------------------------------------

    def summary(self) -> nodes.Element:
        rows = element("ul", classes=("qz-objectives",))
        objectives = _component(self.quiz, "objectives")
        for item in objectives.findall(nodes.list_item) if objectives else []:
            row = element(
                "li",
                element("span", *text_of(first_field(item, "objective")), classes=("qz-obj-text",)),
                element("span", element("span"), aria_hidden="true", classes=("qz-bar",)),
                element("span", classes=("qz-obj-score",)),
                data_qz_objective=item["quiz_objective"],
            )
            for see in list(fields(item, "see")):
                row += element("span", *text_of(see), hidden=None, classes=("qz-review",))
            rows += row
        heading = element("p", nodes.Text(self.labels["results"]), classes=("qz-summary-title",))
        total = element("p", classes=("qz-total",))
        return _js_only(
            "section", heading, total, rows, classes=("qz-summary",),
            aria_label=self.labels["results"],
        )  # fmt: skip

    def actions(self) -> nodes.Element:
        nid = f"{self.uid}-name"

        def button(key: str, action: str) -> nodes.Element:
            return element(
                "button", nodes.Text(self.labels[key]), type="button", data_qz_action=action
            )

        return _js_only(
            "div",
            element("label", nodes.Text(self.labels["name"]), **{"for": nid}),
            element("input", type="text", id=nid, autocomplete="name", classes=("qz-name",)),
            button("download", "download"),
            button("print", "print"),
            button("print_key", "print-key"),
            button("reset", "reset"),
            classes=("qz-actions",),
        )
