"""Export formats: one module per format, pure functions from a Bank to text or bytes."""

from __future__ import annotations

from dataclasses import dataclass, field


def plain_number(value: float) -> str:
    """Shortest exact form: ``2018``, ``0.5``; never the rounding of ``:g``."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


@dataclass
class Export:
    """An export and the questions the format could not express (never dropped silently)."""

    content: str | bytes
    """Text for text formats; the bytes of the archive for packaged ones (QTI)."""
    skipped: list[tuple[str, str]] = field(default_factory=list)
    """(question id, reason) for each question left out or simplified."""
