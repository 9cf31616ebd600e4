"""What each question type becomes in each LMS format, found by exporting an example of it.

Why exported and not written down: the docs' table of type x target must say what the
exporters really do, so it is made from their output and their notes on every build.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from quizgen.formats.catalog import FORMATS
from quizgen.model import Bank
from quizgen.types.registry import QuestionType, all_types

#: The LMS formats the table covers, with the client each is for.
TARGETS: tuple[tuple[str, str], ...] = (
    ("gift", "Moodle (GIFT)"),
    ("moodle-xml", "Moodle (Moodle XML)"),
    ("qti", "Canvas (QTI)"),
)


@dataclass(frozen=True)
class Cell:
    """One type in one format: the client's question type, and what changes on the way."""

    becomes: str
    notes: list[str] = field(default_factory=list)
    left_out: bool = False


def _client_type(fmt: str, content: str | bytes) -> str:
    if fmt == "moodle-xml":
        assert isinstance(content, str)
        found = re.findall(r'<question type="(\w+)"', content)
        return next((kind for kind in found if kind != "category"), "")
    if fmt == "qti":
        assert isinstance(content, bytes)
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            for name in archive.namelist():
                text = archive.read(name).decode("utf-8")
                match = re.search(r"question_type</fieldlabel>\s*<fieldentry>(\w+)", text)
                if match:
                    return match[1]
        return ""
    assert isinstance(content, str)
    body = content.rsplit("{", 1)[-1]
    if body.startswith("}") or body.startswith("####"):
        return "essay"
    if body.startswith("#"):
        return "numerical"
    if body.startswith(("TRUE", "FALSE")):
        return "truefalse"
    if "->" in body:
        return "matching"
    return "multichoice" if "~" in body.split("=%0%")[0] else "shortanswer"


def cell(kind: QuestionType[object], fmt: str) -> Cell:  # type: ignore[type-var]
    """Export ``kind``'s example to ``fmt`` and say what came out."""
    if kind.example is None:
        return Cell("(no example to try)")
    data = {"id": "example", "type": kind.name, **kind.example}
    bank = Bank.model_validate({"bank": "example", "title": "Example", "questions": [data]})
    files, notes = FORMATS[fmt].write(bank)
    said = [note.message for note in notes]
    if any(note.left_out for note in notes):
        return Cell("left out", said, left_out=True)
    return Cell(_client_type(fmt, next(iter(files.values()))), said)


def lms_table() -> list[tuple[str, list[Cell]]]:
    """Every registered type with its cell for each target in :data:`TARGETS`."""
    return [(kind.name, [cell(kind, fmt) for fmt, _ in TARGETS]) for kind in all_types()]
