"""Export formats: one module per format, pure functions from a Bank to text or bytes.

A format owns its envelope and escaping; each question type writes its own part through the
format's writer (:mod:`quizgen.types`). What a format cannot hold is a :class:`Note` for that
question, never a crash and never a silent drop.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from quizgen.answers import spelling_variants
from quizgen.inline import to_html
from quizgen.languages import is_rtl
from quizgen.model import Bank, QuestionBase
from quizgen.numbers import plain_number
from quizgen.types.registry import Note, QuestionType, get

__all__ = ["Export", "ExportWriter", "Note", "plain_number"]


@dataclass
class Export:
    """An export and what it changed or left out, question by question."""

    content: str | bytes
    """Text for text formats; the bytes of the archive for packaged ones (QTI)."""
    notes: list[Note] = field(default_factory=list)

    @property
    def skipped(self) -> list[tuple[str, str]]:
        """(question id, message) of every note, in order."""
        return [(note.question, note.message) for note in self.notes]


class ExportWriter:
    """What every format's writer shares: the bank, the current question, and its notes."""

    def __init__(self, bank: Bank) -> None:
        self.bank = bank
        self.language = bank.language
        self.rtl = is_rtl(bank.language)
        self.notes: list[Note] = []
        self.question_id = ""

    def start(self, question: QuestionBase, output: str) -> QuestionType[Any] | None:
        """The type that writes ``question``, or ``None`` (with a note) when it cannot."""
        self.question_id = question.id
        kind = get(question.type)
        refused = kind.declaration(output)
        if refused is not None:
            self.note(f"left out: {refused.reason}", left_out=True)
            return None
        return kind

    def note(self, message: str, *, left_out: bool = False) -> None:
        """Say what was changed or left out for the current question."""
        self.notes.append(Note(self.question_id, message, left_out))

    def rendered(self, text: str) -> str:
        """Bank text as the safe HTML the site shows, marked right to left where it is."""
        html = to_html(text)
        return f'<span dir="rtl">{html}</span>' if self.rtl and html else html

    def shuffles(self, question: QuestionBase) -> bool:
        """Whether choices or items are shown shuffled (the question's, else the bank's)."""
        return question.shuffle if question.shuffle is not None else self.bank.shuffle

    def spellings(self, answers: list[str]) -> list[str]:
        """Every spelling of the accepted answers that the site accepts (digits, letter forms,
        ZWNJ, diacritics), for graders that compare listed answers only."""
        return list(dict.fromkeys(v for answer in answers for v in spelling_variants(answer)))
