"""Browser figures in headless Chromium: time to interactive, script time, requests, bytes.

Why these: a student on a phone feels the time until the quiz answers a click, and the script
time the page costs. Both are judged against the same words as a plain MyST page (parsing the
text is not the quiz's cost) and shown beside the same page without the quiz.
"""

from __future__ import annotations

import os
import statistics
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.pages import FAIR, OLD, BuiltPages
from benchmarks.report import Measurement
from benchmarks.serving import serve
from benchmarks.timing import repeats
from benchmarks.weight import runtime_assets

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
#: How long a page may take to load and say it is ready before the figure is "timed out".
#: Generous on purpose: a slow shared machine must give a slow figure, not a failed run.
READY_TIMEOUT_S = 120.0

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
  };
}
"""


@dataclass
class PageFigures:
    """What one page load cost; ``timed_out`` when it did not get ready in time."""

    interactive_ms: float
    dom_content_loaded_ms: float
    script_ms: float
    requests: int
    transferred_bytes: int
    signalled_ready: bool
    errors: int = 0
    timed_out: bool = False


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


def runtime_signals_ready(scripts: list[Path]) -> bool:
    """Whether the quiz runtime dispatches ``qz-ready`` (looked up in its shipped scripts)."""
    return any("qz-ready" in path.read_text(encoding="utf-8") for path in scripts)


def _timed_out() -> PageFigures:
    return PageFigures(0.0, 0.0, 0.0, 0, 0, signalled_ready=False, timed_out=True)


def load_page(
    browser: Any, url: str, *, wait_ready: bool = False, timeout_s: float = READY_TIMEOUT_S
) -> PageFigures:
    """Open ``url`` in a fresh context and measure it.

    Waits for the ``load`` event, then, with ``wait_ready``, for the runtime's ``qz-ready``
    event on ``document``. No network-idle wait: the page's own signals say when it is done.
    A page that is not ready within ``timeout_s`` gives figures marked ``timed_out``.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

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
        try:
            page.goto(url, wait_until="load", timeout=timeout_s * 1000)
            if wait_ready:
                page.wait_for_function("window.__benchReady !== null", timeout=timeout_s * 1000)
        except PlaywrightTimeout:
            return _timed_out()
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
    """Medians of the runs; timed out when any run timed out."""
    if any(r.timed_out for r in runs):
        return _timed_out()
    return PageFigures(
        interactive_ms=statistics.median(r.interactive_ms for r in runs),
        dom_content_loaded_ms=statistics.median(r.dom_content_loaded_ms for r in runs),
        script_ms=statistics.median(r.script_ms for r in runs),
        requests=int(statistics.median(r.requests for r in runs)),
        transferred_bytes=int(statistics.median(r.transferred_bytes for r in runs)),
        signalled_ready=all(r.signalled_ready for r in runs),
        errors=max(r.errors for r in runs),
    )


def measure_browser(pages: BuiltPages) -> list[Measurement]:
    """Each quiz page against its plain MyST twin and the page without quiz, loaded in turn."""
    quiz_scripts = [
        path
        for path in runtime_assets(
            pages.quiz[pages.sizes[0]] / "index.html", pages.none / "index.html"
        )
        if path.suffix == ".js"
    ]
    wait_ready = runtime_signals_ready(quiz_scripts)
    results: list[Measurement] = []
    with chromium() as browser, ExitStack() as stack:

        def url(out: Path) -> str:
            return stack.enter_context(serve(out)) + "index.html"

        empty = url(pages.none)
        load_page(browser, empty)  # keep the browser's own warm-up out of the figures
        for size in pages.sizes:
            quiz_url, plain_url = url(pages.quiz[size]), url(pages.plain[size])
            runs: dict[str, list[PageFigures]] = {"quiz": [], "plain": [], "none": []}
            for _ in range(repeats(5, 2)):
                runs["none"].append(load_page(browser, empty))
                runs["plain"].append(load_page(browser, plain_url))
                runs["quiz"].append(load_page(browser, quiz_url, wait_ready=wait_ready))
            figures = {variant: median_figures(found) for variant, found in runs.items()}
            results += _page_measurements(size, figures, largest=size == pages.sizes[-1])
    return results


def _signal(figures: PageFigures) -> str:
    if figures.signalled_ready:
        return "the runtime's qz-ready event"
    return "the end of the DOMContentLoaded handlers, after load (the runtime sends no qz-ready)"


def _page_measurements(
    size: int, figures: dict[str, PageFigures], *, largest: bool
) -> list[Measurement]:
    quiz, plain, none = figures["quiz"], figures["plain"], figures["none"]
    timed_out = quiz.timed_out or plain.timed_out or none.timed_out
    timeout = READY_TIMEOUT_S if timed_out else None
    gap = quiz.interactive_ms - plain.interactive_ms
    target = f"<= baseline + {INTERACTIVE_TARGET_MS:.0f} ms" if largest else ""
    interactive = Measurement(
        "browser", f"interactive, {size:,} questions",
        None if timed_out else quiz.interactive_ms, "ms",
        plain.interactive_ms, FAIR, old_baseline=none.interactive_ms, old_baseline_name=OLD,
        target=target, met=(not timed_out and gap <= INTERACTIVE_TARGET_MS) if largest else None,
        timed_out_after=timeout,
        note="a page did not get ready in time" if timed_out else
        f"{gap:+.0f} ms over plain MyST, {quiz.interactive_ms - none.interactive_ms:+.0f} ms "
        f"over the page without quiz; quiz page measured at {_signal(quiz)}",
    )  # fmt: skip
    figures_out = [
        interactive,
        Measurement(
            "browser", f"script time, {size:,} questions",
            None if timed_out else quiz.script_ms, "ms",
            plain.script_ms, FAIR, old_baseline=none.script_ms, old_baseline_name=OLD,
            timed_out_after=timeout, note="CDP Performance.getMetrics ScriptDuration",
        ),
    ]  # fmt: skip
    if size == 100 and not timed_out:
        figures_out += [
            Measurement(
                "browser", "requests, 100-question page", quiz.requests, "",
                plain.requests, FAIR, old_baseline=none.requests, old_baseline_name=OLD,
            ),
            Measurement(
                "browser", "bytes transferred, 100-question page", quiz.transferred_bytes,
                "bytes", plain.transferred_bytes, FAIR,
                old_baseline=none.transferred_bytes, old_baseline_name=OLD,
                note="uncompressed, as served by http.server, up to the load event",
            ),
        ]  # fmt: skip
    return figures_out
