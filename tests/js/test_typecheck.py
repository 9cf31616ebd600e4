"""The browser scripts (quiz runtime, search stemmers, edition choosers) pass ``tsc --strict``."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parents[1]


def test_runtime_type_checks_strictly() -> None:
    local = PROJECT / "node_modules" / ".bin" / "tsc"
    tsc = str(local) if local.exists() else shutil.which("tsc")
    if tsc is None:
        pytest.skip("TypeScript is not installed (npm install --save-dev typescript)")
    done = subprocess.run(
        [tsc, "-p", str(HERE / "tsconfig.json")],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
