"""Fixtures for robustness tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tiny_sphinx import TinyBuild, build_tiny_project, extension_available


@pytest.fixture
def tiny_build(tmp_path: Path) -> Callable[..., TinyBuild]:
    """Build a tiny project in this test's temp dir."""
    if not extension_available():
        pytest.skip("needs the quizgen Sphinx extension (src/quizgen/sphinx_ext), not landed yet")

    def build(pages: dict[str, str], banks: dict[str, bytes | str], **kwargs: object) -> TinyBuild:
        return build_tiny_project(tmp_path, pages, banks, **kwargs)  # type: ignore[arg-type]

    return build
