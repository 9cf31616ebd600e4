"""Every file format quizgen reads or writes, in one table the CLI and the docs use."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from quizgen.model import Bank
from quizgen.problems import Problem
from quizgen.types.registry import Note

#: What an exporter gives: the files (by suffix) and what it changed or left out.
Files = tuple[dict[str, str | bytes], list[Note]]
Loader = Callable[[str, str], tuple[Bank | None, list[Problem]]]
BinaryLoader = Callable[[bytes, str], tuple[Bank | None, list[Problem]]]


@dataclass(frozen=True)
class Format:
    """One format: how to write it, and how to read it where it can be read."""

    name: str
    title: str
    """What it is for, in a few words (``--help`` and the docs)."""
    output: str
    """The output name question types declare themselves against."""
    write: Callable[[Bank], Files]
    load: Loader | None = None
    binary: bool = False
    load_bytes: BinaryLoader | None = None
    """For packaged formats: read from the file's bytes."""

    def sniff(self, path: Path, head: bytes) -> bool:
        """Whether a file to import looks like this format."""
        return _SNIFF[self.name](path, head)


def _gift(bank: Bank) -> Files:
    from quizgen.formats import gift

    export = gift.dump(bank)
    return {".gift": export.content}, export.notes


def _moodle_xml(bank: Bank) -> Files:
    from quizgen.formats import moodle_xml

    export = moodle_xml.dump(bank)
    return {".xml": export.content}, export.notes


def _qti(bank: Bank) -> Files:
    from quizgen.formats import qti

    export = qti.export(bank)
    return {".qti.zip": export.content}, export.notes


def _json(bank: Bank) -> Files:
    from quizgen.formats import json_format

    export = json_format.dump(bank)
    return {".json": export.content}, export.notes


def _markdown(bank: Bank) -> Files:
    from quizgen.formats import worksheet

    sheet, key = worksheet.dump(bank)
    return {".md": sheet, ".key.md": key}, []


def _load_gift(text: str, path: str) -> tuple[Bank | None, list[Problem]]:
    from quizgen.formats import gift

    return gift.load(text, path)


def _load_moodle_xml(text: str, path: str) -> tuple[Bank | None, list[Problem]]:
    from quizgen.formats import moodle_xml

    return moodle_xml.load(text, path)


def _load_qti(data: bytes, path: str) -> tuple[Bank | None, list[Problem]]:
    from quizgen.formats import qti_import

    return qti_import.load(data, path)


_SNIFF: dict[str, Callable[[Path, bytes], bool]] = {
    "gift": lambda path, head: not head.lstrip().startswith(b"<") and not head.startswith(b"PK"),
    "moodle-xml": lambda path, head: (
        path.suffix.lower() == ".xml" or head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")
    ),
    "qti": lambda path, head: head.startswith(b"PK"),
    "json": lambda path, head: False,
    "markdown": lambda path, head: False,
}

FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("gift", "Moodle GIFT", "gift", _gift, _load_gift),
        Format("moodle-xml", "Moodle XML", "moodle-xml", _moodle_xml, _load_moodle_xml),
        Format("qti", "QTI 1.2 package for Canvas", "qti", _qti, binary=True, load_bytes=_load_qti),
        Format("json", "the bank as JSON", "json", _json),
        Format("markdown", "printable worksheet and answer key", "markdown", _markdown),
    )
}


def importable() -> list[Format]:
    """Formats ``quizgen import`` reads."""
    return [f for f in FORMATS.values() if f.load is not None or f.load_bytes is not None]
