"""Banks with <script>, event handlers and javascript: links in every field run nothing."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from quizgen.loader import load_bank

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore::sphinx.deprecation.RemovedInSphinx11Warning"),
]
TESTS = Path(__file__).resolve().parents[1]
TRAP = """
window.__pwned = undefined;
window.__alerts = [];
for (const name of ["alert", "confirm", "prompt"]) {
  window[name] = (m) => window.__alerts.push(String(m));
}
"""


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory, serve: Callable[..., str]) -> str:
    from sphinx.testing.util import SphinxTestApp

    srcdir = tmp_path_factory.mktemp("hostile") / "src"
    shutil.copytree(TESTS / "roots" / "test-quiz-hostile", srcdir)
    (srcdir / "quizzes").mkdir()
    for path in (TESTS / "data" / "hostile").glob("*.yaml"):
        bank = load_bank(path).bank
        assert bank is not None
        shutil.copy(path, srcdir / "quizzes" / f"{bank.bank}.yaml")
    app = SphinxTestApp("html", srcdir=srcdir)
    try:
        app.build()
        assert "WARNING" not in app.warning.getvalue(), app.warning.getvalue()
    finally:
        app.cleanup()
    return serve(Path(app.outdir)) + "index.html"


def test_no_payload_runs_whatever_the_learner_does(browser: Any, hostile_url: str) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.add_init_script(TRAP)
    try:
        page.goto(hostile_url)
        assert page.locator("form.qz-question").count() == 32
        for summary in page.locator("details > summary").all():
            summary.click()
        for form in page.locator("form.qz-question").all():
            for box in form.locator("input[type=radio], input[type=checkbox]").all():
                if box.is_visible():
                    box.check()
            for text in form.locator("input[type=text], textarea").all():
                text.fill("<img src=x onerror=alert(1)>")
            for select in form.locator("select").all():
                select.select_option(index=1)
            form.locator(".qz-check").click()
            buttons = form.locator("button")
            for index in range(buttons.count()):
                if buttons.nth(index).is_visible():
                    buttons.nth(index).click()
        for link in page.locator(".qz-quiz a[href]").all():
            href = link.get_attribute("href") or ""
            assert not href.strip().lower().startswith(("javascript:", "data:", "vbscript:"))
        page.get_by_role("button", name="Download my results").first.click()
        assert page.evaluate("window.__pwned") is None
        assert page.evaluate("window.__alerts") == []
        assert page.locator(".qz-quiz script, .qz-quiz img, .qz-quiz iframe").count() == 0
        legends = " ".join(page.locator("legend").all_inner_texts())
        assert "<script>window.__pwned='single.prompt'</script>" in legends
        assert errors == []
    finally:
        page.close()
