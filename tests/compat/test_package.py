"""The package stands alone: the built wheel in an empty venv, and the sdist testing itself.

Both install from the package index into fresh venvs, so they are slow and run in CI only
through ``make test``.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
from collections.abc import Callable
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow

BANK = """\
bank: first
title: A first quiz
questions:
  - id: capital
    type: single
    prompt: Which city is the capital of France?
    choices:
      - {text: Lyon}
      - {text: Paris, correct: true}
  - id: boiling
    type: numeric
    prompt: At sea level, water boils at how many degrees Celsius?
    value: 100
    tolerance: 1
    unit: °C
"""


def run(*command: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel and an sdist built from this checkout."""
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", out, PROJECT)
    return out


def test_wheel_in_an_empty_venv_with_a_three_line_conf_gives_a_working_quiz(
    dist: Path, tmp_path: Path, browser: object, serve: Callable[..., str]
) -> None:
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv)
    wheel = next(dist.glob("quizgen-*.whl"))
    run(venv / "bin" / "pip", "install", "-q", f"{wheel}[sphinx]")
    project = tmp_path / "project"
    (project / "quizzes").mkdir(parents=True)
    (project / "conf.py").write_text(
        'project = "Standalone"\nextensions = ["quizgen"]\nhtml_theme = "alabaster"\n', "utf-8"
    )
    (project / "index.rst").write_text("Standalone\n==========\n\n.. quiz:: first\n", "utf-8")
    (project / "quizzes" / "first.yaml").write_text(BANK, "utf-8")
    run(venv / "bin" / "sphinx-build", "-W", "-q", "-b", "html", project, project / "_build")
    assert run(venv / "bin" / "quizgen", "validate", project / "quizzes").strip() != ""

    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(serve(project / "_build") + "index.html")
    capital = page.locator("form[id$='-capital']")
    capital.get_by_label("Paris").check()
    capital.get_by_role("button", name="Check").click()
    assert capital.locator(".qz-status").inner_text() == "✓ Correct"
    boiling = page.locator("form[id$='-boiling']")
    assert boiling.locator(".qz-unit").inner_text() == "°C"
    boiling.get_by_label("Your answer").fill("99.5")
    boiling.get_by_role("button", name="Check").click()
    assert boiling.locator(".qz-status").inner_text() == "✓ Correct"
    page.close()


def test_sdist_carries_its_tests_and_their_data(dist: Path, tmp_path: Path) -> None:
    sdist = next(dist.glob("quizgen-*.tar.gz"))
    with tarfile.open(sdist) as archive:
        archive.extractall(tmp_path, filter="data")
    unpacked = next(tmp_path.glob("quizgen-*"))
    for needed in ("LICENSE", "PACKAGE.md", "tests/roots/test-quiz-book/quizzes/book.yaml"):
        assert (unpacked / needed).is_file(), needed
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(unpacked / "src")}
    out = run(
        sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
        "tests/sphinx_ext", "tests/test_loader.py", "tests/compat/test_sphinx_project.py",
        cwd=unpacked, env=env,
    )  # fmt: skip
    assert " passed" in out and "failed" not in out
    assert str(unpacked / "src") in run(
        sys.executable, "-c", "import quizgen; print(quizgen.__file__)", cwd=unpacked, env=env
    )
