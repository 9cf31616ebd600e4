"""Scale: validation, build time, page size and memory for pages of 100 to 10,000 questions.

Each quiz page is judged against the same words written as plain MyST (the fair baseline) and
shown beside the same page without the quiz (the old baseline).
"""

from __future__ import annotations

import statistics
from pathlib import Path

import yaml

from benchmarks.bank_generator import bank_yaml, generate_banks
from benchmarks.fit import least_squares, log_log_exponent
from benchmarks.pages import FAIR, OLD, VARIANTS, write_page
from benchmarks.report import Measurement
from benchmarks.sphinx_project import BuildRun, fresh_build
from benchmarks.timing import paired_medians, quick, repeats
from quizgen.loader import load_bank

SIZES = (100, 1_000, 10_000)
QUICK_SIZES = (10, 50)
#: Targets of issue 18, judged at the largest size against the plain MyST page.
BUILD_RATIO_TARGET = 1.5
EXPONENT_TARGET = 1.05
RSS_RATIO_TARGET = 1.5
MARKUP_BYTES_TARGET = 400
VALIDATE_RATIO_TARGET = 1.5
_CSafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def sizes() -> tuple[int, ...]:
    return QUICK_SIZES if quick() else SIZES


def _write_banks(work: Path, size: int) -> list[Path]:
    folder = work / f"banks-{size}"
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for bank in generate_banks(size):
        path = folder / f"{bank['bank']}.yaml"
        path.write_text(bank_yaml(bank), encoding="utf-8")
        paths.append(path)
    return paths


def measure_validation(work: Path) -> list[Measurement]:
    """quizgen's full load and validation against libyaml's bare parse of the same files."""
    results = []
    largest = sizes()[-1]
    for size in sizes():
        paths = _write_banks(work, size)
        for path in paths:
            loaded = load_bank(path)
            if not loaded.ok or loaded.problems:
                raise RuntimeError(
                    f"generated bank {path.name} has problems: {loaded.problems[:3]}"
                )

        def validate(paths: list[Path] = paths) -> object:
            return [load_bank(path) for path in paths]

        def bare(paths: list[Path] = paths) -> object:
            return [yaml.load(p.read_text(encoding="utf-8"), Loader=_CSafeLoader) for p in paths]

        subject, baseline = paired_medians(validate, bare, repeats(5 if size < 10_000 else 3, 2))
        judged = size == largest
        results.append(
            Measurement(
                "scale",
                f"validate {size:,} questions",
                subject,
                "s",
                baseline,
                "bare CSafeLoader parse",
                target=f"<= {VALIDATE_RATIO_TARGET}x" if judged else "",
                met=(subject / baseline <= VALIDATE_RATIO_TARGET) if judged else None,
                note=f"{len(paths)} banks" if len(paths) > 1 else "",
            )
        )
    return results


def _page_bytes(out: Path) -> int:
    return (out / "index.html").stat().st_size


def _builds(work: Path, size: int) -> dict[str, list[BuildRun]]:
    """Build each variant of the ``size`` page from nothing, in turn, a few times each."""
    sources = {v: write_page(work / f"project-{v}-{size}", v, size) for v in VARIANTS}
    runs: dict[str, list[BuildRun]] = {v: [] for v in VARIANTS}
    for _ in range(repeats(3 if size < 10_000 else 2, 1)):
        for variant in ("none", "plain", "quiz"):
            out = work / f"out-{variant}-{size}"
            runs[variant].append(fresh_build(sources[variant], out))
    return runs


