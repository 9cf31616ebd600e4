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
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

from benchmarks.tree_memory import peak_tree_rss


def conf_py(project: str, bank_dir: str) -> str:
    """The ``conf.py`` of every generated project: furo, MyST, quizgen, no source copies."""
    return f"""\
project = "{project}"
extensions = ["myst_parser", "quizgen"]
quizgen_bank_dir = "{bank_dir}"
html_theme = "furo"
html_copy_source = False
html_show_sourcelink = False
html_last_updated_fmt = None
"""


CONF = conf_py("Quiz benchmark", ".")

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
    tree_rss_bytes: int = 0


class BuildFailedError(RuntimeError):
    """A benchmark build exited with an error or warned; the message carries Sphinx's output."""


def check_clean(run: BuildRun, what: object) -> BuildRun:
    """Refuse a build that failed or printed a warning: its figures would measure a fault.

    :raises BuildFailedError: with the end of Sphinx's output.
    """
    if run.returncode or "WARNING" in run.output or "ERROR" in run.output:
        raise BuildFailedError(
            f"sphinx-build of {what} did not build cleanly (exit {run.returncode}):\n"
            f"{run.output[-4000:]}"
        )
    return run


def write_project(root: Path, body: str = "", banks: dict[str, str] | None = None) -> Path:
    """Create ``root`` holding conf.py and index.md: the prose, then ``body``.

    :param banks: bank files to write beside the page, YAML text by bank id.
    """
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    (root / "conf.py").write_text(CONF, encoding="utf-8")
    for bank_id, text in (banks or {}).items():
        (root / f"{bank_id}.yaml").write_text(text, encoding="utf-8")
    page = PROSE.format(title="Check your understanding")
    if body:
        page += "\n" + body
    (root / "index.md").write_text(page, encoding="utf-8")
    return root


def run_measured(
    command: list[str],
    *,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    sample_tree: bool = False,
) -> BuildRun:
    """Run a command, returning its wall time and the peak RSS of its largest process.

    With ``sample_tree``, also the peak of the summed RSS of the process and its workers,
    sampled every 100 ms (``BuildRun.tree_rss_bytes``).
    """
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    with peak_tree_rss(process.pid) if sample_tree else nullcontext([0]) as tree_peak:
        output = process.stdout.read() if process.stdout else ""
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    # Linux reports ru_maxrss in KiB; for a waited child it is the largest of it and the
    # descendants it waited for.
    return BuildRun(
        seconds, usage.ru_maxrss * 1024, process.returncode, output, tree_rss_bytes=tree_peak[0]
    )


def sphinx_command(
    source: Path, out: Path, doctrees: Path, *, options: tuple[str, ...] = ("-q",)
) -> list[str]:
    """``python -m sphinx`` with the venv's interpreter and the HTML builder."""
    return [
        sys.executable, "-m", "sphinx", *options, "-b", "html",
        "-d", str(doctrees), str(source), str(out),
    ]  # fmt: skip


def build_env() -> dict[str, str]:
    """The environment `make html` builds in: a fixed date so output is reproducible."""
    return {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}


def fresh_build(source: Path, out: Path, *, check: bool = True) -> BuildRun:
    """Build ``source`` from nothing into ``out`` (its doctrees beside it).

    :raises BuildFailedError: when ``check`` and the build fails or warns.
    """
    doctrees = out.with_name(out.name + ".doctrees")
    for path in (out, doctrees):
        if path.exists():
            shutil.rmtree(path)
    run = run_measured(sphinx_command(source, out, doctrees), env=build_env())
    return check_clean(run, source) if check else run
