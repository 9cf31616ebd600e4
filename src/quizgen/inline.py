"""Bank text (inline Markdown) to safe HTML or plain text: the one renderer every output uses.

Why one renderer: the page, the worksheet and each LMS export must show the same thing, and
none may let bank text become markup. markdown-it runs with raw HTML off, so ``<script>``
stays text; links keep only web, mail and relative targets. The Sphinx side turns the same
tokens into docutils nodes (:mod:`quizgen.sphinx_ext.inline`).
"""

from __future__ import annotations

import html
from functools import cache
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

_SAFE_SCHEMES = frozenset({"", "http", "https", "mailto"})
#: Token types that open an element, and the HTML element each becomes.
CONTAINERS: dict[str, str] = {"em_open": "em", "strong_open": "strong", "s_open": "s"}
#: Characters that can start inline markup, an escape, an entity or a line break; text
#: without any of them is one text token, so it needs no parse.
_MARKUP_CHARS = frozenset("\\`*_~[<&\n\r\x00")


@cache
def _parser() -> MarkdownIt:
    # html=False: markup such as <script> stays text; linkify off: no surprise links.
    return MarkdownIt("commonmark", {"html": False}).enable("strikethrough")


def inline_tokens(text: str) -> list[Token]:
    """The inline tokens of one field (paragraph breaks become soft breaks).

    Why the shortcut: most choices, items and feedback are plain words, and a markdown-it
    parse costs about 0.1 ms a field, a large share of a long quiz's build.
    """
    text = text.strip()
    if _MARKUP_CHARS.isdisjoint(text):
        return [Token("text", "", 0, content=text)] if text else []
    tokens = _parser().parseInline(text)
    return list(tokens[0].children or []) if tokens else []


def is_safe_link(href: str) -> bool:
    """Links to web pages, mail or relative pages only; never ``javascript:`` or ``data:``."""
    try:
        scheme = urlsplit(href).scheme.lower()
    except ValueError:
        return False
    return scheme in _SAFE_SCHEMES and not href.lstrip().startswith("//")


def to_html(text: str) -> str:
    """The field as escaped HTML with emphasis, code and safe links only."""
    out: list[str] = []
    closing: list[str] = []
    for token in inline_tokens(text):
        kind = token.type
        if kind in {"text", "html_inline", "image"}:
            out.append(html.escape(token.content, quote=False))
        elif kind in {"softbreak", "hardbreak"}:
            out.append(" ")
        elif kind == "code_inline":
            out.append(f"<code>{html.escape(token.content, quote=False)}</code>")
        elif kind in CONTAINERS:
            out.append(f"<{CONTAINERS[kind]}>")
            closing.append(f"</{CONTAINERS[kind]}>")
        elif kind == "link_open":
            href = str(token.attrGet("href") or "")
            if is_safe_link(href):
                out.append(f'<a href="{html.escape(href, quote=True)}">')
                closing.append("</a>")
            else:
                closing.append("")
        elif kind.endswith("_close") and closing:
            out.append(closing.pop())
    out.extend(reversed(closing))
    return "".join(out)


def to_plain(text: str) -> str:
    """The field as a learner reads it, without markup (for option lists and titles)."""
    parts: list[str] = []
    for token in inline_tokens(text):
        if token.type in {"text", "html_inline", "code_inline", "image"}:
            parts.append(token.content)
        elif token.type in {"softbreak", "hardbreak"}:
            parts.append(" ")
    return "".join(parts)
