"""Find the bank a directive names and load it once per file version."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from quizgen.loader import LoadResult, display_path, load_bank
from quizgen.model import Bank, Question
from quizgen.translation import translation_path
from quizgen.yaml_reader import BankYamlError, parse

_CACHE: dict[tuple[str, int, int], LoadResult] = {}


@dataclass(frozen=True)
class BankSource:
    """Where a bank lives: the path for Sphinx dependencies and the one shown in warnings."""

    rel: str  # relative to the source dir, as ``env.note_dependency`` wants
    path: Path  # absolute
    shown: str  # what warnings print: relative to the working directory when possible


def resolve_bank(
    argument: str,
    *,
    docname_dir: Path,
    srcdir: Path,
    bank_dir: str,
    language: str | None,
) -> BankSource:
    """The bank file for a directive argument: a ``.yaml`` path, or an id in ``bank_dir``.

    ``bank_dir`` is absolute (the config handler resolves it against conf.py).

    Why the language lookup: the Persian edition builds the same pages with ``-D language=fa``,
    and ``history`` must then mean ``history.fa.yaml`` when that translation exists.
    """
    if argument.endswith((".yaml", ".yml")):
        base = srcdir if argument.startswith("/") else docname_dir
        path = (base / argument.lstrip("/")).resolve()
    else:
        path = (Path(bank_dir) / f"{argument}.yaml").resolve()
    if language and language != "en":
        translated = translation_path(path, language)
        if translated.is_file():
            path = translated
    return BankSource(os.path.relpath(path, srcdir), path, display_path(path))


def load_cached(source: BankSource) -> LoadResult:
    """Load a bank, reusing the result while the file's size and mtime are unchanged.

    Why: a bank used on several pages (objectives on a unit page, the quiz on another) is
    parsed once per build, not once per directive.
    """
    try:
        stat = source.path.stat()
    except OSError:
        return load_bank(source.path, shown_as=source.shown)
    key = (str(source.path), stat.st_mtime_ns, stat.st_size)
    cached = _CACHE.get(key)
    if cached is None:
        cached = load_bank(source.path, shown_as=source.shown)
        if len(_CACHE) > 256:
            _CACHE.clear()
        _CACHE[key] = cached
    return cached


_QUESTION = TypeAdapter(Question)


def salvage(result: LoadResult, path: Path) -> Bank | None:
    """The valid questions of a bank that failed validation, so a page keeps what it can.

    Why: one mistyped field in question 7 should not blank a 20-question quiz while the author
    fixes it; the located warning still names the fault. Returns ``None`` when the bank's own
    fields are broken or no question survives.
    """
    if result.bank is not None:
        return result.bank
    try:
        raw = parse(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, BankYamlError):
        return None
    if not isinstance(raw, dict) or not isinstance(raw.get("questions"), list):
        return None
    kept = []
    for item in raw["questions"]:
        try:
            kept.append(_QUESTION.validate_python(item))
        except ValidationError:
            continue
    if not kept:
        return None
    try:
        bank = Bank.model_validate({**raw, "questions": [q.model_dump() for q in kept]})
    except ValidationError:
        return None
    return bank
