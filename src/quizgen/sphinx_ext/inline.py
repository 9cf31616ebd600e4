"""Bank text to docutils nodes, from the tokens of :mod:`quizgen.inline`.

Why not ``state.inline_text``: it parses in the host document's syntax (reST in a reST
project), and MyST turns inline HTML into ``nodes.raw``. Building nodes from the shared safe
tokens reads the same inline Markdown in any project and can only produce text, emphasis,
strong, literal and links with safe targets, so a hostile bank can never inject markup.
"""

from __future__ import annotations

from docutils import nodes
from markdown_it.token import Token

from quizgen.inline import CONTAINERS, inline_tokens, is_safe_link, to_plain

_NODES: dict[str, type[nodes.Element]] = {
    "em": nodes.emphasis,
    "strong": nodes.strong,
    "s": nodes.inline,
}


def inline_nodes(text: str) -> list[nodes.Node]:
    """Parse one field of bank text into inline nodes (paragraph breaks become spaces)."""
    stack: list[nodes.Element] = [nodes.inline()]
    for token in inline_tokens(text):
        _add(token, stack)
    return list(stack[0].children)


def _add(token: Token, stack: list[nodes.Element]) -> None:
    top = stack[-1]
    kind = token.type
    if kind in {"text", "html_inline", "image"}:
        top += nodes.Text(token.content)  # images: alt text only, banks hold no images
    elif kind in {"softbreak", "hardbreak"}:
        top += nodes.Text(" ")
    elif kind == "code_inline":
        top += nodes.literal(token.content, token.content)
    elif kind in CONTAINERS:
        element = _NODES[CONTAINERS[kind]]()
        top += element
        stack.append(element)
    elif kind == "link_open":
        href = str(token.attrGet("href") or "")
        element = nodes.reference(refuri=href) if is_safe_link(href) else nodes.inline()
        top += element
        stack.append(element)
    elif kind.endswith("_close") and len(stack) > 1:
        stack.pop()


def paragraph(text: str, **attributes: object) -> nodes.paragraph:
    """A paragraph holding one parsed field, tagged so the HTML transform can find it."""
    return nodes.paragraph("", "", *inline_nodes(text), **attributes)


def plain(text: str) -> str:
    """The field as plain text (for ``<option>`` elements and file downloads)."""
    return to_plain(text)
