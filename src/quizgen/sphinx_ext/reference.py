"""Directives that write the reference docs from the code, so the docs cannot go stale.

``quizgen-bank-fields`` lists every field of every bank model, ``quizgen-warnings`` every
warning subtype, and ``quizgen-config`` every ``quizgen_*`` option.
"""

from __future__ import annotations

import ast
import inspect
from collections.abc import Sequence
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
        return str(prop["$ref"]).rsplit("/", 1)[-1]
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


class LmsTableDirective(SphinxDirective):
    """What every question type becomes in Moodle and Canvas, from :mod:`quizgen.formats.coverage`.

    ::

        <table> type | Moodle (GIFT) | Moodle (Moodle XML) | Canvas (QTI)
            each cell: <literal> the client's type, then what changes on the way
    """

    def run(self) -> list[nodes.Node]:
        from quizgen.formats.coverage import TARGETS, lms_table

        table = nodes.table(classes=["qz-lms-table"])
        group = nodes.tgroup(cols=1 + len(TARGETS))
        table += group
        for _ in range(1 + len(TARGETS)):
            group += nodes.colspec(colwidth=1)
        head = nodes.thead()
        group += head
        head += self._row([nodes.paragraph("Type", "Type")] + [
            nodes.paragraph(title, title) for _, title in TARGETS
        ])  # fmt: skip
        body = nodes.tbody()
        group += body
        for name, cells in lms_table():
            entries: list[nodes.Node] = [nodes.paragraph("", "", nodes.literal(name, name))]
            for cell in cells:
                para = nodes.paragraph("", "", nodes.literal(cell.becomes, cell.becomes))
                if cell.notes:
                    notes = nodes.bullet_list()
                    for note in cell.notes:
                        notes += nodes.list_item("", nodes.paragraph(note, note))
                    entries.append(nodes.container("", para, notes))
                else:
                    entries.append(para)
            body += self._row(entries)
        return _translatable(self, [table])

    @staticmethod
    def _row(cells: Sequence[nodes.Node]) -> nodes.row:
        row = nodes.row()
        for content in cells:
            row += nodes.entry("", content)
        return row
