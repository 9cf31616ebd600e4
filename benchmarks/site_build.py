"""Build cost of the course site: with quizzes vs the same pages without, and incremental."""

from __future__ import annotations

import os
import re
import shutil
import statistics
import time
from pathlib import Path

from benchmarks.report import Measurement
from benchmarks.sphinx_project import BuildRun, build_env, run_measured, sphinx_command
from benchmarks.strip_quizzes import strip_tree
from benchmarks.timing import quick, repeats

PROJECT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "fa")
#: The options `make html` passes (SPHINXOPTS), so the figures are those of a real build.
MAKE_HTML_OPTIONS = ("-nW", "--keep-going", "-q")
_CHANGED = re.compile(r"updating environment: .*?(\d+) added, (\d+) changed, (\d+) removed")


def copy_tree(target: Path) -> Path:
    """Copy the site's inputs (source/, quizzes/, locales/) so builds never touch the repo."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in ("source", "quizzes", "locales"):
        if (PROJECT / name).exists():
            shutil.copytree(PROJECT / name, target / name)
    return target


def build_site(
    tree: Path, out: Path, *, options: tuple[str, ...] = MAKE_HTML_OPTIONS
) -> dict[str, BuildRun]:
    """Build both editions from nothing, as `make html` does; one run per language."""
    runs = {}
    for lang in LANGUAGES:
        doctrees = out / "doctrees" / lang
        html = out / "html" / lang
        for path in (doctrees, html):
            if path.exists():
                shutil.rmtree(path)
        runs[lang] = run_measured(
            sphinx_command(
                tree / "source", html, doctrees, options=(*options, "-D", f"language={lang}")
            ),
            env=build_env(),
        )
    return runs


def summed(runs: dict[str, BuildRun]) -> BuildRun:
    """Both editions as one run: seconds added, the larger peak, the first failure."""
    return BuildRun(
        sum(r.seconds for r in runs.values()),
        max(r.max_rss_bytes for r in runs.values()),
        next((r.returncode for r in runs.values() if r.returncode), 0),
        "\n".join(r.output for r in runs.values()),
    )


def _touch_bank(tree: Path) -> Path:
    banks = sorted(p for p in (tree / "quizzes").glob("*.yaml") if p.name.count(".") == 1)
    if not banks:
        raise RuntimeError("no bank in quizzes/ to touch")
    bank = banks[0]
    later = time.time() + 2
    os.utime(bank, (later, later))
    return bank


def measure_site(work: Path) -> list[Measurement]:
    """Full build with quizzes vs stripped; then an incremental rebuild after touching a bank."""
    with_quiz = copy_tree(work / "tree-quiz")
    without = copy_tree(work / "tree-noquiz")
    stripped_pages = strip_tree(without / "source")
    quiz_runs, plain_runs, english = [], [], []
    for _ in range(repeats(2, 1)):
        plain_runs.append(summed(build_site(without, work / "noquiz")))
        editions = build_site(with_quiz, work / "quiz")
        english.append(editions[LANGUAGES[0]].seconds)
        quiz_runs.append(summed(editions))
    if quiz_runs[-1].returncode:
        raise RuntimeError(f"the course site does not build:\n{quiz_runs[-1].output[-4000:]}")
    quiz_time = statistics.median(r.seconds for r in quiz_runs)
    plain_time = statistics.median(r.seconds for r in plain_runs)
    plain_note = f"{stripped_pages} pages stripped of quiz directives"
    if plain_runs[-1].returncode:
        plain_note += (
            "; the stripped site builds with warnings (e.g. references to removed quizzes), "
            "timed all the same since --keep-going finishes the build"
        )
    results = [
        Measurement(
            "site",
            "full build, both editions",
            quiz_time,
            "s",
            plain_time,
            "same site, quizzes removed",
            target="< 1.25x (under 25% overhead)",
            met=quiz_time / plain_time < 1.25,
            note=plain_note,
        )
    ]
    results.append(_measure_incremental(with_quiz, work / "quiz", statistics.median(english)))
    return results


def _measure_incremental(tree: Path, out: Path, english_full: float) -> Measurement:
    """Touch one bank and rebuild the English edition in place, against a forced full rebuild.

    In quick mode the forced rebuild is skipped: the English build from nothing just made is
    the baseline.
    """
    lang = LANGUAGES[0]

    def build(*options: str) -> BuildRun:
        return run_measured(
            sphinx_command(
                tree / "source", out / "html" / lang, out / "doctrees" / lang, options=options
            ),
            env=build_env(),
        )

    full_times, incremental_times, changed, bank = [], [], "?", None
    for _ in range(repeats(3, 1)):
        if quick():
            full_times.append(english_full)
        else:
            full_times.append(build("-nW", "--keep-going", "-E", "-q").seconds)
        bank = _touch_bank(tree)
        run = build("-nW", "--keep-going")
        incremental_times.append(run.seconds)
        found = _CHANGED.search(run.output)
        if found:
            changed = found.group(2)
    return Measurement(
        "site",
        "incremental rebuild (en) after touching one bank",
        statistics.median(incremental_times),
        "s",
        statistics.median(full_times),
        "full en build, from nothing" if quick() else "full en rebuild (-E)",
        note=f"touched quizzes/{bank.name if bank else '?'}; Sphinx re-read {changed} document(s)",
    )


def run(work: Path) -> list[Measurement]:
    """Every site-build measurement, working in ``work``."""
    return measure_site(work)
