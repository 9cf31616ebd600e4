"""What quizgen needs to know about a language: its name, direction, script and digits.

The facts come from the Unicode CLDR through Babel (which Sphinx already depends on), so any
language Sphinx accepts works without a table kept here. Only the digit shapes are listed,
because CLDR names numbering systems but Babel does not ship their digits.
"""

from __future__ import annotations

from functools import cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global

#: Numbering system -> its zero; the other nine digits follow it in Unicode.
DIGIT_ZEROS: dict[str, int] = {
    "arab": 0x0660,  # Arabic-Indic ٠١٢
    "arabext": 0x06F0,  # Extended Arabic-Indic (Persian, Urdu) ۰۱۲
    "beng": 0x09E6,
    "deva": 0x0966,
    "mymr": 0x1040,
    "thai": 0x0E50,
    "tibt": 0x0F20,
}
LATIN_DIGITS = "latn"


def primary(language: str | None) -> str:
    """The language subtag of a Sphinx language code: ``pt_BR`` -> ``pt``."""
    return (language or "en").replace("-", "_").split("_")[0].lower()


@cache
def _locale(language: str) -> Locale | None:
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None


def native_name(language: str) -> str:
    """The language's name in itself (``fa`` -> ``فارسی``), or the code if CLDR lacks it."""
    locale = _locale(language)
    name = locale.get_display_name(locale) if locale else None
    return name or language


def is_rtl(language: str | None) -> bool:
    """Whether the language is written right to left (Persian, Arabic, Hebrew, Urdu, ...)."""
    locale = _locale(language or "en")
    return bool(locale and locale.character_order == "right-to-left")


def script(language: str | None) -> str:
    """The language's usual script as an ISO 15924 code (``fa`` -> ``Arab``), or ``""``."""
    likely = get_global("likely_subtags")
    parts = str(likely.get(primary(language), "")).split("_")
    return next((part for part in parts[1:] if len(part) == 4), "")


def default_numbering(language: str | None) -> str:
    """CLDR's default numbering system (``fa`` -> ``arabext``, ``ar`` -> ``latn``)."""
    locale = _locale(language or "en")
    return str(locale.default_numbering_system) if locale else LATIN_DIGITS


def to_digits(text: str, numbering: str) -> str:
    """Write the ASCII digits of ``text`` in ``numbering``; unknown systems leave them."""
    zero = DIGIT_ZEROS.get(numbering)
    if zero is None:
        return text
    return text.translate(str.maketrans("0123456789", "".join(chr(zero + d) for d in range(10))))
