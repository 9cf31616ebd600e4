"""A long quiz page: the runtime adds controls early where the page opens and late elsewhere.

What must hold: the page is ready (``qz-ready``) with the first questions answerable; a
question far down gets its controls when it comes near, when it is reached by keyboard,
before printing, and in idle time; without JavaScript every question still reads and prints.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore::sphinx.deprecation.RemovedInSphinx11Warning"),
]

COUNT = 60
#: Keeps idle callbacks from running, so what is live comes only from the event under test.
NO_IDLE = "window.requestIdleCallback = () => 0;"


def _bank() -> str:
    questions = [
        {
            "id": f"q{n:02d}",
            "type": "single",
            "prompt": f"Question {n}: which year?",
            "choices": [
                {"text": f"{1990 + n}", "correct": True},
                {"text": f"{2030 + n}", "correct": False, "feedback": "Too late."},
            ],
        }
        for n in range(COUNT)
    ]
    return yaml.safe_dump({"bank": "long", "title": "Long", "questions": questions})


@pytest.fixture(scope="module")
def long_site(tmp_path_factory: pytest.TempPathFactory, serve: Callable[..., str]) -> str:
    from sphinx.testing.util import SphinxTestApp

    src = tmp_path_factory.mktemp("long") / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "quizgen"]\nquizgen_bank_dir = "."\n', "utf-8"
    )
    (src / "long.yaml").write_text(_bank(), "utf-8")
    (src / "index.md").write_text("# Long\n\n```{quiz} long\n```\n", "utf-8")
    app = SphinxTestApp("html", srcdir=src)
    try:
        app.build()
        assert "WARNING" not in app.warning.getvalue(), app.warning.getvalue()
    finally:
        app.cleanup()
    return serve(Path(app.outdir))


def _open(browser: Any, url: str, *, idle: bool = False, js: bool = True) -> Any:
    context = browser.new_context(viewport={"width": 1000, "height": 800}, java_script_enabled=js)
    if not idle:
        context.add_init_script(NO_IDLE)
    page = context.new_page()
    page.on("pageerror", lambda error: pytest.fail(str(error)))
    if js:
        page.add_init_script(
            "document.addEventListener('qz-ready', () => { window.__live ="
            " document.querySelectorAll('form.qz-live').length; });"
        )
    page.goto(f"{url}index.html")
    return page


def _live(page: Any, qid: str) -> bool:
    return bool(page.locator(f"form.qz-live[id$='-{qid}']").count())


def test_ready_with_the_first_questions_live_and_the_far_ones_not_yet(
    browser: Any, long_site: str
) -> None:
    page = _open(browser, long_site)
    page.wait_for_function("window.__live !== undefined")
    assert 1 <= page.evaluate("window.__live") < COUNT
    assert _live(page, "q00")
    page.locator("form[id$='-q00']").get_by_label("1990").check()
    page.locator("form[id$='-q00'] .qz-check").click()
    assert page.locator("form[id$='-q00'] .qz-status").inner_text() == "✓ Correct"
    assert not _live(page, "q59")
    page.context.close()


def test_a_far_question_gets_its_controls_when_it_comes_near(browser: Any, long_site: str) -> None:
    page = _open(browser, long_site)
    far = page.locator("form[id$='-q50']")
    far.scroll_into_view_if_needed()
    page.wait_for_selector("form.qz-live[id$='-q50']")
    far.get_by_label("2080").check()
    far.locator(".qz-check").click()
    assert far.locator(".qz-status").inner_text() == "✗ Incorrect"
    assert far.locator(".qz-feedback").inner_text().strip() == "Too late."
    page.context.close()


def test_reaching_a_question_by_keyboard_gives_it_controls(browser: Any, long_site: str) -> None:
    page = _open(browser, long_site)
    page.wait_for_function("window.__live !== undefined")
    page.evaluate("document.querySelector(\"form[id$='-q40'] summary\").focus()")
    assert _live(page, "q40")
    page.context.close()


def test_printing_and_idle_time_give_every_question_its_controls(
    browser: Any, long_site: str
) -> None:
    page = _open(browser, long_site)
    page.wait_for_function("window.__live !== undefined")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("form.qz-live").count() == COUNT
    page.context.close()
    idle = _open(browser, long_site, idle=True)
    idle.wait_for_function(f"document.querySelectorAll('form.qz-live').length === {COUNT}")
    idle.context.close()


def test_without_javascript_every_question_reads_as_lists(browser: Any, long_site: str) -> None:
    page = _open(browser, long_site, js=False)
    assert page.locator("form .qz-choices > li").count() == 2 * COUNT
    assert page.locator("form.qz-question input").count() == 0
    assert page.locator("details.qz-answer").count() == COUNT
    page.context.close()
