"""One question as lean HTML: its own words in plain lists, plus one ``data-qz`` spec.

Why lean: a page of a thousand questions must cost about what the same words cost on a plain
page. So the server writes only what a reader without JavaScript needs (the prompt, the
choices, items or pairs as lists, a hint and the answer in ``<details>``), and the runtime
adds the controls (radio buttons, boxes, selects, buttons, status) when the question is
about to be used. Words shared by every question travel once per quiz in ``data-qz-labels``.

The answer ``<details>`` is the single copy of feedback and explanation: each per-choice
feedback paragraph carries ``data-qz-for``, the explanation ``qz-ex``, wrong-answer feedback
``qz-wrong``, a model answer ``qz-key`` and its rubric ``qz-points``; the runtime copies them
next to the controls after a check.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from docutils import nodes

from quizgen.numbers import local_digits
from quizgen.sphinx_ext.nodes import element

#: Widgets drawn from a list of choices (true/false too: its two words are the choices).
CHOICE_WIDGETS = frozenset({"single", "multiple", "true-false"})


def fields(node: nodes.Element, name: str) -> Iterator[nodes.Element]:
    """Descendants tagged ``quiz_field=name``, in document order."""
    for child in node.findall(nodes.Element):
        if child.get("quiz_field") == name:
            yield child


def first_field(node: nodes.Element, name: str) -> nodes.Element | None:
    return next(fields(node, name), None)


def field_map(node: nodes.Element) -> dict[str, list[nodes.Element]]:
    """Every tagged descendant by field name, in one walk (a question reads six or seven)."""
    found: dict[str, list[nodes.Element]] = {}
    for child in node.findall(nodes.Element):
        name = child.get("quiz_field")
        if name:
            found.setdefault(name, []).append(child)
    return found


def _first(found: dict[str, list[nodes.Element]], name: str) -> nodes.Element | None:
    return found.get(name, [None])[0]


def _is_prefix(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Element) and bool(node.get("quiz_prefix"))


def text_of(node: nodes.Element | None) -> list[nodes.Node]:
    """A field's inline content without its printed label (``a)``, ``Hint:``).

    The worksheet tree is replaced by the HTML tree, so its nodes are moved, not copied.
    """
    if node is None:
        return []
    kept = [child for child in node.children if not _is_prefix(child)]
    if len(kept) < len(node.children) and kept and kept[0].astext() == " ":
        kept = kept[1:]  # the space that followed the label
    return kept


def spec(item: nodes.Element, found: dict[str, list[nodes.Element]]) -> str:
    """What the runtime reads about a question: type, key, objective, shuffle, widget.

    One compact JSON attribute instead of five ``data-qz-*`` attributes saves about a
    hundred bytes a question.
    """
    data: dict[str, Any] = {"t": item["quiz_type"]}
    key = json.loads(item["quiz_key"])
    if key:
        data["k"] = key
    if item["quiz_widget"] != item["quiz_type"]:
        data["w"] = item["quiz_widget"]
    if item["quiz_objective"]:
        data["o"] = item["quiz_objective"]
    if item["quiz_shuffle"] == "true":
        data["s"] = 1
    if item["quiz_widget"] == "ordering":
        # The correct position of each item, in the order the page lists them.
        data["i"] = [int(entry["quiz_item"]) for entry in found.get("item", [])]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


class QuestionHtml:
    """Builds the ``<form>`` of one question from its worksheet entry and answer entry."""

    def __init__(self, labels: dict[str, str], language: str) -> None:
        self.labels = labels
        self.language = language

    def build(
        self, item: nodes.Element, answer: nodes.Element | None, number: int, base: str
    ) -> nodes.Element:
        """``<form class="qz-question" id=… data-qz=…>`` prompt, body, hint, answer.

        The prompt is the form's first paragraph; the runtime makes it the ``<legend>`` of a
        ``<fieldset>`` when it adds the controls that fieldset groups.
        """
        kind = item["quiz_widget"]
        found = field_map(item)
        number_text = f"{local_digits(number, self.language)}."
        prompt = element(
            "p",
            element("span", nodes.Text(number_text), classes=("qz-number",)),
            nodes.Text(" "),
            *text_of(_first(found, "prompt")),
        )
        form = element(
            "form",
            prompt,
            *self.body(found, kind),
            classes=("qz-question",),
            data_qz=spec(item, found),
        )
        hint = _first(found, "hint")
        if hint is not None:
            form += element(
                "details",
                element("summary", nodes.Text(self.labels["hint"])),
                element("p", *text_of(hint)),
                classes=("qz-hint",),
            )
        if answer is not None:
            form += self.answer(answer)
        form["ids"] = [base]
        return form

    def body(self, found: dict[str, list[nodes.Element]], kind: str) -> list[nodes.Node]:
        """The question's own words as lists; the runtime turns them into controls."""
        if kind == "true-false":
            words = (self.labels["true"], self.labels["false"])
            return [self._list("ol", ([nodes.Text(w)] for w in words), "qz-choices")]
        if kind in CHOICE_WIDGETS:
            return [self._list("ol", map(text_of, found.get("choice", [])), "qz-choices")]
        if kind == "ordering":
            return [self._list("ul", map(text_of, found.get("item", [])), "qz-order")]
        if kind == "matching":
            return [
                self._list("ol", map(text_of, found.get("left", [])), "qz-match"),
                self._list("ol", map(text_of, found.get("right", [])), "qz-rights"),
            ]
        if kind == "short-answer":
            return [element("div", classes=("qz-blank", "qz-long"))]
        unit = _first(found, "unit")
        box = element("div", classes=("qz-blank",))
        if unit is not None:
            box += element("span", *text_of(unit), classes=("qz-unit",))
        return [box]

    @staticmethod
    def _list(tag: str, entries: Iterable[list[nodes.Node]], cls: str) -> nodes.Element:
        return element(tag, *(element("li", *entry) for entry in entries), classes=(cls,))

    def answer(self, answer: nodes.Element) -> nodes.Element:
        """The answer for readers without JavaScript, and the one copy of every feedback."""
        details = element(
            "details", element("summary", nodes.Text(self.labels["answer"])), classes=("qz-answer",)
        )
        for child in list(answer.children):
            details += self._answer_part(child)
        return details

    @staticmethod
    def _answer_part(node: nodes.Node) -> nodes.Node:
        if not isinstance(node, nodes.Element):
            return node
        for label in [n for n in node.children if isinstance(n, nodes.inline) and _is_prefix(n)]:
            label.replace_self(label.children)  # "a)" as text: a bare <span> adds nothing
        field = node.get("quiz_field")
        if field == "feedback" and "quiz_choice" in node:
            return element("p", *node.children, data_qz_for=node["quiz_choice"])
        role = {
            "feedback": "qz-wrong",
            "explanation": "qz-ex",
            "see": "qz-ex",
            "key": "qz-key" if "quiz_choice" not in node else None,
            "rubric": "qz-points",
        }.get(field or "")
        if role:
            node["classes"].append(role)
        return node
