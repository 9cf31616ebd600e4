"""A phone on a slow link: the first load of a unit page stays under 200 KB gzipped."""

from __future__ import annotations

import gzip
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

BUDGET = 200 * 1024
UNIT_PAGES = ("theory.html", "history.html", "challenges.html", "requirements.html")


@pytest.mark.parametrize("edition", ["en", "fa"])
def test_first_load_of_each_unit_page_fits_the_budget(
    built_site: Path, serve: object, browser: object, edition: str
) -> None:
    """HTML plus every stylesheet, script, font and image the page requests, each gzipped.

    A fresh browser context per page, so nothing comes from the cache.
    """
    base = serve(built_site)  # type: ignore[operator]
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(base))
    weights: dict[str, dict[str, int]] = {}
    for name in UNIT_PAGES:
        context = browser.new_context()  # type: ignore[attr-defined]
        page = context.new_page()
        responses: list[object] = []
        page.on("response", lambda response, seen=responses: seen.append(response))
        try:
            page.goto(f"{base}{edition}/{name}", wait_until="networkidle")
            weights[name] = {
                response.url.removeprefix(origin): len(gzip.compress(response.body(), 6))  # type: ignore[attr-defined]
                for response in responses
                if response.status == 200  # type: ignore[attr-defined]
            }
        finally:
            context.close()
    over = {
        name: (sum(files.values()), sorted(files.items(), key=lambda item: -item[1])[:5])
        for name, files in weights.items()
        if sum(files.values()) > BUDGET
    }
    assert not over, f"over {BUDGET // 1024} KB gzipped (total, largest files): {over}"
    assert all(any(url.endswith(name) for url in files) for name, files in weights.items())
