"""The course site in a browser whose storage is blocked (private windows, strict cookies)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: What a browser with storage blocked does: every touch of either store throws.
BLOCK_STORAGE = """
for (const name of ["localStorage", "sessionStorage"]) {
  Object.defineProperty(window, name, {
    configurable: true,
    get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
  });
}
"""


@pytest.mark.parametrize(
    "path", ["en/quizzes/theory.html", "fa/quizzes/theory.html", "en/search.html?q=treaty"]
)
def test_pages_work_quietly_with_storage_blocked(
    built_site: Path, serve: object, browser: object, path: str
) -> None:
    base = serve(built_site)  # type: ignore[operator]
    context = browser.new_context()  # type: ignore[attr-defined]
    context.add_init_script(BLOCK_STORAGE)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    try:
        page.goto(f"{base}{path}", wait_until="load")
        if "search" in path:
            page.locator("#search-results ul.search li a").first.wait_for(timeout=10_000)
        else:
            page.locator(".theme-toggle:visible").first.click()  # the theme remembers its mode
            form = page.locator("""form.qz-question[data-qz*='"t":"single"']:visible""").first
            form.locator("input").first.check()
            form.locator("button[type=submit]").click()
            assert form.locator(".qz-status").inner_text().strip()
    finally:
        context.close()
    assert not errors, errors