def measure_builds(work: Path) -> list[Measurement]:
    """Build a one-page project in each variant at each size; fit the growth."""
    results: list[Measurement] = []
    seconds: dict[str, list[float]] = {v: [] for v in VARIANTS}
    quiz_bytes: list[float] = []
    largest = sizes()[-1]
    for size in sizes():
        runs = _builds(work, size)
        time = {v: statistics.median(r.seconds for r in runs[v]) for v in VARIANTS}
        for variant in VARIANTS:
            seconds[variant].append(time[variant])
        judged = size == largest
        results.append(
            Measurement(
                "scale", f"build, {size:,}-question page", time["quiz"], "s",
                time["plain"], FAIR, old_baseline=time["none"], old_baseline_name=OLD,
                target=f"<= {BUILD_RATIO_TARGET}x" if judged else "",
                met=time["quiz"] <= BUILD_RATIO_TARGET * time["plain"] if judged else None,
            )
        )  # fmt: skip
        page = {v: _page_bytes(work / f"out-{v}-{size}") for v in VARIANTS}
        quiz_bytes.append(page["quiz"])
        results.append(
            Measurement(
                "scale", f"page size, {size:,} questions", page["quiz"], "bytes",
                page["plain"], FAIR, old_baseline=page["none"], old_baseline_name=OLD,
                note=f"{(page['quiz'] - page['none']) / size:,.0f} bytes a question over the "
                "page without quiz",
            )
        )  # fmt: skip
        markup = (page["quiz"] - page["plain"]) / size
        results.append(
            Measurement(
                "scale",
                f"markup a question adds beyond its words, {size:,} questions",
                markup,
                "bytes",
                target=f"<= {MARKUP_BYTES_TARGET} B" if judged else "",
                met=markup <= MARKUP_BYTES_TARGET if judged else None,
                note="(quiz page bytes - plain MyST page bytes) / questions",
            )
        )
        if judged:
            results.append(_peak_rss(runs, size))
    return results + _fits(seconds, quiz_bytes)


def _peak_rss(runs: dict[str, list[BuildRun]], size: int) -> Measurement:
    rss = {v: max(r.max_rss_bytes for r in runs[v]) for v in VARIANTS}
    return Measurement(
        "scale", f"build peak RSS, {size:,} questions", rss["quiz"], "bytes",
        rss["plain"], FAIR, old_baseline=rss["none"], old_baseline_name=OLD,
        target=f"<= {RSS_RATIO_TARGET}x", met=rss["quiz"] <= RSS_RATIO_TARGET * rss["plain"],
        note="ru_maxrss of the sphinx-build process",
    )  # fmt: skip


def _fits(seconds: dict[str, list[float]], quiz_bytes: list[float]) -> list[Measurement]:
    """Per-question slopes, and how the time above the empty page grows (log-log exponent)."""
    xs = [float(s) for s in sizes()]
    line = least_squares(xs, seconds["quiz"])
    plain_line = least_squares(xs, seconds["plain"])
    quiz_extra = [q - n for q, n in zip(seconds["quiz"], seconds["none"], strict=True)]
    plain_extra = [p - n for p, n in zip(seconds["plain"], seconds["none"], strict=True)]
    exponent = log_log_exponent(xs, quiz_extra)
    plain_exponent = log_log_exponent(xs, plain_extra)
    size_line = least_squares(xs, quiz_bytes)
    return [
        Measurement(
            "scale",
            "build time per question (linear fit)",
            line.slope * 1000,
            "ms",
            plain_line.slope * 1000,
            FAIR,
            note=line.describe("questions", "seconds"),
        ),
        Measurement(
            "scale",
            "log-log exponent of the build time questions add",
            exponent,
            "",
            plain_exponent,
            FAIR,
            target=f"<= {EXPONENT_TARGET}",
            met=exponent is not None and exponent <= EXPONENT_TARGET,
            note="slope of log(build time - build time of the page without quiz) against "
            "log(questions); 1.00 = linear",
        ),
        Measurement(
            "scale",
            "page bytes per question (linear fit)",
            size_line.slope,
            "bytes",
            note=size_line.describe("questions", "bytes"),
        ),
    ]


def run(work: Path) -> list[Measurement]:
    """Every scale measurement, working in ``work``."""
    return measure_validation(work) + measure_builds(work)
