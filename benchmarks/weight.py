"""Page weight: the bytes the quiz runtime adds and the size of a quiz page's HTML."""

from __future__ import annotations

import gzip
from html.parser import HTMLParser
from pathlib import Path

from benchmarks.pages import FAIR, OLD, BuiltPages
from benchmarks.report import Measurement

GZIP_TARGET = 6 * 1024


class _AssetLinks(HTMLParser):
    """Collect the local scripts and stylesheets a page loads."""

    def __init__(self) -> None:
        super().__init__()
        self.assets: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "script" and found.get("src"):
            self.assets.add(str(found["src"]))
        if tag == "link" and "stylesheet" in (found.get("rel") or "") and found.get("href"):
            self.assets.add(str(found["href"]))


def page_assets(html: Path) -> set[str]:
    """Local asset paths (query strings dropped) a page links to."""
    parser = _AssetLinks()
    parser.feed(html.read_text(encoding="utf-8"))
    return {
        link.split("?", 1)[0] for link in parser.assets if not link.startswith(("http:", "https:"))
    }


def runtime_assets(quiz_page: Path, plain_page: Path) -> list[Path]:
    """Files the quiz page loads that the same page without a quiz does not."""
    added = page_assets(quiz_page) - page_assets(plain_page)
    return sorted(quiz_page.parent / link for link in added)


def _gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def measure_weight(pages: BuiltPages) -> list[Measurement]:
    """Runtime JS/CSS bytes (raw and gzip) and the 100-question page against its baselines."""
    size = 100 if 100 in pages.quiz else pages.sizes[-1]
    quiz_page = pages.quiz[size] / "index.html"
    plain_page = pages.plain[size] / "index.html"
    empty_page = pages.none / "index.html"
    assets = runtime_assets(quiz_page, empty_page)
    results: list[Measurement] = []
    if not assets:
        raise RuntimeError("the quiz page loads no asset the plain page lacks: runtime not found")
    total_raw = total_gzip = 0
    for kind in (".js", ".css"):
        files = [a for a in assets if a.suffix == kind]
        raw = sum(len(f.read_bytes()) for f in files)
        packed = sum(_gzip_size(f.read_bytes()) for f in files)
        total_raw += raw
        total_gzip += packed
        results.append(
            Measurement(
                "weight",
                f"runtime {kind[1:].upper()}, gzip",
                packed,
                "bytes",
                note=f"{', '.join(f.name for f in files) or 'none'}; raw {raw} bytes",
            )
        )
    results.append(
        Measurement(
            "weight",
            "runtime JS+CSS, gzip",
            total_gzip,
            "bytes",
            target="<= 6 KiB",
            met=total_gzip <= GZIP_TARGET,
            note=f"raw {total_raw} bytes",
        )
    )
    quiz_html, plain_html = quiz_page.read_bytes(), plain_page.read_bytes()
    empty_html = empty_page.read_bytes()
    results.append(
        Measurement(
            "weight", f"{size}-question page HTML", len(quiz_html), "bytes",
            len(plain_html), FAIR, old_baseline=len(empty_html), old_baseline_name=OLD,
            note=f"gzip {_gzip_size(quiz_html)} vs {_gzip_size(plain_html)} (plain MyST) and "
            f"{_gzip_size(empty_html)} (no quiz) bytes",
        )
    )  # fmt: skip
    return results
