"""JSON Schema for bank files, generated from the model so editors complete and explain fields."""

from __future__ import annotations

import json
from typing import Any

from quizgen.model import Bank

SCHEMA_ID = "https://quizgen.invalid/quizgen.schema.json"


def bank_json_schema() -> dict[str, Any]:
    """The schema as a dict, with a title and id editors show."""
    schema = Bank.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
        "title": "quizgen question bank",
    }


def bank_json_schema_text() -> str:
    """Stable text form, as committed in ``quizgen.schema.json``."""
    return json.dumps(bank_json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
