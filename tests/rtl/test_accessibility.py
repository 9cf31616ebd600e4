"""axe-core finds no accessibility violation on any page of either edition."""

from __future__ import annotations

from pathlib import Path

import pytest
from edition_pages import site_pages

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: (rule, element) pairs tolerated, each with its reason. Every other violation fails.
TOLERATED: dict[tuple[str, str], str] = {}

_AXE_RUN = """async () => (await axe.run(document, {resultTypes: ["violations"]}))
  .violations.flatMap((v) => v.nodes.map((n) => ({
    id: v.id, impact: v.impact, help: v.help, target: n.target.join(" ")})))"""


@pytest.mark.parametrize("edition", ["en", "fa"])
def test_no_axe_violations_on_any_page(
    built_site: Path, serve: object, browser: object, axe_source: str, edition: str
) -> None:
    base = serve(built_site)  # type: ignore[operator]
    page = browser.new_page()  # type: ignore[attr-defined]
    found: list[str] = []
    try:
        for name in site_pages(built_site / edition):
            page.goto(f"{base}{edition}/{name}", wait_until="load")
            page.add_script_tag(content=axe_source)
            found += [
                f"{edition}/{name}: {v['id']} ({v['impact']}): {v['help']} at {v['target']}"
                for v in page.evaluate(_AXE_RUN)
                if (v["id"], v["target"]) not in TOLERATED
            ]
    finally:
        page.close()
    assert not found, "\n".join(found)
