"""Numbers as the author wrote them, for every output."""

from __future__ import annotations

from quizgen.languages import LATIN_DIGITS, primary, to_digits


def plain_number(value: float) -> str:
    """Shortest exact form: ``2018``, ``0.5``, ``123456789``; never ``1.23457e+08``."""
    number = float(value)
    if number.is_integer() and abs(number) < 1e21:
        return str(int(number))
    text = repr(number)
    if "e" in text:  # 1e-07 -> 0.0000001: LMS number fields read plain decimals only
        text = f"{number:.20f}".rstrip("0").rstrip(".")
    return text


#: The digits quiz numbers and exported positions are written in, where not Latin. (CLDR's
#: default for Arabic is Latin; quizzes follow the Arabic-Indic digits of Arabic print.)
_NUMBERING = {"fa": "arabext", "ar": "arab", "ur": "arabext"}


def local_digits(number: int | str, language: str) -> str:
    """``12`` in the digits of ``language``: Persian writes ۱۲."""
    return to_digits(str(number), _NUMBERING.get(primary(language), LATIN_DIGITS))


def number_signs(language: str) -> tuple[str, str]:
    """The ten digits and the decimal sign numbers are written with in ``language``.

    Why: the runtime writes scores in the page's digits without asking the browser's
    ``Intl`` (whose first use costs tens of milliseconds while the page starts).
    """
    from babel.numbers import get_decimal_symbol

    numbering = _NUMBERING.get(primary(language), LATIN_DIGITS)
    try:
        decimal = get_decimal_symbol(primary(language), numbering_system=numbering)
    except Exception:  # babel raises several kinds for unknown locales or systems
        decimal = "."
    return local_digits("0123456789", language), str(decimal)
