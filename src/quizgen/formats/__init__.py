"""Export formats: one module per format, pure functions from a Bank to text or bytes."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Export:
    """An export and the questions the format could not express (never dropped silently)."""

    content: str
    skipped: list[tuple[str, str]] = field(default_factory=list)
    """(question id, reason) for each question left out or simplified."""
