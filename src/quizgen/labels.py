"""Every word the quiz interface shows, as English message ids of the ``quizgen`` catalog.

Why one table: the Sphinx page (through Sphinx's translations) and the Markdown worksheet
(through the same catalog, in the bank's language) must say the same words.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

CATALOG = "quizgen"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

#: Words rendered by Python into the worksheet and the HTML form.
WORDS: dict[str, str] = {
    "answer": "Answer",
    "answer_key": "Answer key",
    "answer_here": "Your answer",
    "check": "Check",
    "choose": "Choose…",
    "date": "Date",
    "download": "Download my results",
    "explanation": "Explanation",
    "false": "False",
    "hint": "Hint",
    "matches": "matches",
    "model_answer": "Model answer",
    "move_down": "Move down",
    "move_up": "Move up",
    "name": "Your name (for the download or print-out)",
    "name_short": "Name",
    "options": "Options",
    "order_help": "Put the items in order with the Move up and Move down buttons.",
    "print": "Print",
    "print_key": "Print answer key",
    "questions": "Questions",
    "reset": "Reset quiz",
    "results": "Your results",
    "review": "Review:",
    "rubric": "Tick each point your answer made:",
    "show_answer": "Show answer",
    "true": "True",
    "try_again": "Try again",
    "objective": "Objective",
    "write_answer": "Write your answer.",
    "total": "Total",
}

#: Words only the runtime needs (feedback, scores), sent as ``data-qz-labels``.
RUNTIME_WORDS: dict[str, str] = {
    "correct": "Correct",
    "incorrect": "Incorrect",
    "partly": "Partly correct",
    "right": "right choice",
    "wrong": "wrong choice",
    "missed": "also right",
    "empty": "Answer the question first.",
    "unread": "Not a number: use digits, e.g. 12.5",
    "shown": "Answer shown",
    "self": "self-assessed",
    "score": "{score} of {max}",
    "none": "not answered yet",
    "answered": "{n} of {total} questions answered",
    "moved": "Moved to position {n}",
    "date": "Date",
    "name": "Name",
    "anonymous": "(no name given)",
    "compare": "Compare your answer with the model answer, then tick the points you made.",
    "score_word": "Score",
}


@cache
def _catalog(language: str) -> dict[str, str]:
    """msgid -> msgstr of the shipped catalog for ``language`` (empty when there is none)."""
    from babel.messages.pofile import read_po

    po = LOCALE_DIR / language / "LC_MESSAGES" / f"{CATALOG}.po"
    if not po.is_file():
        return {}
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    return {
        str(message.id): str(message.string)
        for message in catalog
        if message.id and message.string and not message.fuzzy
    }


def words_for(language: str) -> dict[str, str]:
    """The interface words in ``language`` (a BCP 47 code), English where untranslated."""
    catalog = _catalog(language.split("-")[0].lower())
    return {key: catalog.get(msgid, msgid) for key, msgid in WORDS.items()}
