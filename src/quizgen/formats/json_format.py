"""Plain JSON export: the validated bank exactly as the model holds it."""

from __future__ import annotations

import json

from quizgen.formats import Export
from quizgen.model import Bank


def dump(bank: Bank) -> Export:
    """Every field with its default filled in, so other tools need not know our defaults."""
    data = bank.model_dump(mode="json", exclude={"questions": {"__all__": {"correct"}}})
    return Export(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
