"""Run the benchmarks: ``python -m benchmarks [--only scale,site,weight,browser]``.

Prints a table and writes every figure, with the machine it came from, to
build/bench/results.json. ``BENCH_QUICK=1`` takes fewer repeats.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from benchmarks import browser, scale, site_build, weight
from benchmarks.machine import machine_info
from benchmarks.pages import build_pages
from benchmarks.report import Measurement, format_machine, format_table, write_json
from benchmarks.timing import quick

PROJECT = Path(__file__).resolve().parent.parent
WORK = PROJECT / "build" / "bench"
SECTIONS = ("scale", "site", "weight", "browser")


def _sections(work: Path) -> dict[str, Callable[[], list[Measurement]]]:
    pages: dict[int, Path] = {}

    def built_pages() -> dict[int, Path]:
        if not pages:
            pages.update(build_pages(work / "pages"))
        return pages

    return {
        "scale": lambda: scale.run(work / "scale"),
        "site": lambda: site_build.run(work / "site"),
        "weight": lambda: weight.measure_weight(built_pages()),
        "browser": lambda: browser.measure_browser(built_pages()),
    }


def main(argv: list[str] | None = None) -> int:
    """Run the chosen sections; a section that fails is reported and the rest still run."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument(
        "--only", default=",".join(SECTIONS), help=f"comma-separated subset of {SECTIONS}"
    )
    parser.add_argument("--out", type=Path, default=WORK / "results.json")
    args = parser.parse_args(argv)
    chosen = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = sorted(set(chosen) - set(SECTIONS))
    if unknown:
        parser.error(f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
    machine = machine_info()
    print(format_machine(machine), end="\n\n", flush=True)
    runners = _sections(WORK)
    measurements: list[Measurement] = []
    failures: dict[str, str] = {}
    started = time.perf_counter()
    for name in chosen:
        print(f"running {name}...", file=sys.stderr, flush=True)
        try:
            measurements += runners[name]()
        except Exception:  # a broken section must not hide the others' figures
            failures[name] = traceback.format_exc()
            print(f"{name} failed:\n{failures[name]}", file=sys.stderr, flush=True)
    elapsed = time.perf_counter() - started
    print(format_table(measurements))
    print(f"\n{len(measurements)} figures in {elapsed:.0f} s{' (BENCH_QUICK)' if quick() else ''}")
    write_json(
        args.out,
        machine,
        measurements,
        quick=quick(),
        seconds=round(elapsed, 1),
        sections=chosen,
        failures=failures,
    )
    print(f"results written to {args.out}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
