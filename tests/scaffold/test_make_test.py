"""The generated project's own ``make test`` passes right after ``quizgen new``."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from scaffold_projects import new_project

pytestmark = pytest.mark.slow


def test_generated_make_test_passes(tmp_path: Path) -> None:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    project = new_project(tmp_path / "module", ("en", "ar"))
    # VENV points at this environment, which already has quizgen: the Makefile installs nothing.
    venv = Path(sys.executable).parent.parent
    done = subprocess.run(
        ["make", "test", f"VENV={venv}"], cwd=project, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "All checks passed." in done.stdout
    assert "building the ar edition" in done.stdout
