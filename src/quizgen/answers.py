"""Answer normalisation shared by the browser runtime (mirrored in quizgen.js) and the exporters.

Why: a learner who types ``كره شمالي`` on an Arabic keyboard, ``۱۹۹۴`` with Persian digits or
``North  Korea`` with a stray space has given the right answer. The rules here and in
``normalise`` in ``static/quizgen.js`` are tested against one table of cases
(``tests/data/normalisation_cases.yaml``) so the two cannot drift.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable

#: Arabic-script letter variants folded to one form (Arabic keyboards type the first ones).
_LETTERS = str.maketrans(
    {
        "\u064a": "\u06cc",  # ARABIC YEH -> FARSI YEH
        "\u0649": "\u06cc",  # ALEF MAKSURA -> FARSI YEH
        "\u0643": "\u06a9",  # ARABIC KAF -> KEHEH
        "\u0629": "\u0647",  # TEH MARBUTA -> HEH
        "\u06d5": "\u0647",  # AE (what HEH WITH YEH ABOVE decomposes to) -> HEH
        "\u0671": "\u0627",  # ALEF WASLA -> ALEF
        "\u0640": None,  # TATWEEL (stretching) carries no meaning
    }
)
#: Persian (U+06F0) and Arabic-Indic (U+0660) digits -> ASCII.
_DIGITS = str.maketrans(
    {chr(base + n): str(n) for base in (0x06F0, 0x0660) for n in range(10)}
    | {"\u066b": ".", "\u066c": ",", "\u2212": "-"}
)
_EDGE_PUNCTUATION = ".,;:!?\u061f\u060c\u061b\"'\u00ab\u00bb()[]"
_SPACE = re.compile(r"\s+")
_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$")


def normalise_answer(text: str) -> str:
    """Fold case, spacing, letter variants, digits, diacritics and joiners to one form.

    ZWNJ and other joiners become spaces, so ``می‌روم`` and ``می روم`` agree; the
    comparison in :func:`answer_matches` also ignores spaces altogether.
    """
    if text.isascii():
        # The same result without the walk through each character: ASCII has no diacritics,
        # joiners, letter variants or non-ASCII digits, and its only Z-category space is " ".
        return _SPACE.sub(" ", text.lower()).strip(" " + _EDGE_PUNCTUATION)
    return _normalise_any(text)


def _normalise_any(text: str) -> str:
    """:func:`normalise_answer` for any text, one character at a time."""
    decomposed = unicodedata.normalize("NFKD", text).lower()
    kept: list[str] = []
    for char in decomposed:
        category = unicodedata.category(char)
        if category.startswith("M"):
            continue  # diacritics: harakat, accents, the hamza and madda of أ إ آ ؤ ئ
        kept.append(" " if category == "Cf" or category.startswith("Z") else char)
    folded = "".join(kept).translate(_LETTERS).translate(_DIGITS)
    folded = _SPACE.sub(" ", folded).strip(" " + _EDGE_PUNCTUATION)
    return unicodedata.normalize("NFC", folded)


def compact(text: str) -> str:
    """The normalised answer without any space, for space-insensitive comparison."""
    return normalise_answer(text).replace(" ", "")


def answer_matches(given: str, accepted: Iterable[str], patterns: Iterable[str] = ()) -> bool:
    """Whether a typed answer equals an accepted one, or matches a pattern, after normalising.

    Patterns are written for JavaScript; Python's ``re`` reads the common subset the same
    way, and a pattern it cannot read simply does not match here.
    """
    typed = normalise_answer(given)
    if not typed:
        return False
    if compact(given) in {compact(a) for a in accepted}:
        return True
    for pattern in patterns:
        try:
            if re.search(pattern, typed):
                return True
        except re.error:
            continue
    return False


def parse_number(text: str) -> float | None:
    """Read a number typed with Latin, Persian or Arabic-Indic digits and ``.`` or ``٫``.

    Thousands separators (``,`` ``٬``) and spaces are ignored; anything else gives ``None``.
    """
    folded = unicodedata.normalize("NFKC", text).translate(_DIGITS).lower()
    folded = re.sub(r"[\s,_]", "", folded)
    if not _NUMBER.match(folded):
        return None
    value = float(folded)
    return value if math.isfinite(value) else None


def number_matches(given: str, value: float, tolerance: float = 0.0) -> bool:
    """Whether a typed number lies within ``tolerance`` of ``value``."""
    number = parse_number(given)
    return number is not None and abs(number - value) <= tolerance + 1e-9 * max(1.0, abs(value))


#: Letters the site folds together, written the other way (Persian keyboard -> Arabic one).
_ARABIC_LETTERS = str.maketrans({"\u06cc": "\u064a", "\u06a9": "\u0643"})
_ZWNJ = "\u200c"
_DIGIT_SETS = ("0123456789", "۰۱۲۳۴۵۶۷۸۹", "٠١٢٣٤٥٦٧٨٩")


def _in_digits(text: str, digits: str) -> str:
    return "".join(digits[int(ch)] if ch.isdigit() and ch.isascii() else ch for ch in text)


def digit_forms(text: str) -> list[str]:
    """``text`` with its digits written in Latin, Persian and Arabic-Indic digits."""
    latin = text.translate(_DIGITS) if any(ch.isdigit() for ch in text) else text
    if not any(ch.isdigit() for ch in latin):
        return [text]
    return list(dict.fromkeys(_in_digits(latin, digits) for digits in _DIGIT_SETS))


def spelling_variants(answer: str, limit: int = 48) -> list[str]:
    """Spellings of an accepted answer that the site accepts and an exact-match grader would not.

    Why: Moodle's and Canvas's short-answer graders compare the listed answers only (ignoring
    case), while the site also accepts other digits, Arabic letter forms, a ZWNJ typed as a
    space or left out, and no diacritics. Listing these spellings makes the LMS grade them
    as the site does. The answer itself comes first; at most ``limit`` spellings.
    """
    forms = [answer]
    stripped = "".join(
        ch
        for ch in unicodedata.normalize("NFD", answer)
        if not unicodedata.category(ch).startswith("M")
    )
    forms.append(unicodedata.normalize("NFC", stripped))
    if _ZWNJ in answer:
        forms += [f.replace(_ZWNJ, " ") for f in forms] + [f.replace(_ZWNJ, "") for f in forms]
    forms += [f.translate(_ARABIC_LETTERS) for f in forms]
    forms = [variant for form in forms for variant in digit_forms(form)]
    return list(dict.fromkeys(forms))[:limit]


def number_forms(value: str) -> list[str]:
    """An exact number as a learner may type it: each digit script, with thousands signs."""
    sign = "-" if value.startswith("-") else ""
    whole, dot, fraction = value.removeprefix("-").partition(".")
    forms = [value]
    if len(whole) > 3:
        grouped = f"{int(whole):,}"
        forms.append(f"{sign}{grouped}{dot}{fraction}")
        forms.append(f"{sign}{grouped.replace(',', '٬')}{dot}{fraction}")
    out = []
    for form in forms:
        for digits in _DIGIT_SETS:
            written = _in_digits(form, digits)
            if digits != _DIGIT_SETS[0]:
                written = written.replace(".", "٫")
            out.append(written)
    return list(dict.fromkeys(out))
