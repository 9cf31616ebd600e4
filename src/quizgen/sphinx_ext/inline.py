"""Bank text (MyST inline markup) to docutils nodes, with raw HTML kept as plain text.

Why not ``state.inline_text``: it parses in the host document's syntax (reST in a reST
project), and MyST turns inline HTML into ``nodes.raw``. This small renderer reads the same
inline Markdown in any project and can only produce text, emphasis, strong, literal and
links with safe targets, so a hostile bank can never inject markup.
"""

from __future__ import annotations

from functools import cache
from urllib.parse import urlsplit

from docutils import nodes
from markdown_it import MarkdownIt
from markdown_it.token import Token

_SAFE_SCHEMES = {"", "http", "https", "mailto"}
_CONTAINERS: dict[str, type[nodes.Element]] = {
    "em_open": nodes.emphasis,
    "strong_open": nodes.strong,
    "s_open": nodes.inline,
}


@cache
def _parser() -> MarkdownIt:
    # html=False: markup such as <script> stays text; linkify off: no surprise links.
    return MarkdownIt("commonmark", {"html": False}).enable("strikethrough")


def inline_nodes(text: str) -> list[nodes.Node]:
    """Parse one field of bank text into inline nodes (paragraph breaks become spaces)."""
    tokens = _parser().parseInline(text.strip())
    children = tokens[0].children if tokens else None
    stack: list[nodes.Element] = [nodes.inline()]
    for token in children or []:
        _add(token, stack)
    return list(stack[0].children)


def _add(token: Token, stack: list[nodes.Element]) -> None:
    top = stack[-1]
    kind = token.type
    if kind in {"text", "html_inline"}:
        top += nodes.Text(token.content)
    elif kind in {"softbreak", "hardbreak"}:
        top += nodes.Text(" ")
    elif kind == "code_inline":
        top += nodes.literal(token.content, token.content)
    elif kind == "image":
        top += nodes.Text(token.content)  # alt text: banks hold no images
    elif kind in _CONTAINERS:
        element = _CONTAINERS[kind]()
        top += element
        stack.append(element)
    elif kind == "link_open":
        href = str(token.attrGet("href") or "")
        element = nodes.reference(refuri=href) if _is_safe(href) else nodes.inline()
        top += element
        stack.append(element)
    elif kind.endswith("_close") and len(stack) > 1:
        stack.pop()


def _is_safe(href: str) -> bool:
    """Links to web pages, mail or relative pages only; never ``javascript:`` or ``data:``."""
    try:
        scheme = urlsplit(href).scheme.lower()
    except ValueError:
        return False
    return scheme in _SAFE_SCHEMES and not href.lstrip().lower().startswith(("//",))


def paragraph(text: str, **attributes: object) -> nodes.paragraph:
    """A paragraph holding one parsed field, tagged so the HTML transform can find it."""
    para = nodes.paragraph("", "", *inline_nodes(text), **attributes)
    return para


def plain(text: str) -> str:
    """The field as plain text (for ``<option>`` elements and file downloads)."""
    return "".join(node.astext() for node in inline_nodes(text))
