"""The Persian edition names each key term with one standard Persian term.

The module's argument turns on the difference between denuclearization (of the Korean
Peninsula, as the agreements say) and disarmament (of North Korea, as the article says), so
the two must never share a Persian word. The table of terms lives in `terminology.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from babel.messages.pofile import read_po

PROJECT = Path(__file__).resolve().parents[2]
CATALOGS = PROJECT / "locales" / "fa" / "LC_MESSAGES"
QUIZZES = PROJECT / "quizzes"
TABLE = Path(__file__).with_name("terminology.yaml")
#: Bank keys whose values are identifiers or links, not text a learner reads.
NON_TEXT_KEYS = {"id", "see", "tags", "objective", "type", "difficulty", "patterns"}
#: Roles whose text is a key or a label, not prose (citations, cross-references).
REFERENCE_RE = re.compile(r"\{(?:cite:[\w:]*|ref|doc|numref)\}`[^`]*`")


@dataclass(frozen=True)
class Term:
    english: str
    match: re.Pattern[str]
    persian: tuple[str, ...]
    wrong: tuple[str, ...]

    def named_in(self, english_text: str) -> bool:
        return bool(self.match.search(REFERENCE_RE.sub("", english_text)))

    def used_in(self, persian_text: str) -> bool:
        return any(form in persian_text for form in self.persian)


@dataclass(frozen=True)
class Pair:
    """An English text and its Persian translation, with where the translation lives."""

    where: str
    english: str
    persian: str


@cache
def terms() -> tuple[Term, ...]:
    table = yaml.safe_load(TABLE.read_text(encoding="utf-8"))["terms"]
    return tuple(
        Term(
            english=row["english"],
            match=re.compile(row["match"], re.I),
            persian=tuple(row["persian"]),
            wrong=tuple(row.get("wrong", ())),
        )
        for row in table
    )


def catalog_pairs() -> Iterator[Pair]:
    for path in sorted(CATALOGS.rglob("*.po")):
        if path.name == "sphinx.po":
            continue
        with path.open("rb") as handle:
            for message in read_po(handle):
                if message.id and message.string:
                    where = f"{path.relative_to(PROJECT)}: {str(message.id)[:60]!r}"
                    yield Pair(where, str(message.id), str(message.string))


def _strings(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in NON_TEXT_KEYS:
                yield from _strings(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _strings(value, (*path, index))
    elif isinstance(node, str):
        yield path, node


def _at(node: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def bank_pairs() -> Iterator[Pair]:
    """Each Persian bank string beside the English string at the same place in its original."""
    for persian_path in sorted(QUIZZES.glob("*.fa.yaml")):
        english_path = persian_path.with_name(persian_path.name.replace(".fa.yaml", ".yaml"))
        persian = yaml.safe_load(persian_path.read_text(encoding="utf-8"))
        english = yaml.safe_load(english_path.read_text(encoding="utf-8"))
        for path, text in _strings(persian):
            original = _at(english, path)
            if isinstance(original, str):
                where = f"{persian_path.name}: {'/'.join(map(str, path))}"
                yield Pair(where, original, text)


def term_problems(pair: Pair, table: tuple[Term, ...]) -> list[str]:
    """What is wrong with the key terms of one translation (empty when all is well)."""
    problems: list[str] = []
    for term in table:
        if not term.named_in(pair.english):
            continue
        if not term.used_in(pair.persian):
            problems.append(f"{pair.where}: {term.english!r} needs «{term.persian[0]}»")
        problems.extend(
            f"{pair.where}: {term.english!r} rendered with «{other.persian[0]}», "
            f"the term for {other.english!r}"
            for other in table
            if other is not term
            and other.used_in(pair.persian)
            and not other.named_in(pair.english)
        )
    for term in table:
        problems.extend(
            f"{pair.where}: «{wrong}» is not the module's term for {term.english!r}; "
            f"use «{term.persian[0]}»"
            for wrong in term.wrong
            if wrong in pair.persian
        )
    return problems


@pytest.mark.parametrize("source", ["catalogs", "banks"])
def test_persian_uses_one_term_per_key_term(source: str) -> None:
    pairs = catalog_pairs() if source == "catalogs" else bank_pairs()
    problems = [problem for pair in pairs for problem in term_problems(pair, terms())]
    assert not problems, f"{len(problems)} terminology problems:\n" + "\n".join(problems[:40])


@pytest.mark.parametrize("term", terms(), ids=lambda t: t.english)
def test_the_check_sees_each_term(term: Term) -> None:
    """Guard against an empty walk: each key term occurs in both editions' pages and banks."""
    catalogs, banks = list(catalog_pairs()), list(bank_pairs())
    for pairs in (catalogs, banks):
        assert any(term.named_in(p.english) and term.used_in(p.persian) for p in pairs)


@pytest.mark.parametrize("term", terms(), ids=lambda t: t.english)
def test_glossary_lists_each_term_with_its_english(term: Term) -> None:
    with (CATALOGS / "glossary.po").open("rb") as handle:
        headings = {str(m.id).lower(): str(m.string) for m in read_po(handle) if m.id}
    heading = headings.get(term.english.lower())
    assert heading is not None, f"the glossary has no entry {term.english!r}"
    assert heading.startswith(term.persian[0]), heading
    assert f"({term.english.capitalize()})" in heading, heading


NEEDS, INSTEAD, NOT_OURS = "needs", "rendered with", "is not the module's term"
EXAMPLES = [
    ("Work toward complete denuclearization.", "تلاش برای هسته‌ای‌زدایی کامل.", []),
    ("Work toward complete denuclearization.", "تلاش برای خلع سلاح هسته‌ای.", [NEEDS, INSTEAD]),
    ("Pressure did not produce disarmament.", "فشار به هسته‌ای‌زدایی نینجامید.", [NEEDS, INSTEAD]),
    ("A moratorium on tests.", "مهلت‌گذاری برای آزمایش‌ها.", [NEEDS, NOT_OURS]),
    (
        "Sanctions relief before denuclearization would weaken pressure to disarm.",
        "کاهش تحریم پیش از هسته‌ای‌زدایی فشار برای خلع سلاح را کم می‌کند.",
        [],
    ),
    ("See {cite:p}`npr2020moratorium`.", "ببینید {cite:p}`npr2020moratorium`.", []),
    ("{ref}`requirements-moratoria`", "{ref}`requirements-moratoria`", []),
]


@pytest.mark.parametrize(("english", "persian", "expected"), EXAMPLES)
def test_term_problems_on_examples(english: str, persian: str, expected: list[str]) -> None:
    found = term_problems(Pair("example", english, persian), terms())
    assert len(found) == len(expected), found
    for problem, fragment in zip(found, expected, strict=True):
        assert fragment in problem
