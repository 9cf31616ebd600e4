"""Numbers as the author wrote them, for every output."""

from __future__ import annotations


def plain_number(value: float) -> str:
    """Shortest exact form: ``2018``, ``0.5``, ``123456789``; never ``1.23457e+08``."""
    number = float(value)
    if number.is_integer() and abs(number) < 1e21:
        return str(int(number))
    text = repr(number)
    if "e" in text:  # 1e-07 -> 0.0000001: LMS number fields read plain decimals only
        text = f"{number:.20f}".rstrip("0").rstrip(".")
    return text


#: Zero of the digits each language writes numbers with (Latin when not listed).
_ZERO = {"fa": 0x06F0, "ar": 0x0660, "ur": 0x06F0}


def local_digits(number: int | str, language: str) -> str:
    """``12`` in the digits of ``language``: Persian writes ۱۲."""
    zero = _ZERO.get(language.split("-")[0].lower())
    text = str(number)
    return "".join(chr(zero + int(d)) if d.isdigit() else d for d in text) if zero else text
