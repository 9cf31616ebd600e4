"""Every export of the every-type bank, English and Persian, pinned byte for byte.

A change to any export shows here as a diff to review; refresh on purpose with
``pytest tests/formats/test_snapshots.py --force-regen``.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from quizgen.formats.catalog import FORMATS
from quizgen.loader import load_bank
from quizgen.model import Bank

GOOD = Path(__file__).resolve().parents[1] / "banks" / "good"
BANKS = {"en": GOOD / "every-type.yaml", "fa": GOOD / "every-type.fa.yaml"}


def _bank(language: str) -> Bank:
    result = load_bank(BANKS[language])
    assert result.bank is not None, [p.format() for p in result.problems]
    return result.bank


def _as_text(suffix: str, content: str | bytes) -> str:
    """Text formats as they are; a package as each of its files in turn."""
    if isinstance(content, str):
        return content
    out = []
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for info in archive.infolist():
            out.append(f"===== {info.filename} ({info.date_time}) =====\n")
            out.append(archive.read(info).decode("utf-8"))
    return "".join(out)


@pytest.mark.parametrize("language", sorted(BANKS))
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_snapshot(fmt: str, language: str, file_regression) -> None:
    files, notes = FORMATS[fmt].write(_bank(language))
    parts = [f"##### {suffix}\n{_as_text(suffix, content)}" for suffix, content in files.items()]
    said = [{"question": n.question, "message": n.message, "left_out": n.left_out} for n in notes]
    parts.append("##### notes\n" + json.dumps(said, ensure_ascii=False, indent=2) + "\n")
    file_regression.check("".join(parts), basename=f"every-type.{language}.{fmt}", extension=".txt")


@pytest.mark.parametrize("language", sorted(BANKS))
def test_packages_are_the_same_bytes_on_every_run(language: str) -> None:
    first = FORMATS["qti"].write(_bank(language))[0]
    again = FORMATS["qti"].write(_bank(language))[0]
    assert first == again
