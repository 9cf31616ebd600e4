"""Directives that write the reference docs from the code, so the docs cannot go stale.

``quizgen-bank-fields`` lists every field of every bank model, ``quizgen-warnings`` every
warning subtype, and ``quizgen-config`` every ``quizgen_*`` option.
"""

from __future__ import annotations

import ast
import inspect
from itertools import pairwise
from typing import Any, ClassVar

from docutils import nodes
from pydantic import BaseModel
from pydantic_core import PydanticUndefined
from sphinx.util.docutils import SphinxDirective

from quizgen import model, problems
from quizgen.sphinx_ext.config import option_help
from quizgen.sphinx_ext.inline import inline_nodes
from quizgen.types.choices import Choice
from quizgen.types.matching import Pair
from quizgen.types.registry import all_types

#: Models in the order an author meets them, with the heading each gets.
MODELS: tuple[tuple[str, type[BaseModel]], ...] = (
    ("Bank (top level)", model.Bank),
    ("Objective", model.Objective),
    ("Fields every question has", model.QuestionBase),
    ("Choice (of single and multiple)", Choice),
    ("Pair (of matching)", Pair),
    *((f"type: {kind.name}", kind.model) for kind in all_types()),
)


def _schema_type(prop: dict[str, Any]) -> str:
    """A JSON Schema property in words: ``text``, ``list of text``, ``Choice``…"""
    if "anyOf" in prop:
        kinds = [_schema_type(p) for p in prop["anyOf"] if p.get("type") != "null"]
        return " or ".join(dict.fromkeys(kinds))
    if "$ref" in prop:
        return prop["$ref"].rsplit("/", 1)[-1]
    if "enum" in prop or "const" in prop:
        values = prop.get("enum") or [prop["const"]]
        return " | ".join(str(v) for v in values)
    kind = prop.get("type", "")
    if kind == "array":
        return f"list of {_schema_type(prop.get('items', {}))}"
    words = {"string": "text", "integer": "whole number", "number": "number"}
    return words.get(kind, "true/false" if kind == "boolean" else kind or "value")


def _item(name: str, detail: str, description: str) -> nodes.list_item:
    # The raw MyST text is the gettext message, so the generated reference translates too.
    para = nodes.paragraph(f"`{name}` ({detail}): {description}")
    para += nodes.literal(name, name)
    para += nodes.Text(f" ({detail}): ")
    para += inline_nodes(description)
    return nodes.list_item("", para)


def field_list(model_class: type[BaseModel]) -> nodes.bullet_list:
    """One bullet per field: name, type, required or default, and its description."""
    listing = nodes.bullet_list()
    own = model_class.model_fields
    schema = model_class.model_json_schema()["properties"]
    inherited = (
        set(model.QuestionBase.model_fields) if model_class is not model.QuestionBase else set()
    )
    for name, info in own.items():
        if name in inherited and issubclass(model_class, model.QuestionBase):
            continue
        if info.is_required():
            detail = "required"
        elif info.default is not PydanticUndefined and info.default not in (None, [], ""):
            detail = f"default {info.default!r}".replace("True", "true").replace("False", "false")
        else:
            detail = "optional"
        kind = _schema_type(schema[name])
        listing += _item(name, f"{kind}, {detail}", info.description or "")
    return listing


def _translatable(directive: SphinxDirective, generated: list[nodes.Node]) -> list[nodes.Node]:
    """Give generated text the directive's location: Sphinx only translates located nodes."""
    source, line = directive.get_source_info()
    for node in generated:
        for element in node.findall(nodes.TextElement):
            element.source, element.line = source, line
    return generated


class BankFieldsDirective(SphinxDirective):
    """Every field of the bank format, generated from :mod:`quizgen.model`."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        out: list[nodes.Node] = []
        for title, model_class in MODELS:
            out.append(nodes.rubric(title, title))
            out.append(field_list(model_class))
        return _translatable(self, out)


def warning_codes() -> list[tuple[str, str]]:
    """(code, one-line description) from the docstrings under the ``ProblemCode`` members."""
    tree = ast.parse(inspect.getsource(problems))
    found: list[tuple[str, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == "ProblemCode":
            body = node.body
            for statement, following in pairwise(body):
                if (
                    isinstance(statement, ast.Assign)
                    and isinstance(following, ast.Expr)
                    and isinstance(following.value, ast.Constant)
                ):
                    target = statement.targets[0]
                    assert isinstance(target, ast.Name)
                    found.append((target.id, str(following.value.value)))
    return found


class WarningsDirective(SphinxDirective):
    """Every warning subtype the extension emits, generated from ``ProblemCode``."""

    extra: ClassVar[list[tuple[str, str]]] = [
        ("config", "A ``quizgen_*`` option in conf.py has an invalid value; the default is used."),
    ]

    def run(self) -> list[nodes.Node]:
        listing = nodes.bullet_list()
        for code, text in [*warning_codes(), *self.extra]:
            listing += _item(f"quizgen.{code}", "warning", text.replace("``", "`"))
        return _translatable(self, [listing])


class ConfigDirective(SphinxDirective):
    """Every ``quizgen_*`` option with its default, generated from ``QuizConfig``."""

    def run(self) -> list[nodes.Node]:
        listing = nodes.bullet_list()
        for name, default, text in option_help():
            listing += _item(name, f"default {default!r}", text.replace("``", "`"))
        return _translatable(self, [listing])
