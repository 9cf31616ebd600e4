"""Printable Markdown worksheet and a separate answer key, for classrooms without an LMS.

The layout comes from :mod:`quizgen.sheet`, the same as the Sphinx worksheet's; this module
only writes it as Markdown, with the interface words in the bank's language.
"""

from __future__ import annotations

from quizgen.labels import words_for
from quizgen.model import Bank
from quizgen.numbers import local_digits
from quizgen.sheet import Block, Inline, Listing, Para, letter, question_sheet


def _inline(parts: tuple[Inline, ...]) -> str:
    # Bank text is already inline Markdown; interface words are plain and written as they are.
    return "".join(part.text for part in parts)


def _para(block: Para) -> str:
    prefix = _inline(block.prefix)
    text = _inline(block.parts)
    if prefix and block.field == "explanation":
        return f"*{prefix} {text}*"
    return f"{prefix} {text}" if prefix else text


def _marker(listing: Listing, index: int, language: str) -> str:
    if listing.style == "arabic":
        return f"{local_digits(index + 1, language)}."
    if listing.style == "loweralpha":
        return f"{letter(index)})"
    if listing.style == "upperalpha":
        return f"{letter(index).upper()})"
    return "-"


#: What a learner writes on, after or before an entry of these lists.
_WRITE_ON = {"items": ("___ ", ""), "lefts": ("", " → ___")}


def _blocks(
    blocks: list[Block] | tuple[Block, ...], indent: str, language: str, *, gap: bool = False
) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        if gap and lines:
            lines.append("")  # two lists in a row stay two lists
        if isinstance(block, Para):
            lines.append(indent + _para(block))
            continue
        before, after = _WRITE_ON.get(block.component or "", ("", ""))
        for index, entry in enumerate(block.entries):
            marker = _marker(block, index, language)
            inner = _blocks(entry.blocks, indent + " " * (len(marker) + 1), language)
            first = inner[0].lstrip() if inner else ""
            lines.append(f"{indent}{marker} {before}{first}{after}")
            lines += inner[1:]
    return lines


def dump(bank: Bank) -> tuple[str, str]:
    """Return (worksheet, answer key) as Markdown."""
    words = words_for(bank.language)
    language = bank.language
    sheet = [
        f"# {bank.title}",
        "",
        f"{words['name_short']}: ____________________  {words['date']}: ____________",
        "",
    ]
    key = [f"# {bank.title}: {words['answer_key']}", ""]
    for number, question in enumerate(bank.questions, start=1):
        laid = question_sheet(question, bank.bank, words)
        label = f"{local_digits(number, language)}."
        indent = " " * (len(label) + 1)
        sheet += [f"{label} {laid.prompt}", ""]
        sheet += _blocks(laid.body, indent, language, gap=True)
        if laid.hint is not None:
            sheet += ["", indent + _para(laid.hint)]
        sheet.append("")
        entry = _blocks(laid.key, indent, language)
        key.append(f"{label} {entry[0].lstrip() if entry else ''}")
        key += entry[1:]
        if laid.see:
            key.append(f"{indent}{words['review']} {laid.see}")
        key.append("")
    return "\n".join(sheet).rstrip() + "\n", "\n".join(key).rstrip() + "\n"
