"""Content checks on the course pages: contract labels, citations, spelling, glossary links."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
SOURCE = PROJECT / "source"
WORDLIST = Path(__file__).with_name("wordlist.txt")

#: Section labels each unit page must carry, in page order (see the shared contracts).
UNIT_LABELS: dict[str, list[str]] = {
    "theory": [
        "theory-objectives", "theory-definition", "theory-three-ways", "theory-sources",
        "theory-carr", "theory-two-way-street", "theory-hard-soft-smart", "theory-criticism",
        "theory-key-points",
    ],
    "history": [
        "history-objectives", "history-origins", "history-agreed-framework", "history-six-party",
        "history-2007-agreements", "history-leap-day", "history-singapore", "history-hanoi",
        "history-after-hanoi", "history-timeline", "history-summary-table",
        "history-reading-critically", "history-key-points",
    ],
    "challenges": [
        "challenges-objectives", "challenges-goals", "challenges-sequencing",
        "challenges-leverage", "challenges-cooperation", "challenges-debate",
        "challenges-key-points",
    ],
    "requirements": [
        "requirements-objectives", "requirements-restraint", "requirements-moratoria",
        "requirements-roadmap", "requirements-sanctions-relief", "requirements-mediation",
        "requirements-dialogue-culture", "requirements-counterarguments",
        "requirements-key-points",
    ],
}  # fmt: skip
UNITS = tuple(UNIT_LABELS)
ENGLISH_PAGES = (
    "index", *UNITS, "glossary", "references", "instructor-guide", "quizzes/index",
)  # fmt: skip

LABEL_RE = re.compile(r"^\((?P<label>[\w-]+)\)=\s*$", re.M)
HEADING_RE = re.compile(r"^(?P<marks>#{1,6})\s+(?P<title>.+)$", re.M)
FENCE_RE = re.compile(r"^(?P<fence>`{3,}|:{3,})(?:\{(?P<name>[\w:-]+)\})?(?P<arg>.*)$")
ROLE_RE = re.compile(r"\{(?P<role>[\w:-]+)\}`(?P<body>[^`]*)`")
ROLE_OR_CODE_RE = re.compile(r"\{(?P<role>[\w:-]+)\}`[^`]*`|`[^`\n]*`")
EXPLICIT_RE = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^<>]+)>$", re.S)
PLACEHOLDER_RE = re.compile(r"\b(TODO|FIXME|TBD|XXX)\b|lorem|ipsum", re.I)
WORD_RE = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
#: Directives whose body is code or generated content, not prose to spell-check.
VERBATIM_DIRECTIVES = {"code-block", "code", "bibliography", "toctree", "quiz", "quiz-objectives"}


def read_page(docname: str) -> str:
    return (SOURCE / f"{docname}.md").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Section:
    """A level-2 section of a page: its label, heading and body text."""

    label: str | None
    title: str
    body: str


def sections(text: str) -> list[Section]:
    """Split a page at its level-2 headings, keeping the label written above each."""
    found: list[Section] = []
    matches = [m for m in HEADING_RE.finditer(text) if len(m["marks"]) == 2]
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        before = text[: match.start()].rstrip().splitlines()
        label_match = LABEL_RE.match(before[-1]) if before else None
        body = text[match.end() : end]
        found.append(Section(label_match["label"] if label_match else None, match["title"], body))
    return found


def prose(text: str) -> str:
    """Page text with code, directive syntax, labels, headings and citations blanked out.

    Why: spelling and first-use checks must see what a reader reads, at the same offsets
    as the source so that role spans can still be located.
    """
    out: list[str] = []
    verbatim_fence: str | None = None
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        fence = FENCE_RE.match(stripped)
        if verbatim_fence is not None:
            if stripped == verbatim_fence:
                verbatim_fence = None
            out.append(_blank(line))
            continue
        if fence:
            is_code_block = fence["fence"][0] == "`" and not fence["name"]
            if is_code_block or fence["name"] in VERBATIM_DIRECTIVES:
                verbatim_fence = fence["fence"]
            out.append(_blank(line))
            continue
        if (
            LABEL_RE.match(stripped)
            or HEADING_RE.match(stripped)
            or re.match(r"^:[\w-]+:", stripped)
        ):
            out.append(_blank(line))
            continue
        out.append(line)
    joined = "".join(out)
    joined = ROLE_OR_CODE_RE.sub(_blank_citations_and_code, joined)
    return re.sub(r"https?://\S+", lambda m: _blank(m[0]), joined)


def _blank_citations_and_code(match: re.Match[str]) -> str:
    role = match["role"]
    return match[0] if role and not role.startswith("cite") else _blank(match[0])


def _blank(fragment: str) -> str:
    return re.sub(r"[^\n]", " ", fragment)


def displayed_text(text: str) -> str:
    """Replace every remaining role by the words it shows to the reader."""

    def shown(match: re.Match[str]) -> str:
        explicit = EXPLICIT_RE.match(match["body"])
        if explicit:
            return explicit["text"]
        return "" if match["role"] in {"doc", "ref", "numref"} else match["body"]

    return ROLE_RE.sub(shown, text)


@cache
def project_words() -> frozenset[str]:
    lines = WORDLIST.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


@cache
def glossary_entries() -> tuple[tuple[str, ...], ...]:
    """Groups of synonymous terms, one group per glossary entry."""
    text = read_page("glossary")
    body = text.split("```{glossary}", 1)[1].split("\n```", 1)[0]
    groups: list[tuple[str, ...]] = []
    current: list[str] = []
    for line in body.splitlines():
        if line and not line[0].isspace():
            current.append(line.strip())
        elif current:
            groups.append(tuple(current))
            current = []
    return tuple(groups)


def term_pattern(term: str) -> re.Pattern[str]:
    """Match a term as a whole phrase, in singular or plural, with hyphens or spaces."""
    words = [re.escape(w) for w in re.split(r"[\s-]+", term.rstrip("s"))]
    return re.compile(r"\b" + r"[\s-]+".join(words) + r"(?:s|es)?\b", re.I)


def term_roles(text: str) -> list[tuple[int, int, str]]:
    """Start, end and lower-cased glossary target of every {term} role in ``text``."""
    roles: list[tuple[int, int, str]] = []
    for match in ROLE_RE.finditer(text):
        if match["role"] != "term":
            continue
        explicit = EXPLICIT_RE.match(match["body"])
        target = explicit["target"] if explicit else match["body"]
        roles.append((match.start(), match.end(), target.strip().lower()))
    return roles


@pytest.mark.parametrize("unit", UNITS)
def test_unit_has_contract_labels_in_order(unit: str) -> None:
    labels = [s.label for s in sections(read_page(unit))]
    assert labels == UNIT_LABELS[unit], "every level-2 section needs its contract label"


@pytest.mark.parametrize("unit", UNITS)
def test_unit_opens_with_bank_objectives_and_ends_with_quiz_link(unit: str) -> None:
    page_sections = sections(read_page(unit))
    assert f"```{{quiz-objectives}} {unit}" in page_sections[0].body
    assert f"quizzes/{unit}>`" in page_sections[-1].body, "key points must link the unit's quiz"


@pytest.mark.parametrize("unit", UNITS)
def test_every_unit_section_cites_a_source(unit: str) -> None:
    uncited = [
        s.title
        for s in sections(read_page(unit))
        if not s.label or not s.label.endswith("-objectives")
        if "{cite:" not in s.body
    ]
    assert not uncited, f"sections without a citation: {uncited}"


@pytest.mark.parametrize("unit", UNITS)
def test_dated_paragraphs_cite_a_source(unit: str) -> None:
    """A paragraph or list item naming a year must carry a citation in the same block."""
    body = read_page(unit)
    blocks = re.split(r"\n\s*\n|\n(?=\s*(?:[-*]|\d+\.)\s)|\n(?=\|)", body)
    missing = [
        block.strip()[:80]
        for block in blocks
        if re.search(r"\b(19[3-9]\d|20[0-2]\d)\b", prose(block))
        and "{cite:" not in block
        and not block.lstrip().startswith(("|", "#", "(", ":", "```"))
    ]
    assert not missing, "dated statements without a citation:\n" + "\n".join(missing)


@pytest.mark.parametrize("page", ENGLISH_PAGES)
def test_no_placeholders(page: str) -> None:
    found = PLACEHOLDER_RE.findall(read_page(page))
    assert not found, f"placeholder text in {page}: {found}"


@pytest.mark.parametrize("page", ENGLISH_PAGES)
def test_spelling(page: str) -> None:
    spellchecker = pytest.importorskip("spellchecker")
    checker = spellchecker.SpellChecker()
    text = displayed_text(prose(read_page(page)))
    words = {w.replace("’", "'") for w in WORD_RE.findall(text)}
    candidates = {
        w.lower()
        for w in words
        if len(w) > 1 and w.lower() not in project_words()
        and w.lower().removesuffix("'s") not in project_words()
    }  # fmt: skip
    unknown = sorted(w for w in checker.unknown(candidates) if w.removesuffix("'s") not in checker)
    assert not unknown, f"unknown words in {page} (fix or add to {WORDLIST.name}): {unknown}"


@pytest.mark.parametrize("unit", UNITS)
def test_glossary_terms_linked_on_first_use(unit: str) -> None:
    text = prose(read_page(unit))
    term_links = term_roles(text)
    unlinked: list[str] = []
    for group in glossary_entries():
        names = {name.lower() for name in group}
        first = min(
            (m for name in group for m in [term_pattern(name).search(text)] if m),
            key=lambda m: m.start(),
            default=None,
        )
        if first is None:
            continue
        linked = any(
            start <= first.start() < end and target in names for start, end, target in term_links
        )
        if not linked:
            line = text.count("\n", 0, first.start()) + 1
            unlinked.append(f"{unit}.md:{line}: {first[0]!r} (glossary: {group[0]})")
    assert not unlinked, "first use of a glossary term is not a {term} link:\n" + "\n".join(
        unlinked
    )


def test_term_pattern_matches_variants() -> None:
    pattern = term_pattern("Joint military exercises")
    assert pattern.search("joint military exercise")
    assert pattern.search("Joint-military exercises")
    assert not term_pattern("Sanctions").search("sanctioned")
    assert term_pattern("Hard power").search("hard-power leverage")


def test_prose_blanks_citations_and_keeps_offsets() -> None:
    source = "(x-label)=\n## Title\n\nText {cite:p}`key2020` and {term}`NPT`.\n"
    cleaned = prose(source)
    assert len(cleaned) == len(source)
    assert "key2020" not in cleaned
    assert "{term}`NPT`" in cleaned
    assert "Title" not in cleaned
