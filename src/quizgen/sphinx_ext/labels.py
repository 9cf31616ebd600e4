"""Every word the quiz interface shows, translated at build time from the ``quizgen`` catalog.

Why here and not in the JS: the Persian edition is the same runtime; it reads these words
from the page (``data-qz-labels`` and the rendered buttons), so it needs no string table.
"""

from __future__ import annotations

import json
from pathlib import Path

from sphinx.locale import get_translation

CATALOG = "quizgen"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_ = get_translation(CATALOG)


#: Words rendered by Python into the worksheet and the HTML form.
def build_labels() -> dict[str, str]:
    """Labels for the current build language (call during a build, never at import)."""
    return {
        "answer": _("Answer"),
        "answer_key": _("Answer key"),
        "answer_here": _("Your answer"),
        "check": _("Check"),
        "choose": _("Choose…"),
        "download": _("Download my results"),
        "explanation": _("Explanation"),
        "false": _("False"),
        "hint": _("Hint"),
        "matches": _("matches"),
        "model_answer": _("Model answer"),
        "move_down": _("Move down"),
        "move_up": _("Move up"),
        "name": _("Your name (for the download or print-out)"),
        "order_help": _("Put the items in order with the Move up and Move down buttons."),
        "print": _("Print"),
        "print_key": _("Print answer key"),
        "questions": _("Questions"),
        "reset": _("Reset quiz"),
        "results": _("Your results"),
        "review": _("Review:"),
        "rubric": _("Tick each point your answer made:"),
        "show_answer": _("Show answer"),
        "true": _("True"),
        "try_again": _("Try again"),
        "objective": _("Objective"),
        "write_answer": _("Write your answer."),
        "total": _("Total"),
    }


def runtime_labels() -> str:
    """Words only the runtime needs (feedback, scores), as JSON for ``data-qz-labels``."""
    return json.dumps(
        {
            "correct": _("Correct"),
            "incorrect": _("Incorrect"),
            "partly": _("Partly correct"),
            "right": _("right choice"),
            "wrong": _("wrong choice"),
            "missed": _("also right"),
            "empty": _("Answer the question first."),
            "unread": _("Not a number: use digits, e.g. 12.5"),
            "shown": _("Answer shown"),
            "self": _("self-assessed"),
            "score": _("{score} of {max}"),
            "none": _("not answered yet"),
            "answered": _("{n} of {total} questions answered"),
            "moved": _("Moved to position {n}"),
            "date": _("Date"),
            "name": _("Name"),
            "anonymous": _("(no name given)"),
            "compare": _(
                "Compare your answer with the model answer, then tick the points you made."
            ),
            "score_word": _("Score"),
        },
        ensure_ascii=False,
        sort_keys=True,
    )
