"""axe-core finds nothing on a quiz page in English and in Persian (RTL), answered or not."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore::sphinx.deprecation.RemovedInSphinx11Warning"),
]
ROOTS = Path(__file__).resolve().parents[1] / "roots"

#: Every violation with where it is; none is tolerated on the extension's own test pages.
AXE_RUN = """async () => (await axe.run(document, {resultTypes: ["violations"]}))
  .violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} at ${n.target.join(" ")}`))"""


def _build(name: str, out: Path) -> Path:
    from sphinx.testing.util import SphinxTestApp

    srcdir = out / "src"
    shutil.copytree(ROOTS / f"test-{name}", srcdir)
    app = SphinxTestApp("html", srcdir=srcdir)
    try:
        app.build()
    finally:
        app.cleanup()
    return Path(app.outdir)


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory, serve: Callable[..., str]) -> dict[str, str]:
    return {
        lang: serve(_build(root, tmp_path_factory.mktemp(root)))
        for lang, root in (("en", "quiz-basic"), ("fa", "quiz-fa"))
    }


def _poke(page: Any) -> None:
    """Answer some questions wrongly and some rightly, so feedback styles are checked too."""
    for form in page.locator("form.qz-question").all()[:5]:
        boxes = form.locator("input[type=radio], input[type=checkbox]")
        if boxes.count():
            boxes.nth(1).check()
        text = form.locator("input[type=text]")
        if text.count():
            text.fill("24")
        form.locator(".qz-check").click()
    page.locator("form.qz-question").nth(5).locator(".qz-show").click()


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_quiz_page_has_no_axe_violations(
    browser: Any, axe_source: str, sites: dict[str, str], lang: str
) -> None:
    page = browser.new_page()
    try:
        page.goto(f"{sites[lang]}index.html")
        if lang == "fa":
            assert page.evaluate("document.documentElement.dir") == "rtl"
        page.add_script_tag(content=axe_source)
        before = page.evaluate(AXE_RUN)
        _poke(page)
        after = page.evaluate(AXE_RUN)
        assert before == [], "\n".join(before)
        assert after == [], "\n".join(after)
    finally:
        page.close()


def test_persian_quiz_flows_right_to_left_and_reads_persian_digits(
    browser: Any, sites: dict[str, str]
) -> None:
    page = browser.new_page()
    try:
        page.goto(f"{sites['fa']}index.html")
        form = page.locator("form[id$='-year']")
        box = form.locator("input[type=text]")
        box.fill("۲۴")
        form.locator(".qz-check").click()
        assert form.locator(".qz-status").inner_text() == "✓ درست است"
        legend = form.locator("legend").bounding_box()
        fieldset = form.locator("fieldset").bounding_box()
        assert legend and fieldset
        right_gap = fieldset["x"] + fieldset["width"] - (legend["x"] + legend["width"])
        assert right_gap < legend["x"] - fieldset["x"], "the legend does not start on the right"
        summary = page.locator(".qz-total").inner_text()
        assert "۱" in summary and "۸" in summary, summary
    finally:
        page.close()
