"""The site in Chromium as a static host serves it: from a sub-path, offline, and 404s."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from hosting import EDITIONS

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_every_page_loads_from_a_sub_path_with_no_other_host_and_no_console_error(
    built_site: Path, pages_by_edition: dict[str, list[str]], serve: object, browser: object
) -> None:
    """One visit per page checks three things a static host needs.

    Fonts, scripts and styles are self-hosted (any request to another host is logged and
    refused), relative URLs work under ``/course/``, and no page logs a console error.
    """
    base = serve(built_site, "course")  # type: ignore[operator]
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(base))
    page = browser.new_page()  # type: ignore[attr-defined]
    foreign: list[str] = []
    failed: list[str] = []
    errors: list[str] = []
    current = [""]

    def route(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if url.startswith(origin) or url.startswith("data:"):
            route.continue_()  # type: ignore[attr-defined]
        else:
            foreign.append(f"{current[0]}: {url}")
            route.abort()  # type: ignore[attr-defined]

    page.route("**/*", route)
    page.on("response", lambda r: r.status >= 400 and failed.append(f"{current[0]}: {r.url}"))
    page.on("console", lambda m: m.type == "error" and errors.append(f"{current[0]}: {m.text}"))
    page.on("pageerror", lambda e: errors.append(f"{current[0]}: {e}"))
    try:
        for edition, pages in pages_by_edition.items():
            for name in pages:
                if name == "404.html":
                    continue  # its links are absolute by design; see the test below
                current[0] = f"{edition}/{name}"
                page.goto(f"{base}{edition}/{name}", wait_until="load")
    finally:
        page.close()
    assert not foreign, "requests to other hosts:\n" + "\n".join(foreign[:20])
    assert not failed, "missing files under /course/:\n" + "\n".join(failed[:20])
    assert not errors, "console errors:\n" + "\n".join(errors[:20])


@pytest.mark.parametrize("not_found", ["404.html", "en/404.html", "fa/404.html"])
def test_404_page_works_at_any_depth(
    built_site: Path, base_path: str, serve: object, browser: object, not_found: str
) -> None:
    """Served in place of a deep missing URL, the 404 page still finds its styles and links."""
    if base_path != "/":
        pytest.skip("the session's site was built for a sub-path; served here from /")
    base = serve(built_site)  # type: ignore[operator]
    body = (built_site / not_found).read_bytes()
    missing_url = f"{base}en/no/such/deep/page.html"
    page = browser.new_page()  # type: ignore[attr-defined]
    failed: list[str] = []
    page.route(
        missing_url,
        lambda route: route.fulfill(status=404, body=body, content_type="text/html"),
    )
    page.on("response", lambda r: r.status >= 400 and r.url != missing_url and failed.append(r.url))
    try:
        page.goto(missing_url, wait_until="load")
        hrefs = page.locator("main a, article a").evaluate_all(
            "links => links.map(a => a.href).filter(h => h.startsWith(location.origin))"
        )
        assert hrefs, "the 404 page offers no way back"
        statuses = {
            href: page.request.get(href).status
            for href in hrefs
            if "#" not in href and "no/such" not in href
        }
        sheets = page.evaluate("document.styleSheets.length")
    finally:
        page.close()
    assert not failed, f"assets the 404 page could not load: {failed}"
    assert all(status == 200 for status in statuses.values()), statuses
    assert sheets >= 1


def test_english_search_finds_a_unit_page(built_site: Path, serve: object, browser: object) -> None:
    base = serve(built_site)  # type: ignore[operator]
    page = browser.new_page()  # type: ignore[attr-defined]
    try:
        page.goto(f"{base}en/search.html?q={quote('soft power')}")
        results = page.locator("#search-results ul.search li a")
        results.first.wait_for(timeout=10_000)
        hrefs = results.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    finally:
        page.close()
    assert any(href.startswith("theory.html") for href in hrefs), hrefs


@pytest.mark.parametrize(
    ("locale", "remembered", "expected"),
    [
        ("fa-IR", None, "fa"),
        ("en-US", None, "en"),
        ("de-DE", None, "en"),
        ("en-US", "fa", "fa"),
        ("fa-IR", "en", "en"),
    ],
)
def test_root_opens_the_remembered_or_browser_edition(
    built_site: Path,
    serve: object,
    browser: object,
    locale: str,
    remembered: str | None,
    expected: str,
) -> None:
    base = serve(built_site)  # type: ignore[operator]
    context = browser.new_context(locale=locale)  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        if remembered:
            page.goto(f"{base}index.html?choose")
            page.evaluate("edition => localStorage.setItem('course-edition', edition)", remembered)
        page.goto(base)
        page.wait_for_url(f"{base}{expected}/index.html")
        assert page.evaluate("document.documentElement.lang") == expected
    finally:
        context.close()


def test_root_without_javascript_offers_both_editions(
    built_site: Path, serve: object, browser: object
) -> None:
    base = serve(built_site)  # type: ignore[operator]
    context = browser.new_context(java_script_enabled=False, locale="fa-IR")  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        page.goto(base)
        assert page.url == base
        for edition in EDITIONS:
            link = page.locator(f'a[href="{edition}/index.html"]')
            assert link.is_visible()
        page.locator('a[href="fa/index.html"]').click()
        page.wait_for_url(f"{base}fa/index.html")
    finally:
        context.close()


def test_switching_edition_is_remembered_by_the_root(
    built_site: Path, serve: object, browser: object
) -> None:
    base = serve(built_site)  # type: ignore[operator]
    context = browser.new_context(locale="en-US")  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        page.goto(f"{base}en/theory.html")
        page.locator('.course-editions a[data-edition="fa"]').click()
        page.wait_for_url(f"{base}fa/theory.html")
        page.goto(base)
        page.wait_for_url(f"{base}fa/index.html")
    finally:
        context.close()
