"""Find the bank a directive names and load it once per file version."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from quizgen.loader import LoadResult, display_path, load_bank
from quizgen.translation import translation_path

_CACHE: dict[tuple[str, int, int], LoadResult] = {}


@dataclass(frozen=True)
class BankSource:
    """Where a bank lives: the path for Sphinx dependencies and the one shown in warnings."""

    rel: str  # relative to the source dir, as ``env.note_dependency`` wants
    path: Path  # absolute
    shown: str  # what warnings print: relative to the working directory when possible


class BankPathError(Exception):
    """A directive names a bank outside the bank folder; the message says where to put it."""


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

    Why the folder check: a page must not quote, in warnings or on the page, any file of the
    machine it is built on (``../../.ssh/id_rsa.yaml``); banks live in ``bank_dir`` only,
    and links out of it are followed before the check.

    :raises BankPathError: when the bank would come from outside ``bank_dir``.

    Why the language lookup: the Persian edition builds the same pages with ``-D language=fa``,
    and ``history`` must then mean ``history.fa.yaml`` when that translation exists.
    """
    if argument.endswith((".yaml", ".yml")):
        base = srcdir if argument.startswith("/") else docname_dir
        path = (base / argument.lstrip("/")).resolve()
    else:
        path = (Path(bank_dir) / f"{argument}.yaml").resolve()
    folder = Path(bank_dir).resolve()
    if not path.is_relative_to(folder):
        raise BankPathError(
            f"bank {argument!r} is outside the bank folder {display_path(folder)}: "
            "banks are read from quizgen_bank_dir only; move the file there and name it "
            "by its id"
        )
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
