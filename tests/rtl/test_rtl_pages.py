"""The Persian edition reads right to left on every page, at desktop and phone widths."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

HTML_TAG = re.compile(r"<html\b[^>]*>")
SCREENSHOT_WIDTHS = (1280, 390)


def _html_tag(page: Path) -> str:
    match = HTML_TAG.search(page.read_text("utf-8"))
    assert match, f"{page}: no <html> tag"
    return match.group(0)


def test_every_persian_page_is_marked_rtl(built_site: Path, persian_pages: list[str]) -> None:
    wrong = [
        name
        for name in persian_pages
        if not {'lang="fa"', 'dir="rtl"'} <= set(_html_tag(built_site / "fa" / name).split())
    ]
    assert not wrong


def test_english_pages_stay_ltr(built_site: Path, english_pages: list[str]) -> None:
    tags = {name: _html_tag(built_site / "en" / name) for name in english_pages}
    assert all('lang="en"' in tag and "rtl" not in tag for tag in tags.values())


def test_persian_footer_year_uses_persian_digits(built_site: Path) -> None:
    footer = (built_site / "fa" / "index.html").read_text("utf-8").split("<footer>", 1)[1]
    copyright_line = footer.split('class="copyright">', 1)[1].split("</div>", 1)[0]
    assert re.search("[۰-۹]{4}", copyright_line)
    assert not re.search("[0-9]{4}", copyright_line)


def test_rtl_stylesheet_and_font_only_in_the_persian_edition(built_site: Path) -> None:
    persian = (built_site / "fa" / "theory.html").read_text("utf-8")
    english = (built_site / "en" / "theory.html").read_text("utf-8")
    assert "_static/rtl.css" in persian
    assert "_static/rtl.css" not in english
    fonts = built_site / "fa" / "_static" / "fonts" / "vazirmatn"
    font = fonts / "vazirmatn-arabic-400-normal.woff2"
    assert font.read_bytes()[:4] == b"wOF2"


_LAYOUT = """() => {
  const box = (selector) => {
    const element = document.querySelector(selector);
    return element ? element.getBoundingClientRect().toJSON() : null;
  };
  const style = (selector, property) => {
    const element = document.querySelector(selector);
    return element ? getComputedStyle(element)[property] : null;
  };
  return {
    article: box("article[role=main]"),
    navigation: box(".sidebar-drawer"),
    direction: style("article[role=main]", "direction"),
    paragraphAlign: style("article[role=main] section p", "textAlign"),
    codeDirection: style("article[role=main] pre", "direction"),
    orderedList: style("article[role=main] ol:not(.qz-quiz ol)", "listStyleType"),
    orderingNumbers: (() => {
      const item = document.querySelector(".qz-order .qz-item");
      return item ? getComputedStyle(item, "::before").content : null;
    })(),
    overflow: document.scrollingElement.scrollWidth - window.innerWidth,
  };
}"""


@pytest.mark.browser
@pytest.mark.slow
def test_persian_pages_are_mirrored_at_desktop_and_phone_widths(
    built_site: Path,
    persian_pages: list[str],
    serve: object,
    browser: object,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Screenshot each page at 1280 and 390 px and check the mirrored layout.

    At 1280 px the navigation sidebar sits on the right, the text to its left; text runs right
    to left while code stays left to right. At 390 px nothing scrolls sideways.
    """
    shots = tmp_path_factory.mktemp("rtl-screenshots")
    base = serve(built_site)  # type: ignore[operator]
    page = browser.new_page()  # type: ignore[attr-defined]
    problems: list[str] = []
    try:
        for width in SCREENSHOT_WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            for name in persian_pages:
                page.goto(f"{base}fa/{name}", wait_until="load")
                page.screenshot(path=shots / f"{name.replace('/', '__')}-{width}.png")
                layout = page.evaluate(_LAYOUT)
                problems += _layout_problems(f"{name} @{width}", width, layout)
    finally:
        page.close()
    assert not problems, f"screenshots in {shots}\n" + "\n".join(problems)


def _layout_problems(where: str, width: int, layout: dict[str, object]) -> list[str]:
    problems = []
    if layout["direction"] != "rtl":
        problems.append(f"{where}: main text direction is {layout['direction']}")
    if layout["paragraphAlign"] not in (None, "start", "right", "justify"):
        problems.append(f"{where}: paragraphs align {layout['paragraphAlign']}")
    if layout["codeDirection"] not in (None, "ltr"):
        problems.append(f"{where}: code runs {layout['codeDirection']}")
    if layout["orderedList"] not in (None, "persian"):
        problems.append(f"{where}: ordered lists numbered {layout['orderedList']}")
    numbers = layout["orderingNumbers"]
    if numbers is not None and "persian" not in str(numbers):
        problems.append(f"{where}: ordering items numbered {numbers}")
    if width >= 1280:
        article, navigation = layout["article"], layout["navigation"]
        assert isinstance(article, dict) and isinstance(navigation, dict)
        if not article["right"] <= navigation["left"] + 1:
            problems.append(f"{where}: text not left of the navigation sidebar")
    elif int(layout["overflow"]) > 1:  # type: ignore[call-overload]
        problems.append(f"{where}: page scrolls sideways by {layout['overflow']} px")
    return problems
