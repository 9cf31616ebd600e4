"""Rewrite the generic worksheet into HTML forms with native controls (HTML builders only)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from quizgen.numbers import local_digits
from quizgen.sphinx_ext.domain import is_quiz
from quizgen.sphinx_ext.labels import build_labels, runtime_labels
from quizgen.sphinx_ext.nodes import element

_CHOICE_WIDGETS = {"single", "multiple", "true-false"}


def _field(node: nodes.Element, name: str) -> list[nodes.Element]:
    return [n for n in node.findall(nodes.Element) if n.get("quiz_field") == name]


def _component(node: nodes.Element, name: str) -> nodes.Element | None:
    return next((n for n in node.findall(nodes.Element) if n.get("quiz_component") == name), None)


def _is_prefix(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Element) and bool(node.get("quiz_prefix"))


def _inline(node: nodes.Element | None) -> list[nodes.Node]:
    """Copies of a field's text, ready to sit inside a label or legend (labels left out)."""
    if node is None:
        return []
    kept = [child for child in node.children if not _is_prefix(child)]
    if len(kept) < len(node.children) and kept and kept[0].astext() == " ":
        kept = kept[1:]  # the space that followed the label
    return [child.deepcopy() for child in kept]


def _copy(nodes_: Iterable[nodes.Node]) -> list[nodes.Node]:
    return [n.deepcopy() for n in nodes_]


def _js_only(tag: str, *children: nodes.Node, **attrs: Any) -> nodes.Element:
    """An element the runtime reveals: useless without JavaScript, so hidden until then."""
    return element(tag, *children, hidden=None, data_qz_js=None, **attrs)


