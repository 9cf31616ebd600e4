"""Printed builders: LaTeX answer keys moved away from their quizzes, choice letters in text."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from quizgen.sphinx_ext.config import QuizConfig
from quizgen.sphinx_ext.domain import is_quiz
from quizgen.sphinx_ext.labels import build_labels


def _component(node: nodes.Element, name: str) -> nodes.Element | None:
    return next((n for n in node.findall(nodes.Element) if n.get("quiz_component") == name), None)


def _sections(node: nodes.Node) -> list[nodes.section]:
    """The sections around ``node``, innermost first."""
    found = []
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.section):
            found.append(parent)
        parent = parent.parent
    return found


def _book_end(document: nodes.document) -> nodes.Element:
    """Where the last chapter goes: inside the root document's title section, if any."""
    top = [n for n in document.children if isinstance(n, nodes.section)]
    return top[0] if len(top) == 1 else document


class QuizAnswerKeyTransform(SphinxPostTransform):
    """Move each quiz's answer key to the end of the document or chapter (LaTeX only).

    A printed quiz is worked on paper first, so the key should not sit under the questions.
    ``quizgen_latex_answer_key`` picks the place; each moved key is titled with its quiz::

        <section ids="quizgen-answer-keys">     (document; chapter: end of the chapter)
            <title> Answer key
            <rubric> quiz title
            <enumerated_list> answers
    """

    default_priority = 199
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        place = QuizConfig.from_sphinx(self.config).latex_answer_key
        if place == "quiz":
            return
        heading = build_labels()["answer_key"]
        keys: list[tuple[nodes.Element, list[nodes.Node]]] = []
        for quiz in list(self.document.findall(is_quiz)):
            assert isinstance(quiz, nodes.Element)
            key = _component(quiz, "answer_key")
            title = next((n for n in quiz.children if isinstance(n, nodes.rubric)), None)
            if key is None:
                continue
            moved = [n for n in key.children if not isinstance(n, nodes.rubric)]
            named = nodes.rubric(
                "", "", *[c.deepcopy() for c in (title or nodes.rubric()).children]
            )
            keys.append((quiz, [named, *moved]))
            key.parent.remove(key)
        if not keys:
            return
        if place == "chapter":
            # LaTeX sets the root document's title section as the book title, so a chapter
            # is a section one level inside it.
            done: set[int] = set()
            for quiz, content in keys:
                sections = _sections(quiz)
                chapter = sections[-2] if len(sections) > 1 else _book_end(self.document)
                if id(chapter) not in done:
                    done.add(id(chapter))
                    chapter += nodes.rubric(heading, heading)
                chapter.extend(content)
            return
        section = nodes.section(ids=["quizgen-answer-keys"], names=["quizgen-answer-keys"])
        section += nodes.title(heading, heading)
        for _quiz, content in keys:
            section.extend(content)
        _book_end(self.document).append(section)


class QuizTextLabelsTransform(SphinxPostTransform):
    """Give lettered lists their letters in plain text, as the answer key names them.

    The text writer numbers every enumerated list ``1.``, ``2.``; the key says ``a)``.
    """

    default_priority = 199
    formats = ("text",)

    def run(self, **kwargs: Any) -> None:
        for quiz in list(self.document.findall(is_quiz)):
            for listing in list(quiz.findall(nodes.enumerated_list)):
                first = {"loweralpha": "a", "upperalpha": "A"}.get(listing["enumtype"])
                if first is None:
                    continue
                block = nodes.container(classes=listing["classes"])
                for index, item in enumerate(listing.children):
                    label = f"{chr(ord(first) + index)}) "
                    paras = list(item.findall(nodes.paragraph))
                    if paras:
                        paras[0].insert(0, nodes.Text(label))
                    block.extend(item.children)
                listing.replace_self(block)
