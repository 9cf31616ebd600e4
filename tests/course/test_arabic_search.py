"""Arabic search: the Python indexer and the browser stemmer fold and stem words alike."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from quizgen.course import arabic_search
from quizgen.course.arabic_search import SearchArabic, normalise, split, stem

CASES = yaml.safe_load((Path(__file__).parent / "arabic_search_cases.yaml").read_text("utf-8"))
JS = Path(arabic_search.__file__).with_suffix(".js")


def _term(text: str) -> str:
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


def test_stopwords_stay_out_of_the_index() -> None:
    language = SearchArabic({})
    assert not language.word_filter(language.stem("في"))
    assert language.word_filter(language.stem("مكتبة"))


_NODE_RUNNER = """
const vm = require("vm");
const fs = require("fs");
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const context = {};
vm.createContext(context);
vm.runInContext(fs.readFileSync(input.js, "utf8") + "\\nthis.ArabicSearch = ArabicSearch;"
  + "this.Stemmer = Stemmer;", context);
const stemmer = new context.Stemmer();
process.stdout.write(JSON.stringify(input.words.map((word) => ({
  normalised: context.ArabicSearch.normalise(word),
  terms: context.ArabicSearch.split(word).map((w) => stemmer.stemWord(w)),
}))));
"""


def test_browser_agrees_with_python() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is needed to run the browser stemmer")
    words = sorted(
        {case[0] for case in CASES["normalise"] + CASES["stem"] if case[0] != "في"}
        | {word for group in CASES["same_term"] for word in group}
    )
    done = subprocess.run(
        [node, "-e", _NODE_RUNNER],
        input=json.dumps({"js": str(JS), "words": words}),
        capture_output=True,
        text=True,
        check=True,
    )
    browser = dict(zip(words, json.loads(done.stdout), strict=True))
    python = {w: {"normalised": normalise(w), "terms": [stem(t) for t in split(w)]} for w in words}
    assert browser == python
