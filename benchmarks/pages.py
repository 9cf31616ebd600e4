"""One-page projects of 10 to 1,000 questions (and none), built once for weight and browser runs."""

from __future__ import annotations

from pathlib import Path

from benchmarks.bank_generator import generate_bank_text
from benchmarks.sphinx_project import fresh_build, write_project

PAGE_SIZES = (10, 100, 1_000)


def build_pages(work: Path, sizes: tuple[int, ...] = PAGE_SIZES) -> dict[int, Path]:
    """Build each size into ``work/out-<n>``; size 0 is the same page without a quiz.

    :returns: the HTML output folder for each size.
    """
    outputs: dict[int, Path] = {}
    for size in (0, *sizes):
        bank = generate_bank_text(size) if size else None
        source = write_project(work / f"project-{size}", bank)
        out = work / f"out-{size}"
        fresh_build(source, out)
        outputs[size] = out
    return outputs
