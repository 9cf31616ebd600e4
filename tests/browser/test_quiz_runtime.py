"""The quiz runtime in Chromium: every question type, by mouse and by keyboard alone.

Pages come from the extension's own test roots (tests/roots/test-quiz-*), built once per module.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore::sphinx.deprecation.RemovedInSphinx11Warning"),
]
ROOTS = Path(__file__).resolve().parents[1] / "roots"

#: Replaces window.print: fires the print events and records how many answers were open.
PRINT_STUB = """
window.__prints = [];
window.print = () => {
  window.dispatchEvent(new Event("beforeprint"));
  window.__prints.push(document.querySelectorAll(".qz-answer[open]").length);
  window.dispatchEvent(new Event("afterprint"));
};
"""


def build_root(name: str, out: Path, **overrides: Any) -> Path:
    """Build tests/roots/test-<name> in ``out``; returns the HTML folder."""
    from sphinx.testing.util import SphinxTestApp

    srcdir = out / "src"
    shutil.copytree(ROOTS / f"test-{name}", srcdir)
    app = SphinxTestApp("html", srcdir=srcdir, confoverrides=overrides or None)
    try:
        app.build()
        assert "WARNING" not in app.warning.getvalue(), app.warning.getvalue()
    finally:
        app.cleanup()
    return Path(app.outdir)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, serve: Callable[..., str]) -> str:
    out = build_root("quiz-basic", tmp_path_factory.mktemp("quiz-basic"))
    return serve(out)


@pytest.fixture(scope="module")
def draw_site(tmp_path_factory: pytest.TempPathFactory, serve: Callable[..., str]) -> str:
    root = tmp_path_factory.mktemp("quiz-draw")
    out = build_root("quiz-basic", root)
    index = root / "src" / "index.md"
    index.write_text(
        "# Draw\n\n```{toctree}\nother\nreading\n```\n\n```{quiz} demo\n:draw: 3\n```\n", "utf-8"
    )
    return serve(build_root_again(root / "src", out))


def build_root_again(srcdir: Path, out: Path) -> Path:
    from sphinx.testing.util import SphinxTestApp

    app = SphinxTestApp("html", srcdir=srcdir)
    try:
        app.build()
    finally:
        app.cleanup()
    return Path(app.outdir)


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(viewport={"width": 1000, "height": 900}, accept_downloads=True)
    ctx.add_init_script(PRINT_STUB)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: Any, site: str) -> Any:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{site}index.html")
    yield page
    assert not errors, errors


def form(page: Any, qid: str) -> Any:
    return page.locator(f"form[id$='-{qid}']")


def status(page: Any, qid: str) -> str:
    return form(page, qid).locator(".qz-status").inner_text()


CHECK = re.compile("^Check$")
#: The label text of the focused control (reading state, not acting on the page).
FOCUSED_LABEL = "document.activeElement.closest('label').textContent.trim()"


def live_form(page: Any, qid: str) -> Any:
    """The question once the runtime has added its controls (it does so as it comes near)."""
    f = form(page, qid)
    f.scroll_into_view_if_needed()
    page.wait_for_selector(f"form.qz-live[id$='-{qid}']")
    return f


def check(page: Any, qid: str) -> str:
    form(page, qid).get_by_role("button", name=CHECK).click()
    return status(page, qid)


def answer_by_mouse(page: Any, qid: str, right: bool) -> None:
    """Give the right (or a wrong) answer to one question of the demo bank with the mouse."""
    f = form(page, qid)
    if qid == "pick":
        f.get_by_label("1994" if right else "2000").check()
    elif qid == "many":
        f.get_by_label("The United States").check()
        f.get_by_label("North Korea").set_checked(right)
        f.get_by_label("Brazil").set_checked(not right)
    elif qid == "judge":
        f.get_by_label("False" if right else "True").check()
    elif qid == "blank":
        f.get_by_label("Your answer").fill(" PYONG yang " if right else "Seoul")
    elif qid == "year":
        f.get_by_label("Your answer").fill("۲۴" if right else "25")
    elif qid == "order":
        wanted = ["Agreed Framework", "Six-Party Talks", "Singapore summit"]
        if not right:
            wanted.reverse()
        for position, text in enumerate(wanted):
            for _ in range(3):
                items = f.locator(".qz-order .qz-item").all_inner_texts()
                if items.index(text) <= position:
                    break
                f.get_by_role("button", name=f"Move up: {text}").click()
    elif qid == "match":
        f.get_by_label("Singapore").select_option(label="2018")
        f.get_by_label("Hanoi").select_option(label="2019" if right else "2005")


ALL = ["pick", "many", "judge", "blank", "year", "order", "match"]


@pytest.mark.parametrize("qid", ALL)
def test_every_type_right_and_wrong_by_mouse(page: Any, qid: str) -> None:
    answer_by_mouse(page, qid, right=False)
    result = check(page, qid)
    assert result.startswith(("✗ Incorrect", "◐ Partly correct")), result
    form(page, qid).get_by_role("button", name="Try again").click()
    assert status(page, qid) == ""
    answer_by_mouse(page, qid, right=True)
    assert check(page, qid) == "✓ Correct"


def test_choice_feedback_explanation_hint_and_show_answer(page: Any) -> None:
    f = form(page, "pick")
    assert not f.get_by_text("Think of the mid-nineties.").is_visible()
    f.get_by_text("Hint").click()
    assert f.get_by_text("Think of the mid-nineties.").is_visible()
    f.get_by_label("2000").check()
    check(page, "pick")
    assert f.locator(".qz-feedback").get_by_text("Too late.").is_visible()
    assert f.locator(".qz-feedback").inner_text().strip() == "Too late."  # no "(b)" letter
    assert f.locator(".qz-mark").filter(has_text="✗ wrong choice").is_visible()
    assert f.get_by_text("It was signed in 1994.").first.is_visible()
    f.get_by_role("button", name="Show answer").click()
    assert status(page, "pick") == "ⓘ Answer shown"
    assert f.locator("details.qz-answer").get_attribute("open") is not None


def test_empty_and_unreadable_answers_are_explained_not_graded(page: Any) -> None:
    assert check(page, "pick") == "Answer the question first."
    form(page, "year").get_by_label("Your answer").fill("twenty")
    assert check(page, "year") == "Not a number: use digits, e.g. 12.5"


def test_short_answer_is_self_assessed_and_counted_as_such(page: Any) -> None:
    f = form(page, "essay")
    f.get_by_label("Your answer").fill("Sanctions relief was the sticking point.")
    assert "self-assessed" in check(page, "essay")
    assert f.get_by_text("The sides disagreed on sanctions relief").first.is_visible()
    f.get_by_label("Mentions sanctions relief").check()
    row = page.locator(".qz-objectives li[data-qz-objective=D2]")
    assert "0.5 of 1 (self-assessed)" in row.inner_text()


def test_keyboard_alone_answers_every_type(page: Any) -> None:
    kb = page.keyboard
    # single: arrow keys move the selection inside the radio group; Enter submits the form.
    form(page, "pick").locator("input").first.focus()
    for _ in range(3):
        if form(page, "pick").get_by_label("1994").is_checked():
            break
        kb.press("ArrowDown")
    kb.press("Enter")
    assert status(page, "pick") == "✓ Correct"
    # multiple: Tab between boxes, Space ticks.
    form(page, "many").locator("input").first.focus()
    for _ in range(3):
        name = page.evaluate(FOCUSED_LABEL)
        if name in ("The United States", "North Korea"):
            kb.press("Space")
        kb.press("Tab")
    page.locator("form[id$='-many'] .qz-check").focus()
    kb.press("Enter")
    assert status(page, "many") == "✓ Correct"
    # fill-blank and numeric: type, Enter.
    form(page, "blank").get_by_label("Your answer").focus()
    kb.type("پیونگ یانگ")
    kb.press("Enter")
    assert status(page, "blank") == "✓ Correct"
    form(page, "year").get_by_label("Your answer").focus()
    kb.type("24")
    kb.press("Enter")
    assert status(page, "year") == "✓ Correct"
    # ordering: the move buttons are real buttons; Enter presses them and focus follows.
    wanted = ["Agreed Framework", "Six-Party Talks", "Singapore summit"]
    f = form(page, "order")
    moved = False  # the learner's shuffle may already be the right order
    for position, text in enumerate(wanted):
        f.get_by_role("button", name=f"Move up: {text}").focus()
        for _ in range(3):
            if f.locator(".qz-order .qz-item").all_inner_texts().index(text) <= position:
                break
            kb.press("Enter")
            moved = True
    if moved:
        assert "Moved to position" in status(page, "order")
    f.locator(".qz-check").focus()
    kb.press("Enter")
    assert status(page, "order") == "✓ Correct"
    # matching: a native select changes with the arrow keys.
    f = form(page, "match")
    for left, right in (("Singapore", "2018"), ("Hanoi", "2019")):
        select = f.get_by_label(left)
        select.focus()
        for _ in range(5):
            if select.evaluate("(s) => s.selectedOptions[0].text") == right:
                break
            kb.press("ArrowDown")
    f.locator(".qz-check").focus()
    kb.press("Enter")
    assert status(page, "match") == "✓ Correct"


def test_focus_is_visible_on_controls(page: Any) -> None:
    form(page, "blank").get_by_label("Your answer").focus()
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")


def test_progress_survives_a_reload_and_reset_clears_it(page: Any) -> None:
    for qid in ("pick", "year", "match"):
        answer_by_mouse(page, qid, right=qid != "match")
        check(page, qid)
    page.reload()
    assert status(page, "pick") == "✓ Correct"
    assert form(page, "pick").get_by_label("1994").is_checked()
    assert form(page, "year").get_by_label("Your answer").input_value() == "۲۴"
    assert status(page, "match").startswith("◐ Partly correct")
    summary = page.locator(".qz-summary").inner_text()
    assert "3 of 8 questions answered" in summary
    assert "2.5 of 3" in summary
    page.get_by_role("button", name="Reset quiz").click()
    assert status(page, "pick") == ""
    assert not form(page, "pick").get_by_label("1994").is_checked()
    page.reload()
    assert status(page, "pick") == ""
    assert "0 of 8 questions answered" in page.locator(".qz-summary").inner_text()
    keys = page.evaluate("Object.keys(localStorage).filter((k) => k.includes(':demo:'))")
    assert keys == []


def test_summary_names_weak_objectives_and_links_their_section(page: Any) -> None:
    answer_by_mouse(page, "pick", right=False)
    check(page, "pick")
    answer_by_mouse(page, "blank", right=True)
    check(page, "blank")
    weak = page.locator(".qz-objectives li[data-qz-objective=D1]")
    strong = page.locator(".qz-objectives li[data-qz-objective=D2]")
    assert "0 of 1" in weak.inner_text()
    assert "1 of 1" in strong.inner_text()
    assert not strong.locator(".qz-review").is_visible()
    link = weak.get_by_role("link", name="The treaty")
    assert link.get_attribute("href") == "reading.html#reading-treaty"
    link.click()
    assert page.url.endswith("reading.html#reading-treaty")


def test_download_holds_name_date_scores_and_answers(page: Any) -> None:
    answer_by_mouse(page, "pick", right=True)
    check(page, "pick")
    page.get_by_label("Your name").fill("Sara")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download my results").click()
    text = Path(info.value.path()).read_text(encoding="utf-8")
    assert "Name: Sara" in text
    assert "Date: " in text
    assert "Recall when the treaty was signed.: 1 of 1" in text
    assert "1994" in text


def test_print_buttons_show_answers_only_for_the_key(page: Any) -> None:
    page.get_by_role("button", name="Print", exact=True).click()
    page.get_by_role("button", name="Print answer key").click()
    assert page.evaluate("window.__prints") == [0, 8]


def test_seed_parameter_gives_a_reproducible_variant(context: Any, site: str, browser: Any) -> None:
    def order(ctx: Any, query: str = "") -> list[str]:
        p = ctx.new_page()
        p.goto(f"{site}index.html{query}")
        found = p.locator("form[id$='-many'] .qz-choices label").all_inner_texts()
        p.close()
        return found

    fixed = order(context, "?qz-seed=1234")
    other = browser.new_context()
    try:
        assert order(other, "?qz-seed=1234") == fixed
    finally:
        other.close()
    mine = order(context)
    assert order(context) == mine, "a learner's order changed on reload"
    learners = set()
    for _ in range(8):
        fresh = browser.new_context()
        try:
            learners.add(tuple(order(fresh)))
        finally:
            fresh.close()
    assert len(learners) > 1, "every learner got the same order"


def test_draw_shows_the_same_questions_after_reload(browser: Any, draw_site: str) -> None:
    ctx = browser.new_context()
    try:
        p = ctx.new_page()
        p.goto(f"{draw_site}index.html")
        shown = p.locator("form.qz-question:visible").evaluate_all("(fs) => fs.map((f) => f.id)")
        assert len(shown) == 3
        numbers = p.locator("form.qz-question:visible .qz-number").all_inner_texts()
        assert numbers == ["1.", "2.", "3."]
        p.reload()
        again = p.locator("form.qz-question:visible").evaluate_all("(fs) => fs.map((f) => f.id)")
        assert again == shown
    finally:
        ctx.close()


def test_phone_width_has_no_sideways_scrolling(browser: Any, site: str) -> None:
    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        p = ctx.new_page()
        p.goto(f"{site}index.html")
        answer_by_mouse(p, "pick", right=False)
        check(p, "pick")
        width = p.evaluate(
            "Math.max(...[...document.querySelectorAll('.qz-quiz *')]"
            ".map((e) => e.getBoundingClientRect().right))"
        )
        assert width <= 390, f"quiz content reaches {width}px"
    finally:
        ctx.close()


def test_without_javascript_questions_and_collapsed_answers_remain(browser: Any, site: str) -> None:
    ctx = browser.new_context(java_script_enabled=False)
    try:
        p = ctx.new_page()
        p.goto(f"{site}index.html")
        assert p.get_by_text("Which year was the treaty").is_visible()
        assert not p.get_by_role("button", name="Check").first.is_visible()
        answer = p.locator("form[id$='-pick'] details.qz-answer")
        assert answer.get_attribute("open") is None
        answer.locator("summary").click()
        assert answer.get_by_text("It was signed in 1994.").is_visible()
    finally:
        ctx.close()


#: Saved records crafted to fit the page loosely: each joins, sorts or indexes like a real one.
CRAFTED = {
    "order": [{"a": ["0,1", 2], "st": "correct"}, {"a": [0, 0, 1], "st": "partly"}],
    "match": [{"a": [9, 9, 9], "st": "incorrect"}, {"a": {"length": 3}, "st": "correct"}],
    "pick": [{"a": [0, 1, 2], "st": "correct"}, {"a": "1", "st": "incorrect"}],
    "essay": [{"a": {"t": 5, "k": "yes"}, "st": "self"}],
}


@pytest.mark.parametrize(
    ("qid", "record"),
    [(qid, record) for qid, records in CRAFTED.items() for record in records],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_a_crafted_saved_record_is_dropped_not_shown(page: Any, qid: str, record: dict) -> None:
    before = live_form(page, qid).inner_text()
    page.evaluate(
        """([qid, record]) => {
          const quiz = document.querySelector(".qz-quiz").dataset;
          const key = `${quiz.qzStore || "quizgen"}:${quiz.qzLang}:${quiz.qzBank}:${qid}`;
          localStorage.setItem(key, JSON.stringify(record));
        }""",
        [qid, record],
    )
    page.reload()
    assert "undefined" not in live_form(page, qid).inner_text()
    assert status(page, qid) == ""
    assert form(page, qid).inner_text() == before
    keys = page.evaluate("Object.keys(localStorage).filter((k) => k.includes(':demo:'))")
    assert keys == [], "the record that does not fit is forgotten"
