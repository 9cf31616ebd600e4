"""Profile the build of a one-page project: ``python -m benchmarks.profile --questions N``.

Builds the quiz page (or, with ``--plain``, the same words as plain MyST) twice in forked
processes: once under cProfile, printing the top 25 functions by cumulative and by own time,
and once under tracemalloc, printing the 15 lines that hold the most memory at the fullest
moment seen (just after the page is read, or while it is written). Two processes, because
tracemalloc slows Python down enough to skew the time profile, and a bank read by the first
build would be cached for the second.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib
import io
import multiprocessing
import pstats
import shutil
import sys
import tracemalloc
from pathlib import Path
from typing import Any

from benchmarks.pages import write_page

WORK = Path(__file__).resolve().parent.parent / "build" / "bench" / "profile"
_IMPORT_FRAMES = ("_bootstrap", "_bootstrap_external")
#: Imported before profiling, so the figures show the build, not the first import.
_PRELOAD = (
    "sphinx.application",
    "sphinx.builders.html",
    "myst_parser",
    "furo",
    "quizgen.sphinx_ext",
)


def _app(source: Path, out: Path) -> Any:
    from sphinx.application import Sphinx

    for folder in (out, out.with_name(out.name + ".doctrees")):
        if folder.exists():
            shutil.rmtree(folder)
    return Sphinx(
        str(source), str(source), str(out), str(out.with_name(out.name + ".doctrees")), "html",
        status=io.StringIO(), warning=sys.stderr, freshenv=True,
    )  # fmt: skip


def profile_time(source: Path, out: Path) -> None:
    """Build under cProfile; print the top 25 by cumulative time, then by own time."""
    profiler = cProfile.Profile()
    profiler.enable()
    _app(source, out).build()
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stdout).strip_dirs()
    for order, title in (("cumulative", "cumulative time"), ("tottime", "own time (tottime)")):
        print(f"\n== top 25 functions by {title} ==")
        stats.sort_stats(order).print_stats(25)
    sys.stdout.flush()


def profile_memory(source: Path, out: Path) -> None:
    """Build under tracemalloc; print the 15 biggest allocation sites at the fullest moment."""
    tracemalloc.start(1)
    fullest: dict[str, Any] = {"size": -1}

    def snapshot(moment: str) -> None:
        current, _ = tracemalloc.get_traced_memory()
        if current > fullest["size"]:
            fullest.update(size=current, moment=moment, snapshot=tracemalloc.take_snapshot())

    app = _app(source, out)
    app.connect("doctree-read", lambda _app, _doctree: snapshot("page read (doctree-read)"))
    app.connect("html-page-context", lambda *_args: snapshot("page written (html-page-context)"))
    app.build()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"\n== top 15 allocation sites at the fullest moment seen: {fullest.get('moment')}, "
        f"{fullest['size'] / 1048576:,.1f} MiB traced with imports (peak over the build "
        f"{peak / 1048576:,.1f} MiB) =="
    )
    # Modules imported during the build (extensions, themes) are not the build's own memory.
    imports = [tracemalloc.Filter(False, f"<frozen importlib.{n}>") for n in _IMPORT_FRAMES]
    for stat in fullest["snapshot"].filter_traces(imports).statistics("lineno")[:15]:
        print(f"{stat.size / 1048576:9.1f} MiB {stat.count:10,} blocks  {stat.traceback[0]}")
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile", description=__doc__)
    parser.add_argument("--questions", type=int, default=1_000, help="questions on the page")
    parser.add_argument(
        "--plain", action="store_true", help="profile the same words as plain MyST instead"
    )
    args = parser.parse_args(argv)
    variant = "plain" if args.plain else "quiz"
    source = write_page(WORK / f"project-{variant}-{args.questions}", variant, args.questions)
    out = WORK / f"out-{variant}-{args.questions}"
    print(f"profiling the {variant} page of {args.questions:,} questions ({source})", flush=True)
    for module in _PRELOAD:
        importlib.import_module(module)
    fork = multiprocessing.get_context("fork")
    for job in (profile_time, profile_memory):
        process = fork.Process(target=job, args=(source, out))
        process.start()
        process.join()
        if process.exitcode:
            print(f"{job.__name__} failed (exit {process.exitcode})", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
