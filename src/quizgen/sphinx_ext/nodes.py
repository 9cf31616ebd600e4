"""HTML-only nodes of a quiz, written with ``starttag`` so every attribute value is escaped."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator

#: Elements without an end tag.
VOID_TAGS = frozenset({"input"})


class quiz_element(nodes.General, nodes.Element):  # noqa: N801 (docutils naming)
    """One HTML element of the quiz form: ``tag`` plus ``attrs`` (``""`` for a boolean attribute).

    Only :class:`~quizgen.sphinx_ext.transforms.QuizHtmlTransform` creates these, with tags
    and attribute names from code; bank text only ever arrives as child text nodes.
    """


class quiz_text_element(nodes.TextElement, quiz_element):  # noqa: N801
    """A :class:`quiz_element` holding inline content (a label, legend or paragraph).

    Why a separate class: Sphinx renders links and other inline nodes only inside a
    ``TextElement``.
    """


#: Tags whose content is inline text and markup.
TEXT_TAGS = frozenset({"legend", "label", "p", "span", "summary", "option", "button", "li"})


def is_quiz_html(node: nodes.Node) -> bool:
    """The root ``<div class="qz-quiz">`` of a quiz after the HTML transform."""
    return isinstance(node, quiz_element) and "qz-quiz" in node["classes"]


def element(
    tag: str, *children: nodes.Node, classes: Sequence[str] = (), **attrs: Any
) -> quiz_element:
    """Make a :class:`quiz_element`; ``data_qz_key=`` becomes ``data-qz-key``.

    A value of ``None`` makes a boolean attribute (``hidden=""``).
    """
    ids = [attrs.pop("id")] if "id" in attrs else []
    if tag in TEXT_TAGS:
        node: quiz_element = quiz_text_element("", "", *children)
    else:
        node = quiz_element("", *children)
    node["ids"] = ids  # a new node's lists are empty: set, not merged
    node["classes"] = list(classes)
    node["tag"] = tag
    node["attrs"] = {
        name.replace("_", "-"): "" if value is None else value for name, value in attrs.items()
    }
    return node


def _single_quoted(value: object) -> str:
    """A JSON attribute value in single quotes: ``'{"c":[0]}'`` beats ``&quot;`` escapes."""
    return "'" + html.escape(str(value), quote=False).replace("'", "&#x27;") + "'"


def visit_quiz_element_html(self: HTML5Translator, node: quiz_element) -> None:
    tag = node["tag"]
    json_attrs = {k: v for k, v in node["attrs"].items() if '"' in str(v)}
    if not json_attrs:
        self.body.append(
            self.starttag(node, tag, suffix="", empty=tag in VOID_TAGS, **node["attrs"])
        )
    else:
        plain = {k: v for k, v in node["attrs"].items() if k not in json_attrs}
        start = self.starttag(node, tag, suffix="", empty=False, **plain)
        end = start.index(">", start.index(f"<{tag}"))  # values are escaped: no ">" inside
        extra = "".join(f" {key}={_single_quoted(v)}" for key, v in sorted(json_attrs.items()))
        self.body.append(f"{start[:end]}{extra}{start[end:]}")
    if tag in VOID_TAGS:
        raise nodes.SkipNode


def depart_quiz_element_html(self: HTML5Translator, node: quiz_element) -> None:
    self.body.append(f"</{node['tag']}>")


def skip_quiz_element(self: Any, node: quiz_element) -> None:
    """Other builders never see these (the transform runs for HTML only); skip if they do."""
    raise nodes.SkipNode
