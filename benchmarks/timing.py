"""Repeat counts and medians, with the subject and its baseline timed in alternation.

Why alternate: on a shared two-core machine the clock drifts with other load; timing the
subject and the baseline in the same loop makes their ratio fair even when absolute times move.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable


def quick() -> bool:
    """``BENCH_QUICK=1`` asks for the fewest repeats that still give a median."""
    return os.environ.get("BENCH_QUICK", "") not in {"", "0"}


def repeats(full: int, quick_count: int = 1) -> int:
    """How many runs to take: ``full`` normally, ``quick_count`` under ``BENCH_QUICK``."""
    return quick_count if quick() else full


def elapsed(func: Callable[[], object]) -> float:
    """Seconds one call takes."""
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def paired_medians(
    subject: Callable[[], object], baseline: Callable[[], object], runs: int
) -> tuple[float, float]:
    """Median seconds of ``subject`` and of ``baseline``, run alternately ``runs`` times each."""
    subject_times: list[float] = []
    baseline_times: list[float] = []
    for _ in range(runs):
        baseline_times.append(elapsed(baseline))
        subject_times.append(elapsed(subject))
    return statistics.median(subject_times), statistics.median(baseline_times)


def median(values: list[float]) -> float:
    """Median of a non-empty list."""
    return statistics.median(values)