class QuizHtmlTransform(SphinxPostTransform):
    """Turn each worksheet into a quiz of native form controls::

    <div class="qz-quiz" data-qz-bank=… data-qz-labels=…>
        <p class="qz-title"> …
        <form class="qz-question" data-qz-type=… data-qz-key=…>
            <fieldset>
                <legend> number and prompt
                controls (radio, checkbox, text, select, ordered list, textarea)
                <details class="qz-hint">
                buttons, status (aria-live), explanation
                <details class="qz-answer"> the answer for readers without JavaScript
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
    """Builds the HTML tree of one quiz from its worksheet tree."""

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
            "data_qz_store": self.storage_prefix,
            "data_qz_labels": runtime_labels(),
        }
        if self.options["draw"]:
            attrs["data_qz_draw"] = self.options["draw"]
        if self.options["seed"] is not None:
            attrs["data_qz_seed"] = self.options["seed"]
        if self.options["answer_key"]:
            attrs["data_qz_answer_key"] = None
        root = element("div", classes=("qz-quiz", *quiz["classes"][1:]), **attrs)
        root["ids"] = list(quiz["ids"])
        title = _field(quiz, "title")
        root += element("p", *_inline(title[0] if title else None), classes=("qz-title",))
        for description in _field(quiz, "description"):
            root += element("p", *_inline(description), classes=("qz-description",))
        questions = _component(quiz, "questions")
        items = [] if questions is None else [
            n for n in questions.children if isinstance(n, nodes.list_item)
        ]  # fmt: skip
        for number, item in enumerate(items, start=1):
            root += self.question(item, number)
        if self.options["summary"]:
            root += self.summary(len(items))
        root += self.actions()
        return root

    # -- one question -------------------------------------------------------------------

    def question(self, item: nodes.Element, number: int) -> nodes.Element:
        qid, kind = item["quiz_question"], item["quiz_widget"]
        base = f"{self.uid}-{qid}"
        answer = self.answers.get(qid)
        legend = element(
            "legend",
            element(
                "span",
                nodes.Text(f"{local_digits(number, self.quiz['quiz_language'])}."),
                classes=("qz-number",),
            ),
            nodes.Text(" "),
            *_inline(_field(item, "prompt")[0]),
        )
        fieldset = element("fieldset", legend)
        fieldset += self.controls(item, kind, base, answer)
        for hint in _field(item, "hint"):
            fieldset += element(
                "details",
                element("summary", nodes.Text(self.labels["hint"])),
                element("p", *_inline(hint)),
                classes=("qz-hint",),
            )
        fieldset += _js_only(
            "div",
            self.button("check", type="submit", classes=("qz-check",)),
            self.button("try_again", hidden=None, classes=("qz-retry",)),
            self.button("show_answer", classes=("qz-show",)),
            classes=("qz-buttons",),
        )
        fieldset += element("p", role="status", classes=("qz-status",))
        for general in _field(answer, "feedback") if answer is not None else []:
            if "quiz_choice" not in general:
                fieldset += element("p", *_inline(general), hidden=None, classes=("qz-wrong",))
        extra = self.explanation(answer)
        if extra:
            fieldset += element("div", *extra, hidden=None, classes=("qz-explanation",))
        if answer is not None:
            fieldset += element(
                "details",
                element("summary", nodes.Text(self.labels["answer"])),
                *_copy(answer.children),
                classes=("qz-answer",),
            )
        form = element(
            "form",
            fieldset,
            classes=("qz-question",),
            data_qz_id=qid,
            data_qz_type=item["quiz_type"],
            **({"data_qz_widget": kind} if kind != item["quiz_type"] else {}),
            data_qz_key=item["quiz_key"],
            data_qz_objective=item["quiz_objective"] or None,
            **({"data_qz_shuffle": None} if item["quiz_shuffle"] == "true" else {}),
            novalidate=None,
        )
        form["ids"] = [base]
        return form

    def button(self, label: str, **attrs: Any) -> nodes.Element:
        attrs.setdefault("type", "button")
        return element("button", nodes.Text(self.labels[label]), **attrs)

    def explanation(self, answer: nodes.Element | None) -> list[nodes.Node]:
        if answer is None:
            return []
        kept = [
            n
            for n in answer.children
            if isinstance(n, nodes.Element) and n.get("quiz_field") in {"explanation", "see"}
        ]
        return [element("p", *_copy(n.children)) for n in kept]

    def controls(
        self, item: nodes.Element, kind: str, base: str, answer: nodes.Element | None
    ) -> list[nodes.Node]:
        if kind in _CHOICE_WIDGETS:
            return self.choices(item, kind, base, answer)
        if kind == "ordering":
            return self.ordering(item, base)
        if kind == "matching":
            return self.matching(item, base)
        if kind == "short-answer":
            return self.short_answer(base, answer)
        unit = [
            element("span", *_inline(n), id=f"{base}-u", classes=("qz-unit",))
            for n in _field(item, "unit")
        ]
        box = element(
            "input",
            type="text",
            id=f"{base}-a",
            name=f"{base}-a",
            autocomplete="off",
            spellcheck="false",
            dir="auto",
            **({"inputmode": "decimal"} if kind == "numeric" else {}),
            **({"aria_describedby": f"{base}-u"} if unit else {}),
        )
        label = element("label", nodes.Text(self.labels["answer_here"]), **{"for": f"{base}-a"})
        return [element("div", label, nodes.Text(" "), box, *unit, classes=("qz-blank",))]

    def choices(
        self, item: nodes.Element, kind: str, base: str, answer: nodes.Element | None
    ) -> list[nodes.Node]:
        feedback: dict[int, nodes.Element] = {}
        for para in _field(answer, "feedback") if answer is not None else []:
            if "quiz_choice" in para:
                feedback[int(para["quiz_choice"])] = para
        if kind == "true-false":
            texts: list[list[nodes.Node]] = [
                [nodes.Text(self.labels["true"])],
                [nodes.Text(self.labels["false"])],
            ]
            values = ["true", "false"]
        else:
            texts = [_inline(p) for p in _field(item, "choice")]
            values = [str(i) for i in range(len(texts))]
        control = "radio" if kind != "multiple" else "checkbox"
        out = element("div", classes=("qz-choices",))
        for index, (text, value) in enumerate(zip(texts, values, strict=True)):
            cid = f"{base}-c{index}"
            row = element(
                "div",
                element(
                    "input",
                    type=control,
                    id=cid,
                    name=base,
                    value=value,
                    aria_describedby=f"{cid}-m",
                ),
                element("label", *text, **{"for": cid}),
                element("span", id=f"{cid}-m", classes=("qz-mark",)),
                classes=("qz-choice",),
                data_qz_choice=index,
            )
            if index in feedback:
                row += element(
                    "div", *_inline(feedback[index]), hidden=None, classes=("qz-feedback",)
                )
            out += row
        return [out]

    def ordering(self, item: nodes.Element, base: str) -> list[nodes.Node]:
        help_id = f"{base}-h"
        listing = element("ol", classes=("qz-order",), aria_describedby=help_id)
        for entry in item.findall(nodes.list_item):
            if "quiz_item" not in entry:
                continue
            text = _inline(_field(entry, "item")[0])
            plain = "".join(n.astext() for n in text)
            listing += element(
                "li",
                element("span", *text, classes=("qz-item",)),
                _js_only(
                    "span",
                    element("button", element("span", nodes.Text("↑"), aria_hidden="true"),
                            type="button", aria_label=f"{self.labels['move_up']}: {plain}",
                            classes=("qz-up",)),
                    element("button", element("span", nodes.Text("↓"), aria_hidden="true"),
                            type="button", aria_label=f"{self.labels['move_down']}: {plain}",
                            classes=("qz-down",)),
                    classes=("qz-move",),
                ),
                data_qz_item=entry["quiz_item"],
            )  # fmt: skip
        help_text = nodes.Text(self.labels["order_help"])
        return [_js_only("p", help_text, id=help_id, classes=("qz-help",)), listing]

    def matching(self, item: nodes.Element, base: str) -> list[nodes.Node]:
        rights = ["".join(n.astext() for n in _inline(p)) for p in _field(item, "right")]
        out = element("div", classes=("qz-match",))
        for index, left in enumerate(_field(item, "left")):
            sid = f"{base}-m{index}"
            select = element("select", id=sid, name=sid)
            select += element("option", nodes.Text(self.labels["choose"]), value="")
            for value, text in enumerate(rights):
                select += element("option", nodes.Text(text), value=str(value))
            out += element(
                "div",
                element("label", *_inline(left), **{"for": sid}),
                select,
                element("span", id=f"{sid}-s", classes=("qz-mark",)),
                classes=("qz-pair",),
            )
        return [out]

    def short_answer(self, base: str, answer: nodes.Element | None) -> list[nodes.Node]:
        tid = f"{base}-t"
        out: list[nodes.Node] = [
            element("label", nodes.Text(self.labels["answer_here"]), **{"for": tid}),
            element("textarea", id=tid, name=tid, rows="4", dir="auto", classes=("qz-text",)),
        ]
        model = element("div", hidden=None, classes=("qz-model",))
        if answer is not None:
            for key in _field(answer, "key"):
                model += element("p", *_copy(key.children))  # with its "Model answer:" label
            points = _field(answer, "point")
            if points:
                model += element("p", nodes.Text(self.labels["rubric"]))
                rubric = element("ul", classes=("qz-rubric",))
                for index, point in enumerate(points):
                    rid = f"{base}-r{index}"
                    rubric += element(
                        "li",
                        element("input", type="checkbox", id=rid, name=rid),
                        element("label", *_inline(point), **{"for": rid}),
                    )
                model += rubric
        out.append(model)
        return out

    # -- whole quiz ---------------------------------------------------------------------

    def summary(self, count: int) -> nodes.Element:
        rows = element("ul", classes=("qz-objectives",))
        objectives = _component(self.quiz, "objectives")
        for item in objectives.findall(nodes.list_item) if objectives else []:
            row = element(
                "li",
                element("span", *_inline(_field(item, "objective")[0]), classes=("qz-obj-text",)),
                element("span", element("span"), aria_hidden="true", classes=("qz-bar",)),
                element("span", classes=("qz-obj-score",)),
                data_qz_objective=item["quiz_objective"],
            )
            for see in _field(item, "see"):
                row += element("span", *_inline(see), hidden=None, classes=("qz-review",))
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
