"""Browser figures in headless Chromium: time to interactive, script time, requests, bytes.

Why these: a student on a phone feels the time until the quiz answers a click, and the script
time the page costs; both are judged against the same page without a quiz.
"""

from __future__ import annotations

import os
import statistics
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.report import Measurement
from benchmarks.serving import serve
from benchmarks.timing import repeats

CHROMIUM = Path(os.environ.get("QUIZGEN_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
INTERACTIVE_TARGET_MS = 100.0

#: Runs before any page script: remembers when the quiz runtime says it is ready, if it does.
READY_PROBE = """
window.__benchReady = null;
document.addEventListener("qz-ready", () => { window.__benchReady = performance.now(); },
                          { capture: true });
"""

#: Interactive = the later of DOMContentLoaded's end (every init listener has run) and the
#: runtime's own ready signal.
INTERACTIVE_JS = """
() => {
  const nav = performance.getEntriesByType("navigation")[0];
  return {
    dcl: nav.domContentLoadedEventEnd,
    load: nav.loadEventEnd,
    ready: window.__benchReady,
    forms: document.querySelectorAll("form").length,
  };
}
"""


@dataclass
class PageFigures:
    """What one page load cost."""

    interactive_ms: float
    dom_content_loaded_ms: float
    script_ms: float
    requests: int
    transferred_bytes: int
    signalled_ready: bool
    errors: int = 0


@contextmanager
def chromium() -> Iterator[Any]:
    """Debian's Chromium through Playwright, headless, with the project's standard arguments."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


def load_page(browser: Any, url: str, *, ready_selector: str | None = None) -> PageFigures:
    """Open ``url`` in a fresh context and measure it."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script(READY_PROBE)
        cdp = context.new_cdp_session(page)
        cdp.send("Performance.enable")
        finished: list[int] = []

        def on_finished(request: Any) -> None:
            sizes = request.sizes()
            finished.append(sizes["responseBodySize"] + sizes["responseHeadersSize"])

        page.on("requestfinished", on_finished)
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(url, wait_until="load")
        if ready_selector:
            page.wait_for_selector(ready_selector, state="attached", timeout=30_000)
        page.wait_for_load_state("networkidle")
        timing = page.evaluate(INTERACTIVE_JS)
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        interactive = max(timing["dcl"], timing["ready"] or 0)
        return PageFigures(
            interactive_ms=interactive,
            dom_content_loaded_ms=timing["dcl"],
            script_ms=metrics.get("ScriptDuration", 0.0) * 1000,
            requests=len(finished),
            transferred_bytes=sum(finished),
            signalled_ready=timing["ready"] is not None,
            errors=len(errors),
        )
    finally:
        context.close()


def median_figures(runs: list[PageFigures]) -> PageFigures:
    return PageFigures(
        interactive_ms=statistics.median(r.interactive_ms for r in runs),
        dom_content_loaded_ms=statistics.median(r.dom_content_loaded_ms for r in runs),
        script_ms=statistics.median(r.script_ms for r in runs),
        requests=int(statistics.median(r.requests for r in runs)),
        transferred_bytes=int(statistics.median(r.transferred_bytes for r in runs)),
        signalled_ready=all(r.signalled_ready for r in runs),
        errors=max(r.errors for r in runs),
    )


def measure_browser(outputs: dict[int, Path]) -> list[Measurement]:
    """Each quiz page against the page without a quiz, loaded alternately."""
    results: list[Measurement] = []
    with chromium() as browser, ExitStack() as stack:
        urls = {
            size: stack.enter_context(serve(out)) + "index.html" for size, out in outputs.items()
        }
        load_page(browser, urls[0])  # keep the browser's own warm-up out of the figures
        for size in sorted(s for s in outputs if s):
            quiz_runs, plain_runs = [], []
            for _ in range(repeats(5, 2)):
                plain_runs.append(load_page(browser, urls[0]))
                quiz_runs.append(load_page(browser, urls[size]))
            quiz, plain = median_figures(quiz_runs), median_figures(plain_runs)
            results += _page_measurements(size, quiz, plain)
    return results


def _page_measurements(size: int, quiz: PageFigures, plain: PageFigures) -> list[Measurement]:
    gap = quiz.interactive_ms - plain.interactive_ms
    largest = size >= 1_000
    how = "qz-ready event" if quiz.signalled_ready else "DOMContentLoaded end"
    figures = [
        Measurement(
            "browser",
            f"interactive, {size:,} questions",
            quiz.interactive_ms,
            "ms",
            plain.interactive_ms,
            "same page, no quiz",
            target="<= baseline + 100 ms" if largest else "",
            met=gap <= INTERACTIVE_TARGET_MS if largest else None,
            note=f"{gap:+.0f} ms against the page without quiz; measured at the {how}",
        ),
        Measurement(
            "browser",
            f"script time, {size:,} questions",
            quiz.script_ms,
            "ms",
            plain.script_ms,
            "same page, no quiz",
            note="CDP Performance.getMetrics ScriptDuration",
        ),
    ]
    if size == 100:
        figures += [
            Measurement(
                "browser",
                "requests, 100-question page",
                quiz.requests,
                "",
                plain.requests,
                "same page, no quiz",
            ),
            Measurement(
                "browser",
                "bytes transferred, 100-question page",
                quiz.transferred_bytes,
                "bytes",
                plain.transferred_bytes,
                "same page, no quiz",
                note="uncompressed, as served by http.server",
            ),
        ]
    return figures
