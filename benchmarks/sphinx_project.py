"""Write a one-page Sphinx project around a bank and build it in a measured subprocess.

Why a subprocess: the peak memory of a build is only meaningful for a fresh interpreter, and
``os.wait4`` reports the peak resident size of exactly that child.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

CONF = """\
project = "Quiz benchmark"
extensions = ["myst_parser", "quizgen"]
quizgen_bank_dir = "."
html_theme = "furo"
html_copy_source = False
html_show_sourcelink = False
html_last_updated_fmt = None
"""

PROSE = """\
# {title}

The talks moved in steps: a freeze for relief, inspections for trust. Each side read the
other's gestures through its own politics, and *soft power* named what made an offer attractive
rather than merely enforced.

Sequencing mattered as much as substance. A reward given too early looked like weakness; one
given too late looked like bad faith. The questions below check whether these ideas have stuck.
"""


@dataclass
class BuildRun:
    """Wall time, peak resident memory and outcome of one ``sphinx-build`` process."""

    seconds: float
    max_rss_bytes: int
    returncode: int
    output: str


class BuildFailedError(RuntimeError):
    """A benchmark build exited with an error; the message carries Sphinx's output."""


def write_project(root: Path, bank_text: str | None, *, bank_id: str = "generated") -> Path:
    """Create ``root`` holding conf.py and index.md; the page embeds the bank when given.

    With ``bank_text=None`` the page carries the same prose and no quiz: the baseline.
    """
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    (root / "conf.py").write_text(CONF, encoding="utf-8")
    page = PROSE.format(title="Check your understanding")
    if bank_text is not None:
        (root / f"{bank_id}.yaml").write_text(bank_text, encoding="utf-8")
        page += f"\n```{{quiz}} {bank_id}\n```\n"
    (root / "index.md").write_text(page, encoding="utf-8")
    return root


def run_measured(
    command: list[str], *, cwd: Path | None = None, env: dict[str, str] | None = None
) -> BuildRun:
    """Run a command, returning its wall time and the peak RSS of that process alone."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output = process.stdout.read() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    # Linux reports ru_maxrss in KiB.
    return BuildRun(seconds, usage.ru_maxrss * 1024, process.returncode, output)


def sphinx_command(
    source: Path, out: Path, doctrees: Path, *, options: tuple[str, ...] = ("-q",)
) -> list[str]:
    """``python -m sphinx`` with the venv's interpreter, HTML builder, one process."""
    return [
        sys.executable, "-m", "sphinx", *options, "-b", "html",
        "-d", str(doctrees), str(source), str(out),
    ]  # fmt: skip


def build_env() -> dict[str, str]:
    """The environment `make html` builds in: a fixed date so output is reproducible."""
    return {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}


def fresh_build(source: Path, out: Path, *, check: bool = True) -> BuildRun:
    """Build ``source`` from nothing into ``out`` (its doctrees beside it)."""
    doctrees = out.with_name(out.name + ".doctrees")
    for path in (out, doctrees):
        if path.exists():
            shutil.rmtree(path)
    run = run_measured(sphinx_command(source, out, doctrees), env=build_env())
    if check and run.returncode:
        raise BuildFailedError(f"sphinx-build {source} failed ({run.returncode}):\n{run.output}")
    return run
