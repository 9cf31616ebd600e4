"""Scale: validation, build time, page size and memory for banks of 100 to 10,000 questions."""

from __future__ import annotations

import statistics
from pathlib import Path

import yaml

from benchmarks.bank_generator import generate_bank_text
from benchmarks.fit import least_squares, log_log_exponent
from benchmarks.report import Measurement
from benchmarks.sphinx_project import fresh_build, write_project
from benchmarks.timing import paired_medians, repeats
from quizgen.loader import load_bank

SIZES = (100, 1_000, 10_000)
GIB = 1024**3
_CSafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _write_bank(work: Path, size: int) -> Path:
    path = work / f"bank-{size}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(generate_bank_text(size), encoding="utf-8")
    return path


def measure_validation(work: Path) -> list[Measurement]:
    """quizgen's full load and validation against libyaml's bare parse of the same file."""
    results = []
    for size in SIZES:
        path = _write_bank(work, size)
        loaded = load_bank(path)
        if not loaded.ok:
            raise RuntimeError(f"generated bank of {size} is invalid: {loaded.problems[:3]}")

        def bare(path: Path = path) -> object:
            return yaml.load(path.read_text(encoding="utf-8"), Loader=_CSafeLoader)

        subject, baseline = paired_medians(
            lambda path=path: load_bank(path), bare, repeats(5 if size < 10_000 else 3, 2)
        )
        target = size == 10_000
        results.append(
            Measurement(
                "scale",
                f"validate {size:,} questions",
                subject,
                "s",
                baseline,
                "bare CSafeLoader parse",
                target="<= 1.5x" if target else "",
                met=(subject / baseline <= 1.5) if target else None,
            )
        )
    return results


def _page_bytes(out: Path) -> int:
    return (out / "index.html").stat().st_size


def measure_builds(work: Path) -> list[Measurement]:
    """Build a one-page project with and without the quiz, at each size; fit the growth."""
    results: list[Measurement] = []
    baseline_src = write_project(work / "project-none", None)
    extra_seconds: list[float] = []
    quiz_seconds: list[float] = []
    page_sizes: list[float] = []
    for size in SIZES:
        source = write_project(work / f"project-{size}", generate_bank_text(size))
        quiz_runs, base_runs = [], []
        for _ in range(repeats(3 if size < 10_000 else 2, 1)):
            base_runs.append(fresh_build(baseline_src, work / "out-none"))
            quiz_runs.append(fresh_build(source, work / f"out-{size}"))
        quiz_time = statistics.median(r.seconds for r in quiz_runs)
        base_time = statistics.median(r.seconds for r in base_runs)
        quiz_seconds.append(quiz_time)
        extra_seconds.append(quiz_time - base_time)
        results.append(
            Measurement(
                "scale",
                f"build, {size:,}-question page",
                quiz_time,
                "s",
                base_time,
                "same page, no quiz",
            )
        )
        size_quiz, size_base = _page_bytes(work / f"out-{size}"), _page_bytes(work / "out-none")
        page_sizes.append(size_quiz)
        results.append(
            Measurement(
                "scale",
                f"page size, {size:,} questions",
                size_quiz,
                "bytes",
                size_base,
                "same page, no quiz",
                note=f"{(size_quiz - size_base) / size:.0f} bytes added per question",
            )
        )
        if size == SIZES[-1]:
            rss_quiz = max(r.max_rss_bytes for r in quiz_runs)
            rss_base = max(r.max_rss_bytes for r in base_runs)
            results.append(
                Measurement(
                    "scale",
                    f"build peak RSS, {size:,} questions",
                    rss_quiz,
                    "bytes",
                    rss_base,
                    "same page, no quiz",
                    target="< 1 GiB and <= 1.5x",
                    met=rss_quiz < GIB and rss_quiz <= 1.5 * rss_base,
                    note=f"under 1 GiB: {'yes' if rss_quiz < GIB else 'no'}; "
                    f"within 1.5x of the page without quiz: "
                    f"{'yes' if rss_quiz <= 1.5 * rss_base else 'no'}",
                )
            )
    sizes = [float(s) for s in SIZES]
    line = least_squares(sizes, quiz_seconds)
    exponent = log_log_exponent(sizes, extra_seconds)
    results.append(
        Measurement(
            "scale",
            "build time per question (linear fit)",
            line.slope * 1000,
            "ms",
            note=f"{line.describe('questions', 'seconds')}; log-log exponent of the time the "
            f"quiz adds: {exponent:.2f} (1.00 = linear)"
            if exponent is not None
            else line.describe("questions", "seconds"),
        )
    )
    size_line = least_squares(sizes, page_sizes)
    results.append(
        Measurement(
            "scale",
            "page bytes per question (linear fit)",
            size_line.slope,
            "bytes",
            note=size_line.describe("questions", "bytes"),
        )
    )
    return results


def run(work: Path) -> list[Measurement]:
    """Every scale measurement, working in ``work``."""
    return measure_validation(work) + measure_builds(work)
