"""One-page projects in three variants, and the pages built once for the weight and browser runs.

The variants of a page of N generated questions:

- ``quiz``: the prose, then the questions through the ``quiz`` directive (the subject);
- ``plain``: the prose, then the same words written as plain MyST (the fair baseline);
- ``none``: the prose alone, the same page without the quiz (the old baseline).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.bank_generator import bank_yaml, generate_banks
from benchmarks.plain_myst import bank_as_myst
from benchmarks.sphinx_project import fresh_build, write_project
from benchmarks.timing import quick

PAGE_SIZES = (10, 100, 1_000)
QUICK_PAGE_SIZES = (10, 50)
VARIANTS = ("quiz", "plain", "none")
#: How each baseline is named in the table.
FAIR = "same words, plain MyST"
OLD = "same page, no quiz"


def page_sizes() -> tuple[int, ...]:
    """Question counts of the weight and browser pages; small ones under ``BENCH_QUICK``."""
    return QUICK_PAGE_SIZES if quick() else PAGE_SIZES


def write_page(root: Path, variant: str, questions: int) -> Path:
    """Write the one-page project of ``variant`` with ``questions`` generated questions."""
    if variant == "none":
        return write_project(root)
    banks = generate_banks(questions)
    if variant == "quiz":
        body = "".join(f"\n```{{quiz}} {bank['bank']}\n```\n" for bank in banks)
        return write_project(root, body, {bank["bank"]: bank_yaml(bank) for bank in banks})
    if variant == "plain":
        parts, first = [], 1
        for bank in banks:
            parts.append(bank_as_myst(bank, first=first))
            first += len(bank["questions"])
        return write_project(root, "\n".join(parts))
    raise ValueError(f"unknown page variant {variant!r}; choose from {VARIANTS}")


@dataclass
class BuiltPages:
    """HTML output folders: the page without quiz, and quiz and plain pages by size."""

    none: Path
    quiz: dict[int, Path] = field(default_factory=dict)
    plain: dict[int, Path] = field(default_factory=dict)

    @property
    def sizes(self) -> list[int]:
        return sorted(self.quiz)


def build_pages(work: Path, sizes: tuple[int, ...] | None = None) -> BuiltPages:
    """Build each variant at each size into ``work/out-<variant>-<n>``."""

    def build(variant: str, size: int) -> Path:
        source = write_page(work / f"project-{variant}-{size}", variant, size)
        out = work / f"out-{variant}-{size}"
        fresh_build(source, out)
        return out

    pages = BuiltPages(none=build("none", 0))
    for size in sizes or page_sizes():
        pages.quiz[size] = build("quiz", size)
        pages.plain[size] = build("plain", size)
    return pages
