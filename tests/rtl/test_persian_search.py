"""Persian search: the Python indexer and the browser stemmer agree, and the site finds pages."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml

from quizgen.course import persian_search
from quizgen.course.persian_search import SearchPersian, normalise, split, stem

CASES = yaml.safe_load((Path(__file__).parent / "persian_search_cases.yaml").read_text("utf-8"))
JS = Path(persian_search.__file__).with_suffix(".js")


def _term(text: str) -> str:
    """The index term Sphinx stores for one typed word."""
    (word,) = split(text)
    return stem(word)


@pytest.mark.parametrize(("typed", "expected"), CASES["normalise"])
def test_normalise(typed: str, expected: str) -> None:
    assert normalise(typed) == expected


@pytest.mark.parametrize(("typed", "expected"), CASES["stem"])
def test_stem(typed: str, expected: str) -> None:
    assert _term(typed) == expected


@pytest.mark.parametrize("spellings", CASES["same_term"], ids=lambda group: group[0])
def test_spellings_meet_in_one_term(spellings: list[str]) -> None:
    assert len({_term(spelling) for spelling in spellings}) == 1


def test_zwnj_does_not_split_a_word() -> None:
    assert split("کتاب‌ها و مقاله‌ها") == ["کتابها", "و", "مقالهها"]


def test_stopwords_stay_out_of_the_index() -> None:
    language = SearchPersian({})
    assert not language.word_filter(language.stem("برای"))
    assert language.word_filter(language.stem("قدرت"))


_NODE_RUNNER = """
const vm = require("vm");
const fs = require("fs");
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const context = {};
vm.createContext(context);
vm.runInContext(fs.readFileSync(input.js, "utf8") + "\\nthis.PersianSearch = PersianSearch;"
  + "this.Stemmer = Stemmer;", context);
const stemmer = new context.Stemmer();
const out = input.words.map((word) => ({
  normalised: context.PersianSearch.normalise(word),
  terms: context.PersianSearch.split(word).map((w) => stemmer.stemWord(w)),
}));
process.stdout.write(JSON.stringify(out));
"""


@pytest.fixture(scope="module")
def browser_terms() -> dict[str, dict[str, object]]:
    """Every case word through persian_search.js in Node, as the browser runs it."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is needed to run the browser stemmer")
    words = sorted(
        {case[0] for case in CASES["normalise"] + CASES["stem"]}
        | {word for group in CASES["same_term"] for word in group}
    )
    done = subprocess.run(
        [node, "-e", _NODE_RUNNER],
        input=json.dumps({"js": str(JS), "words": words}),
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(zip(words, json.loads(done.stdout), strict=True))


def test_browser_normalises_like_python(browser_terms: dict[str, dict[str, object]]) -> None:
    python = {word: normalise(word) for word in browser_terms}
    assert {word: result["normalised"] for word, result in browser_terms.items()} == python


def test_browser_stems_like_python(browser_terms: dict[str, dict[str, object]]) -> None:
    python = {word: [stem(w) for w in split(word)] for word in browser_terms}
    assert {word: result["terms"] for word, result in browser_terms.items()} == python


# A word of the Persian edition, typed four ways: as written, without the zero-width non-joiner,
# with Arabic letters, and with a plural suffix the page may not use in that form.
def _variants(word: str) -> list[str]:
    return [
        word,
        word.replace("\u200c", ""),
        word.replace("ی", "ي").replace("ک", "ك"),
        word + "‌ها",
    ]


def _persian_word_on(page: Path) -> str:
    """A content word with ی or ک from the page's main text, long enough to be specific."""
    from html.parser import HTMLParser

    class Words(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.inside = 0
            self.words: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "article":
                self.inside += 1

        def handle_endtag(self, tag: str) -> None:
            if tag == "article":
                self.inside -= 1

        def handle_data(self, data: str) -> None:
            if self.inside:
                self.words += data.split()

    parser = Words()
    parser.feed(page.read_text("utf-8"))
    for word in parser.words:
        clean = word.strip(".,:;«»()[]،؛؟!")
        if (
            len(clean) >= 6
            and ("ی" in clean or "ک" in clean)
            and all("\u0600" <= char <= "\u06ff" or char == "\u200c" for char in clean)
        ):
            return clean
    pytest.skip(f"{page.name} has no Persian text yet (its catalog is not translated)")


@pytest.mark.browser
@pytest.mark.slow
def test_persian_edition_finds_a_page_however_the_word_is_typed(
    built_site: Path, serve: object, browser: object
) -> None:
    word = _persian_word_on(built_site / "fa" / "theory.html")
    base = serve(built_site)  # type: ignore[operator]
    page = browser.new_page()  # type: ignore[attr-defined]
    missed = []
    try:
        for variant in _variants(word):
            page.goto(f"{base}fa/search.html?q={quote(variant)}")
            results = page.locator("#search-results ul.search li a")
            try:
                results.first.wait_for(timeout=10_000)
            except Exception:  # Playwright's TimeoutError: no result at all
                missed.append(variant)
                continue
            hrefs = results.evaluate_all("links => links.map(a => a.getAttribute('href'))")
            if not any("theory.html" in href for href in hrefs):
                missed.append(variant)
    finally:
        page.close()
    assert not missed, f"searching the Persian edition for {missed} did not find theory.html"


@pytest.mark.browser
@pytest.mark.slow
def test_persian_search_with_results_throws_nothing_and_says_how_many(
    built_site: Path, serve: object, browser: object
) -> None:
    """Sphinx's Persian plural rule gives true/false; search-summary.js makes it an index."""
    word = _persian_word_on(built_site / "fa" / "theory.html")
    base = serve(built_site)  # type: ignore[operator]
    page = browser.new_page()  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(f"{base}fa/search.html?q={quote(word)}")
        page.locator("#search-results ul.search li a").first.wait_for(timeout=10_000)
        page.wait_for_function(
            "document.querySelector('#search-results .search-summary')?.innerText.trim()",
            timeout=15_000,
        )
        text = page.locator("#search-results .search-summary").inner_text()
    finally:
        page.close()
    assert not errors, errors
    assert text.startswith("جستجو تمام شد"), text
    assert "undefined" not in text
