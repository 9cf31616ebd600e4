"""Smart quotes for the prose of a page with quizzes, without a walk through the quizzes.

Why: a quiz keeps its text as written (``support_smartquotes=False``), yet Sphinx's
``SphinxSmartQuotes`` still visits every text node under it, looks up each one's parents and
replaces it with an identical copy: about a fifth of the reading time of a 1,000-question page.
:class:`QuizSmartQuotes` runs the same transform just before Sphinx's, with the quizzes set
aside, then switches Sphinx's pass off for this page; :class:`RestoreSmartQuotes` switches it
back on, as Sphinx before 9 shares one settings object between the pages of a build.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxSmartQuotes, SphinxTransform

from quizgen.sphinx_ext.domain import is_quiz

#: Where the page's own setting waits while Sphinx's pass is switched off.
_SAVED = "quiz_saved_smart_quotes"


class QuizSmartQuotes(SphinxSmartQuotes):
    """Sphinx's smart quotes on a page whose quizzes are set aside for the pass."""

    default_priority = SphinxSmartQuotes.default_priority - 1

    def apply(self, **kwargs: Any) -> None:
        quizzes = [
            node
            for node in self.document.findall(nodes.container)
            if is_quiz(node) and node.get("support_smartquotes") is False
        ]
        if not quizzes or not self.is_available():
            return
        stand_ins = [nodes.comment() for _ in quizzes]
        for quiz, stand_in in zip(quizzes, stand_ins, strict=True):
            quiz.replace_self(stand_in)
        try:
            super().apply(**kwargs)
        finally:
            for quiz, stand_in in zip(quizzes, stand_ins, strict=True):
                stand_in.replace_self(quiz)
        self.document[_SAVED] = self.document.settings.smart_quotes
        self.document.settings.smart_quotes = False  # Sphinx's own pass: done already


class RestoreSmartQuotes(SphinxTransform):
    """Give the next page the smart-quotes setting :class:`QuizSmartQuotes` switched off."""

    default_priority = SphinxSmartQuotes.default_priority + 1

    def apply(self, **kwargs: Any) -> None:
        if _SAVED in self.document:
            self.document.settings.smart_quotes = self.document[_SAVED]
            del self.document[_SAVED]
