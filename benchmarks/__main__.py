"""Run the benchmarks: ``python -m benchmarks [--only scale,site,weight,browser,course]``.

Prints a table and writes every figure, with the machine it came from, to
build/bench/results.json. ``BENCH_QUICK=1`` runs every section at small sizes with fewer
repeats, and judges no target: it shows that each benchmark still works.

The exit code is 1 only when a section breaks (an exception in the benchmark itself); a
figure that misses its target, or a page that times out, says "missed" in the table.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from benchmarks import browser, course, scale, site_build, weight
from benchmarks.machine import machine_info
from benchmarks.pages import BuiltPages, build_pages
from benchmarks.report import Measurement, format_machine, format_table, write_json
from benchmarks.timing import quick

PROJECT = Path(__file__).resolve().parent.parent
WORK = PROJECT / "build" / "bench"
SECTIONS = ("scale", "site", "weight", "browser", "course")


def _sections(work: Path) -> dict[str, Callable[[], list[Measurement]]]:
    pages: list[BuiltPages] = []

    def built_pages() -> BuiltPages:
        if not pages:
            pages.append(build_pages(work / "pages"))
        return pages[0]

    return {
        "scale": lambda: scale.run(work / "scale"),
        "site": lambda: site_build.run(work / "site"),
        "weight": lambda: weight.measure_weight(built_pages()),
        "browser": lambda: browser.measure_browser(built_pages()),
        "course": lambda: course.run(work / "course"),
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
            found = runners[name]()
        except Exception:  # a broken section must not hide the others' figures
            failures[name] = traceback.format_exc()
            print(f"{name} failed:\n{failures[name]}", file=sys.stderr, flush=True)
            continue
        for measurement in found:
            measurement.judged = not quick()
        measurements += found
    elapsed = time.perf_counter() - started
    print(format_table(measurements))
    missed = [m for m in measurements if m.verdict.startswith("missed")]
    print(
        f"\n{len(measurements)} figures in {elapsed:.0f} s"
        f"{' (BENCH_QUICK: small sizes, targets not judged)' if quick() else ''}; "
        f"{len(missed)} missed target(s); {len(failures)} broken section(s)"
        f"{': ' + ', '.join(failures) if failures else ''}"
    )
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
