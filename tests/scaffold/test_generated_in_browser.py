"""A new project in Chromium: its quiz answers, and its right-to-left editions pass axe."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: What the status line says after a right answer, per edition.
CORRECT = {"en": "Correct", "fa": "درست است", "ar": "إجابة صحيحة"}
#: The label of the "False" choice, per edition.
FALSE = {"en": "False", "fa": "نادرست", "ar": "خطأ"}
CHECK = {"en": "Check", "fa": "بررسی", "ar": "تحقّق"}
#: (rule, element) pairs tolerated, each with its reason; the same as tests/rtl's.
TOLERATED = {
    ("landmark-unique", ".sidebar-drawer"): "Furo's two unlabelled <aside> elements",
    ("landmark-unique", ".toc-drawer"): "the same pair of Furo <aside> elements",
}
_AXE_RUN = """async () => (await axe.run(document, {resultTypes: ["violations"]}))
  .violations.flatMap((v) => v.nodes.map((n) => ({id: v.id, target: n.target.join(" ")})))"""


def _editions(site: Path) -> list[str]:
    return sorted(path.parent.name for path in site.glob("*/index.html"))


def test_quiz_answers_in_every_edition(built_project: Path, serve: Any, browser: Any) -> None:
    base = serve(built_project)
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        for language in _editions(built_project):
            page.goto(f"{base}{language}/unit-1.html")
            form = page.locator("form[id$='-answers-stay']")
            form.get_by_label(FALSE[language], exact=True).check()
            form.get_by_role("button", name=CHECK[language], exact=True).click()
            assert CORRECT[language] in form.locator(".qz-status").inner_text()
    finally:
        page.close()
    assert not errors, errors


@pytest.mark.parametrize("built_project", ["en-fa", "en-ar"], indirect=True)
def test_right_to_left_editions_pass_axe(
    built_project: Path, serve: Any, browser: Any, axe_source: str
) -> None:
    rtl = [language for language in _editions(built_project) if language in {"fa", "ar"}]
    assert rtl
    base = serve(built_project)
    page = browser.new_page()
    found: list[str] = []
    try:
        for language in rtl:
            for name in ("index.html", "unit-1.html", "glossary.html", "404.html"):
                page.goto(f"{base}{language}/{name}", wait_until="load")
                assert page.evaluate("document.documentElement.dir") == "rtl"
                page.add_script_tag(content=axe_source)
                found += [
                    f"{language}/{name}: {v['id']} at {v['target']}"
                    for v in page.evaluate(_AXE_RUN)
                    if (v["id"], v["target"]) not in TOLERATED
                ]
    finally:
        page.close()
    assert not found, "\n".join(found)
