"""One quiz under each tested theme, light and dark, wide and narrow: axe, contrast, screenshots.

Each theme is built once; one Chromium serves every case. Screenshots are written to
``build/theme-screenshots/<theme>-<mode>-<width>.png`` for a person to look at.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [
    pytest.mark.browser,
    # The themes' own use of Sphinx APIs deprecated in Sphinx 9, not ours.
    pytest.mark.filterwarnings(r"ignore:'(sphinx_book_theme|pydata_sphinx_theme)\..*deprecated"),
]

PROJECT = Path(__file__).resolve().parents[2]
ROOT = PROJECT / "tests" / "roots" / "test-quiz-basic"
SHOTS = PROJECT / "build" / "theme-screenshots"
#: html_theme -> how the theme's own light/dark switch is set (``None``: it has none).
THEMES: dict[str, str | None] = {
    "furo": "body",
    "pydata_sphinx_theme": "html",
    "sphinx_book_theme": "html",
    "alabaster": None,
    "sphinx_rtd_theme": None,
    "classic": None,
}
WIDTHS = (1280, 390)
#: (theme, axe rule, part of the target) -> why it is tolerated.
TOLERATED = {
    ("sphinx_rtd_theme", "color-contrast", ".reference"): (
        "the theme's own link colour, #2980b9 on white (4.3:1), on every link of every page; "
        "the quiz keeps the host's link colour rather than restyling its links"
    ),
}

SET_MODE = """([where, mode]) => {
  if (where === "body") document.body.dataset.theme = mode;
  if (where === "html") { document.documentElement.dataset.theme = mode;
                          document.documentElement.dataset.mode = mode; }
}"""

#: Answer two questions, one right and one wrong, so the coloured feedback is on screen.
ANSWER = """() => {
  const pick = document.querySelector("form[id$='-pick']");
  pick.querySelector("input[value='0']").click();
  pick.querySelector(".qz-check").click();
  const many = document.querySelector("form[id$='-many']");
  many.querySelector("input[value='2']").click();
  many.querySelector(".qz-check").click();
}"""

#: Contrast of every coloured status and mark against the background behind it.
CONTRASTS = """() => {
  const rgb = (c) => c.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const background = (el) => { for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length < 4 || c[3] > 0) return c; }
    return [255, 255, 255]; };
  return [...document.querySelectorAll(".qz-status:not(:empty), .qz-mark:not(:empty), legend")]
    .map((el) => { const a = lum(rgb(getComputedStyle(el).color)), b = lum(background(el));
      return [el.className || el.tagName, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)]; });
}"""

#: How far a list starts inside its fieldset's content box (0 when not indented).
INDENT = """(e) => { const box = e.parentElement, cs = getComputedStyle(box);
  return e.getBoundingClientRect().left - box.getBoundingClientRect().left
    - parseFloat(cs.borderLeftWidth) - parseFloat(cs.paddingLeft); }"""

AXE_RUN = """async () => (await axe.run(".qz-quiz", {resultTypes: ["violations"]}))
  .violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} at ${n.target.join(" ")}`))"""


def build_with_theme(theme: str, out: Path) -> Path:
    from sphinx.testing.util import SphinxTestApp

    srcdir = out / "src"
    shutil.copytree(ROOT, srcdir, ignore=shutil.ignore_patterns("_templates"))
    index = srcdir / "index.md"
    index.write_text(index.read_text("utf-8") + "\n```{quiz-objectives} demo\n```\n", "utf-8")
    app = SphinxTestApp(
        "html", srcdir=srcdir, confoverrides={"html_theme": theme, "templates_path": []}
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return Path(app.outdir)


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory, serve: Callable[..., str]) -> dict[str, str]:
    return {t: serve(build_with_theme(t, tmp_path_factory.mktemp(t))) for t in THEMES}


@pytest.mark.parametrize("theme", THEMES)
def test_quiz_reads_well_in_the_theme_light_and_dark(
    theme: str, sites: dict[str, str], browser: Any, axe_source: str
) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for mode in ("light", "dark"):
        # A theme with a switch must follow the switch even when the system says otherwise.
        system = mode if THEMES[theme] is None else {"light": "dark", "dark": "light"}[mode]
        context = browser.new_context(color_scheme=system, viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(sites[theme] + "index.html")
        if THEMES[theme]:
            page.evaluate(SET_MODE, [THEMES[theme], mode])
        page.evaluate(ANSWER)
        quiz = page.locator(".qz-quiz")
        legend = page.locator("form[id$='-pick'] legend")
        body_size = page.evaluate("() => getComputedStyle(document.body).fontSize")
        assert legend.evaluate("(e) => getComputedStyle(e).fontSize") == body_size or float(
            legend.evaluate("(e) => parseFloat(getComputedStyle(e).fontSize)")
        ) <= 1.15 * float(body_size.removesuffix("px")), f"{theme}: prompt drawn as a heading"
        order = page.locator(".qz-order").first
        indent = order.evaluate(INDENT)
        assert abs(indent) < 2, f"{theme}: ordering list indented by {indent}px"
        bullets = page.locator("ul.qz-objectives").last.evaluate(
            "(e) => getComputedStyle(e).listStyleType"
        )
        assert bullets == "disc", f"{theme}: objective bullets lost"
        for what, ratio in page.evaluate(CONTRASTS):
            assert ratio >= 4.5, f"{theme} {mode}: {what} contrast {ratio:.2f}:1"
        page.add_script_tag(content=axe_source)
        found = [
            v for v in page.evaluate(AXE_RUN)
            if not any(t == theme and v.startswith(rule) and part in v
                       for t, rule, part in TOLERATED)
        ]  # fmt: skip
        assert found == [], f"{theme} {mode}"
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            quiz.screenshot(path=SHOTS / f"{theme}-{mode}-{width}.png")
        context.close()
