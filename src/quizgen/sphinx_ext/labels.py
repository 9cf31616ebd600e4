"""The interface words of :mod:`quizgen.labels`, translated for the current Sphinx build.

Why here and not in the JS: the Persian edition is the same runtime; it reads these words
from the page (``data-qz-labels``), so it needs no string table.
"""

from __future__ import annotations

import json

from sphinx.locale import get_translation

from quizgen.labels import CATALOG, LOCALE_DIR, RUNTIME_WORDS, WORDS

#: Interface words the runtime writes into controls it adds (buttons, labels, help).
CONTROL_WORDS = (
    "answer_here", "check", "choose", "move_down", "move_up", "order_help", "rubric",
    "show_answer", "try_again",
)  # fmt: skip

__all__ = ["CATALOG", "LOCALE_DIR", "build_labels", "runtime_labels"]

_ = get_translation(CATALOG)


def build_labels() -> dict[str, str]:
    """Labels for the current build language (call during a build, never at import)."""
    return {key: _(msgid) for key, msgid in WORDS.items()}


def runtime_labels() -> str:
    """Words only the runtime needs (feedback, scores, controls), once per quiz as JSON."""
    words = {key: _(msgid) for key, msgid in RUNTIME_WORDS.items()}
    words.update({key: _(WORDS[key]) for key in CONTROL_WORDS})
    return json.dumps(words, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
