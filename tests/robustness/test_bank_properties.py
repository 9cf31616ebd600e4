"""Any valid bank survives YAML, the loader, a Sphinx build and every export format."""

from __future__ import annotations

from typing import Any

import yaml
from bank_strategies import banks
from hypothesis import HealthCheck, given, settings

from quizgen.loader import load_bank_text
from quizgen.model import Bank

PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


@PROPERTY
@given(banks())
def test_valid_bank_loads_unchanged(data: dict[str, Any]) -> None:
    result = load_bank_text(dump(data), "drawn.yaml")
    assert result.ok, [p.format() for p in result.problems]
    assert result.bank == Bank.model_validate(data)
