"""Any valid bank survives YAML, the loader, a Sphinx build and every export format."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from bank_strategies import banks
from hypothesis import HealthCheck, given, settings
from tiny_sphinx import build_tiny_project, extension_available

from quizgen import yaml_reader
from quizgen.loader import load_bank_text
from quizgen.model import Bank

PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def dump(data: dict[str, Any]) -> str:
    return yaml_reader.dump(data)


@PROPERTY
@given(banks())
def test_valid_bank_loads_unchanged(data: dict[str, Any]) -> None:
    result = load_bank_text(dump(data), "drawn.yaml")
    assert result.ok, [p.format() for p in result.problems]
    assert result.bank == Bank.model_validate(data)


def _words(text: str) -> set[str]:
    """Runs of letters and digits: what any faithful rendering must keep."""
    return set(re.findall(r"[^\W_]+", text))


@pytest.fixture(scope="module")
def build_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not extension_available():
        pytest.skip("needs the quizgen Sphinx extension (src/quizgen/sphinx_ext), not landed yet")
    return tmp_path_factory.mktemp("drawn-builds")


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(banks(max_questions=6))
def test_valid_bank_builds_with_every_prompt_shown(build_root: Path, data: dict[str, Any]) -> None:
    bs4 = pytest.importorskip("bs4")
    root = Path(tempfile.mkdtemp(dir=build_root))
    built = build_tiny_project(
        root,
        {"index": f"# Drawn\n\n```{{quiz}} {data['bank']}\n```\n"},
        {f"{data['bank']}.yaml": dump(data)},
    )
    assert "Traceback" not in built.warnings
    assert "quizgen" not in built.warnings, built.warnings
    text = bs4.BeautifulSoup(built.page(), "html.parser").get_text(" ")
    shown = _words(text)
    for question in data["questions"]:
        missing = _words(question["prompt"]) - shown
        assert not missing, f"{question['id']}: prompt words missing from the page: {missing}"
