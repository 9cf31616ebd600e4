"""Make and build projects with ``quizgen new``, using this environment's Sphinx."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from quizgen.cli import main


def new_project(folder: Path, languages: tuple[str, ...]) -> Path:
    """Run ``quizgen new`` into ``folder``."""
    code = main(["new", str(folder), "--languages", ",".join(languages), "--title", "Tides", "-q"])
    assert code == 0
    return folder


def build_project(project: Path, languages: tuple[str, ...]) -> Path:
    """Build every edition with ``-nW`` as the project's Makefile does, then the site root.

    Sphinx is called directly with this interpreter, so nothing is installed.
    """
    out = project / "build" / "html"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    for language in languages:
        cmd = [
            sys.executable, "-m", "sphinx", "-nW", "--keep-going", "-q", "-b", "html",
            "-D", f"language={language}", "-d", str(project / "build" / "doctrees" / language),
            str(project / "source"), str(out / language),
        ]  # fmt: skip
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
        if done.returncode:
            pytest.fail(f"{language} edition failed:\n{done.stdout}\n{done.stderr}")
    subprocess.run([sys.executable, "-m", "quizgen.course.root", str(out)], check=True, env=env)
    return out
