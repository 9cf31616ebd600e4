"""Helpers for the extension's build tests: fragments only, never whole themed pages."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from docutils import nodes

from quizgen.sphinx_ext.domain import is_quiz


def quiz_fragments(html: str) -> list[str]:
    """The ``qz-quiz`` elements of a page, pretty-printed for snapshots."""
    soup = BeautifulSoup(html, "html.parser")
    return [div.prettify() for div in soup.find_all("div", class_="qz-quiz")]


def stable_pformat(node: nodes.Node) -> str:
    """``node.pformat()`` as docutils 0.22 writes it (0.21 writes booleans as True/False)."""
    text = node.pformat()
    return text.replace('="False"', '="0"').replace('="True"', '="1"')


def quiz_doctree(doctree: nodes.document, srcdir: Path) -> str:
    """The quiz containers of a doctree, with temp paths removed."""
    text = "\n".join(stable_pformat(node) for node in doctree.findall(is_quiz))
    return text.replace(str(srcdir), "<srcdir>")


def warnings_of(text: str) -> list[str]:
    """Warning lines without ANSI colours."""
    return [line for line in re.sub(r"\x1b\[[0-9;]*m", "", text).splitlines() if line.strip()]


def spec(form: Any) -> dict[str, Any]:
    """What the runtime reads about a question: the form's ``data-qz`` JSON."""
    return dict(json.loads(form["data-qz"]))


def question_id(form: Any) -> str:
    """The bank's question id: the form id after the quiz's ``data-qz-uid`` and a hyphen."""
    quiz = form.find_parent("div", class_="qz-quiz")
    return str(form["id"])[len(quiz["data-qz-uid"]) + 1 :]
