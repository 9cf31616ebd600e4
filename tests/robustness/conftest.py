"""Fixtures for robustness tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tiny_sphinx import HOSTILE, TinyBuild, build_tiny_project, extension_available

from quizgen.loader import load_bank

HOSTILE_BANKS = sorted(HOSTILE.glob("*.yaml"))


@pytest.fixture
def tiny_build(tmp_path: Path) -> Callable[..., TinyBuild]:
    """Build a tiny project in this test's temp dir."""
    if not extension_available():
        pytest.skip("needs the quizgen Sphinx extension (src/quizgen/sphinx_ext), not landed yet")

    def build(pages: dict[str, str], banks: dict[str, bytes | str], **kwargs: object) -> TinyBuild:
        return build_tiny_project(tmp_path, pages, banks, **kwargs)  # type: ignore[arg-type]

    return build


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> TinyBuild:
    """One tiny project with a page per hostile bank, built once per session."""
    if not extension_available():
        pytest.skip("needs the quizgen Sphinx extension (src/quizgen/sphinx_ext), not landed yet")
    toctree = "\n".join(p.stem for p in HOSTILE_BANKS)
    pages = {"index": f"# Hostile banks\n\n```{{toctree}}\n{toctree}\n```\n"}
    banks: dict[str, bytes | str] = {}
    for path in HOSTILE_BANKS:
        bank_id = load_bank(path).bank.bank  # type: ignore[union-attr]
        banks[f"{bank_id}.yaml"] = path.read_bytes()  # the directive finds banks by id
        pages[path.stem] = f"# {path.stem}\n\n```{{quiz}} {bank_id}\n```\n"
    return build_tiny_project(tmp_path_factory.mktemp("hostile"), pages, banks)
