"""A quiz keeps its quotes as typed; the prose around it and on later pages gets curly ones."""

from __future__ import annotations

import pytest
from docutils import nodes
from helpers import warnings_of

from quizgen.sphinx_ext.domain import is_quiz


def _prose(doctree: nodes.document) -> str:
    return " ".join(p.astext() for p in doctree.findall(nodes.paragraph) if not _in_quiz(p))


def _in_quiz(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if is_quiz(parent):
            return True
        parent = parent.parent
    return False


@pytest.mark.sphinx("html", testroot="quiz-quotes")
def test_quiz_text_keeps_straight_quotes_and_prose_gets_curly_ones(app) -> None:
    app.build()
    assert warnings_of(app.warning.getvalue()) == []
    index = app.env.get_doctree("index")
    quiz = next(index.findall(is_quiz)).astext()
    assert 'by "no"?' in quiz
    assert "meant 'not yet'." in quiz
    assert 'as typed"' in quiz
    assert "\u201cno\u201d" in _prose(index)
    assert "\u2018not yet\u2019" in _prose(index)
    assert "\u201ccurly\u201d" in _prose(app.env.get_doctree("later"))
    assert "quiz_saved_smart_quotes" not in index


@pytest.mark.sphinx("html", testroot="quiz-quotes", freshenv=True)
def test_the_quiz_text_is_not_walked_by_smart_quotes(app, monkeypatch) -> None:
    from sphinx.transforms import SphinxSmartQuotes

    seen: list[str] = []
    walk = SphinxSmartQuotes.get_tokens

    def spy(self: SphinxSmartQuotes, txtnodes: list[nodes.Text]):  # type: ignore[no-untyped-def]
        seen.extend(str(node) for node in txtnodes)
        return walk(self, txtnodes)

    monkeypatch.setattr(SphinxSmartQuotes, "get_tokens", spy)
    app.build()
    assert any("The envoy said" in text for text in seen)
    assert not any("What did the envoy mean" in text for text in seen)


@pytest.mark.sphinx("html", testroot="quiz-quotes", confoverrides={"smartquotes": False})
def test_smartquotes_off_leaves_every_quote_alone(app) -> None:
    app.build()
    assert '"no"' in _prose(app.env.get_doctree("index"))
    assert '"curly"' in _prose(app.env.get_doctree("later"))
