"""Remove every ``quiz`` and ``quiz-objectives`` directive from MyST pages.

Why: the fair baseline for the site's build cost is the same pages without quizzes, not a
different, smaller site.
"""

from __future__ import annotations

import re
from pathlib import Path

QUIZ_DIRECTIVES = frozenset({"quiz", "quiz-objectives"})
_FENCE = re.compile(r"^\s*(?P<fence>`{3,}|:{3,})\s*(?P<info>.*)$")
_DIRECTIVE = re.compile(r"^\{(?P<name>[\w:.-]+)\}")


def strip_quiz_directives(text: str) -> str:
    """Text of a MyST page with its quiz directive blocks removed.

    Directive fences (``{name}``) may hold other directives, so their content is scanned;
    plain code fences are literal, so a quiz shown as an example inside one is kept.
    """
    kept: list[str] = []
    open_fences: list[tuple[str, bool]] = []  # (fence, is_literal)
    skipping: str | None = None
    for line in text.splitlines(keepends=True):
        match = _FENCE.match(line)
        if skipping is not None:
            if match and _closes(match, skipping):
                skipping = None
            continue
        if match and open_fences and _closes(match, open_fences[-1][0]):
            open_fences.pop()
            kept.append(line)
            continue
        literal_context = bool(open_fences) and open_fences[-1][1]
        if match and not literal_context:
            directive = _DIRECTIVE.match(match["info"])
            if directive and directive["name"] in QUIZ_DIRECTIVES:
                skipping = match["fence"]
                continue
            open_fences.append((match["fence"], directive is None))
        kept.append(line)
    return "".join(kept)


def _closes(match: re.Match[str], fence: str) -> bool:
    """A fence closes with the same character, at least as long, and nothing after it."""
    closing = match["fence"]
    return closing[0] == fence[0] and len(closing) >= len(fence) and not match["info"].strip()


def strip_tree(source: Path) -> int:
    """Strip quiz directives from every ``.md`` file under ``source``; returns how many changed."""
    changed = 0
    for page in sorted(source.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        stripped = strip_quiz_directives(text)
        if stripped != text:
            page.write_text(stripped, encoding="utf-8")
            changed += 1
    return changed
