"""Shared steps of importing LMS files: ids, HTML to text, and validating the result as a Bank."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any, ClassVar

from pydantic import ValidationError

from quizgen.inline import is_safe_link, to_plain
from quizgen.model import Bank
from quizgen.problems import Problem, ProblemCode

#: Said of an essay with no model answer, so the learner is not shown an empty comparison.
NO_MODEL_ANSWER = "(no model answer was given)"

_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,79}")
_NOT_SLUG = re.compile(r"[^A-Za-z0-9_.-]+")


def slugify(text: str) -> str:
    """An id the model accepts, made from an LMS question title."""
    if _SLUG.fullmatch(text):
        return text
    slug = _NOT_SLUG.sub("-", text.strip()).strip("-._")[:80].rstrip("-._")
    return slug or "q"


class _ToMarkdown(HTMLParser):
    """An LMS's HTML as bank text: emphasis, code and links kept as inline Markdown.

    Scripts and styles are dropped, other tags are unwrapped, and text that would read as
    Markdown is escaped, so what the learner saw is what the bank says (``<`` stays ``<``).
    """

    _BREAKS = frozenset({"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"})
    _SKIP = frozenset({"script", "style"})
    _MARKS: ClassVar[dict[str, str]] = {"em": "*", "i": "*", "strong": "**", "b": "**"}

    def __init__(self, *, marked: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.marked = marked
        """Whether the fragment has any markup: then no special in its text stays bare."""
        self.parts: list[str] = []
        self._skipping = 0
        self._code = 0
        self._inside = 0
        self._links: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif self._skipping:
            return
        elif tag in self._BREAKS:
            self.parts.append(" ")
        elif tag in self._MARKS:
            self._inside += 1
            self.parts.append(self._MARKS[tag])
        elif tag == "code":
            self._code += 1
            self.parts.append("`")
        elif tag == "a":
            href = dict(attrs).get("href")
            self._links.append(href if href and is_safe_link(href) else None)
            if self._links[-1]:
                self.parts.append("[")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1
        elif self._skipping:
            return
        elif tag in self._MARKS:
            self._inside = max(0, self._inside - 1)
            self.parts.append(self._MARKS[tag])
        elif tag == "code" and self._code:
            self._code -= 1
            self.parts.append("`")
        elif tag == "a" and self._links:
            href = self._links.pop()
            if href:
                self.parts.append(f"]({href})")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            # Next to emphasis or a link, a lone `*` or `]` would join it: escape every special.
            nested = self.marked or self._inside > 0 or bool(self._links)
            self.parts.append(data if self._code else literal_markdown(data, always=nested))


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>!#&])")


def literal_markdown(text: str, *, always: bool = False) -> str:
    """``text`` as inline Markdown that shows exactly ``text`` (escaped only where needed)."""
    folded = re.sub(r"\s+", " ", text)
    if not always and to_plain(folded) == folded:
        return folded
    return _MARKDOWN_SPECIAL.sub(r"\\\1", folded)


def html_to_text(fragment: str) -> str:
    """An HTML fragment as bank text (inline Markdown), with runs of whitespace folded."""
    marked = re.search(r"<(em|i|strong|b|code|a)[\s>]", fragment, re.IGNORECASE) is not None
    parser = _ToMarkdown(marked=marked)
    parser.feed(fragment)
    parser.close()
    return re.sub(r"\s+", " ", "".join(parser.parts)).strip()


def collapse_spellings(answers: list[str]) -> dict[str, Any]:
    """Accepted answers as a bank writes them: spellings the site accepts anyway are folded.

    Why: exports list every spelling (digits, letter forms, ZWNJ) for graders that compare
    exactly; read back, they are one answer. (An exact number exported as a short answer
    comes back as a fill-blank question: that is what the LMS holds.)
    """
    from quizgen.answers import compact, parse_number

    kept: dict[str, str] = {}
    for answer in answers:
        number = parse_number(answer)
        kept.setdefault(compact(answer) if number is None else repr(number), answer)
    return {"type": "fill-blank", "answers": list(kept.values())}


def typed_answer(text: str) -> str:
    """An LMS's accepted answer as the bank writes it: Moodle's ``\\*`` is a literal ``*``."""
    return text.replace("\\*", "*")


def as_ordering(pairs: list[dict[str, str]], distractors: list[str]) -> dict[str, Any] | None:
    """An ordering question, when a matching question pairs items with positions 1, 2, 3…

    Why: GIFT and Canvas have no ordering type, so quizgen exports ordering that way; reading
    it back gives the ordering question again.
    """
    expected = [str(n) for n in range(1, len(pairs) + 1)]
    if distractors or [to_ascii_digits(p["right"]) for p in pairs] != expected:
        return None
    return {"type": "ordering", "items": [p["left"] for p in pairs]}


def to_ascii_digits(text: str) -> str:
    """Persian and Arabic-Indic digits as ASCII ones."""
    return "".join(str(unicodedata.digit(ch)) if ch.isdigit() else ch for ch in text.strip())


@dataclass
class Draft:
    """Questions read from an LMS file, each with the line it started on, before validation."""

    path: str
    questions: list[dict[str, Any]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    category: str | None = None
    title: str | None = None

    def problem(self, line: int, message: str, *, warning: bool = False) -> None:
        """Record something that could not be converted as it was."""
        severity = "warning" if warning else "error"
        self.problems.append(
            Problem(self.path, line, 1, ProblemCode.import_format, message, severity)
        )

    def add(self, question: dict[str, Any], line: int, title: str | None) -> None:
        """Add a question, giving it an id from its title (or ``qN``) that is unique here."""
        number = len(self.questions) + 1
        wanted = slugify(title) if title and title.strip() else f"q{number}"
        taken = {q["id"] for q in self.questions}
        qid, suffix = wanted, 2
        while qid in taken:
            qid, suffix = f"{wanted}-{suffix}", suffix + 1
        if qid != wanted:
            message = f"id {wanted!r} is used twice: this question is {qid!r}"
            self.problem(line, message, warning=True)
        self.questions.append({"id": qid, **question})
        self.lines.append(line)


def finish(draft: Draft, bank_id: str | None, stem: str) -> tuple[Bank | None, list[Problem]]:
    """Validate the draft as a Bank; every model complaint is located at its question's line."""
    problems = list(draft.problems)
    if not draft.questions:
        draft.problem(1, "no question could be converted")
        return None, draft.problems
    if any(p.severity == "error" for p in problems):
        return None, problems
    source = bank_id or (draft.category or "").rsplit("/", 1)[-1] or stem
    data = {
        "bank": slugify(source),
        "title": draft.title or (draft.category or "").rsplit("/", 1)[-1] or stem,
        "questions": draft.questions,
    }
    from quizgen.loader import schema_message

    try:
        return Bank.model_validate(data), problems
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            loc = error["loc"]
            line = draft.lines[loc[1]] if len(loc) > 1 and isinstance(loc[1], int) else 1
            index = loc[1] if len(loc) > 1 and isinstance(loc[1], int) else None
            qid = draft.questions[index]["id"] if index is not None else data["bank"]
            text = f"{qid}: {schema_message(error)}"
            problems.append(Problem(draft.path, line, 1, ProblemCode.import_format, text))
        return None, problems
