"""Hostile but valid banks load, build, and show their markup as text, never as markup."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tiny_sphinx import HOSTILE, TinyBuild, requires_extension

from quizgen.loader import load_bank
from quizgen.types import names as question_type_names

BANKS = sorted(HOSTILE.glob("*.yaml"))

#: A string each bank puts in every text field, proving the field is covered.
MARKERS = {
    "html-everywhere": "onerror=",
    "bom-crlf": "onerror=",
    "javascript-links": "javascript:",
    "mixed-direction": "\u202e",
    "markup-breakers": "</form>",
}
#: Text fields of the model; ids, tags and regex patterns are checked elsewhere.
TEXT_FIELDS = {
    "title", "description", "text", "prompt", "explanation", "hint", "feedback", "unit",
    "answers", "items", "left", "right", "distractors", "model_answer", "rubric",
}  # fmt: skip
_SCRIPT_URL = re.compile(r"^\s*(javascript|vbscript|data)\s*:", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x20]")


def _text_values(data: object, field: str = "") -> list[tuple[str, str]]:
    """Every (field, string) pair under a dumped model."""
    if isinstance(data, str):
        return [(field, data)]
    if isinstance(data, list):
        return [pair for item in data for pair in _text_values(item, field)]
    if isinstance(data, dict):
        return [pair for key, value in data.items() for pair in _text_values(value, key)]
    return []


@pytest.mark.parametrize("path", BANKS, ids=lambda p: p.stem)
def test_hostile_bank_is_valid(path: Path) -> None:
    result = load_bank(path)
    assert result.ok, [p.format() for p in result.problems]


@pytest.mark.parametrize("path", BANKS, ids=lambda p: p.stem)
def test_hostile_bank_covers_every_text_field_of_every_type(path: Path) -> None:
    bank = load_bank(path).bank
    assert bank is not None
    marker = MARKERS[path.stem]
    assert {q.type for q in bank.questions} == set(question_type_names())
    holders = [("bank", bank.model_dump(exclude={"questions"}))]
    holders += [(q.type, q.model_dump()) for q in bank.questions]
    for kind, dumped in holders:
        fields: dict[str, bool] = {}
        for field, value in _text_values(dumped):
            if field in TEXT_FIELDS:
                fields[field] = fields.get(field, False) or marker in value
        uncovered = sorted(field for field, covered in fields.items() if not covered)
        assert not uncovered, f"{kind}: fields without the payload: {uncovered}"


def test_bom_crlf_bank_really_has_a_bom_and_crlf_line_ends() -> None:
    data = (HOSTILE / "bom-crlf.yaml").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") > 10
    assert data.count(b"\n") == data.count(b"\r\n"), "a bare LF crept in"


#: Docutils' smart quotes turn ' and " into typographic quotes; the text is still text.
_PLAIN_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def _article_text(html: str) -> str:
    return _article(html).get_text().translate(_PLAIN_QUOTES)  # type: ignore[attr-defined]


def _article(html: str) -> object:
    bs4 = pytest.importorskip("bs4")
    soup = bs4.BeautifulSoup(html, "html.parser")
    body = soup.find("div", class_="body") or soup.find("article") or soup.body
    assert body is not None
    return body


@requires_extension
def test_hostile_banks_build_without_errors(hostile_site: TinyBuild) -> None:
    assert "Traceback" not in hostile_site.warnings
    assert "ERROR" not in hostile_site.warnings, hostile_site.warnings
    assert "WARNING" not in hostile_site.warnings, hostile_site.warnings


@requires_extension
@pytest.mark.parametrize("path", BANKS, ids=lambda p: p.stem)
def test_hostile_markup_is_text_not_markup(hostile_site: TinyBuild, path: Path) -> None:
    body = _article(hostile_site.page(path.stem))
    for tag in ("script", "img", "svg", "iframe", "object", "embed", "b"):
        found = body.find_all(tag)  # type: ignore[attr-defined]
        assert not found, f"<{tag}> from the bank reached the page: {found[:2]}"
    for element in body.find_all(True):  # type: ignore[attr-defined]
        handlers = [name for name in element.attrs if name.lower().startswith("on")]
        assert not handlers, f"event handler attributes {handlers} on <{element.name}>"
        for name in ("href", "src", "action", "formaction", "xlink:href"):
            value = element.get(name)
            if isinstance(value, str):
                assert not _SCRIPT_URL.match(_CONTROL.sub("", value)), f"{name}={value!r}"


@requires_extension
@pytest.mark.parametrize("stem", ["html-everywhere", "bom-crlf"])
def test_hostile_html_shows_as_literal_text(hostile_site: TinyBuild, stem: str) -> None:
    text = _article_text(hostile_site.page(stem))
    assert "<script>window.__pwned='single.prompt'</script>" in text
    assert "<img src=x onerror=\"window.__pwned='single.choice0'" in text
    assert "Text for matching.right1" in text


@requires_extension
def test_mixed_direction_text_survives_intact(hostile_site: TinyBuild) -> None:
    text = _article_text(hostile_site.page("mixed-direction"))
    assert "\u202eRLO override single.prompt\u202c" in text
    assert "zero\u200cwidth\u200dجوین" in text
    assert "👩🏽‍🚀" in text
