"""In Chromium, nothing in a hostile bank runs, however the learner pokes at the quiz."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from browser_actions import FIRE_EVENTS, SCRIPT_URLS, TRAP, PageTrouble, answer_everything
from tiny_sphinx import HOSTILE, TinyBuild

PAGES = sorted(p.stem for p in HOSTILE.glob("*.yaml"))


@pytest.mark.browser
@pytest.mark.parametrize("stem", PAGES)
def test_no_payload_runs_when_every_question_is_answered(
    hostile_site: TinyBuild, serve: Callable[[Path], str], browser: object, stem: str
) -> None:
    base = serve(hostile_site.outdir)
    context = browser.new_context()  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        page.add_init_script(TRAP)
        trouble = PageTrouble()
        trouble.watch(page)
        page.goto(f"{base}{stem}.html")
        page.wait_for_load_state("load")
        quiz = page.locator(".qz-quiz")
        assert quiz.count() == 1
        assert quiz.locator("form").count() == 8, "expected one form per question"
        assert answer_everything(page, ".qz-quiz") > 20
        page.evaluate(FIRE_EVENTS, quiz.element_handle())
        assert page.evaluate("window.__pwned") is None
        assert page.evaluate("window.__alerts") == []
        assert page.evaluate(SCRIPT_URLS) == []
        assert page.url.startswith(f"{base}{stem}.html"), "a quiz link navigated away"
        assert not trouble.dialogs, trouble.dialogs
        assert not trouble.page_errors, trouble.page_errors
        assert not trouble.failed_urls, trouble.failed_urls
        assert not trouble.console_errors, trouble.console_errors
    finally:
        context.close()
