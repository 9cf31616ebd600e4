"""Language facts from CLDR: direction, script, native names and digits for any language."""

from __future__ import annotations

import pytest

from quizgen.languages import default_numbering, is_rtl, native_name, script, to_digits


@pytest.mark.parametrize("code", ["fa", "ar", "he", "ur", "ps", "ar_EG"])
def test_right_to_left_languages(code: str) -> None:
    assert is_rtl(code)


@pytest.mark.parametrize("code", ["en", "fr", "zh_CN", "hi", None, "xx-not-a-language"])
def test_left_to_right_languages(code: str | None) -> None:
    assert not is_rtl(code)


def test_native_names_and_scripts() -> None:
    assert native_name("fa") == "فارسی"
    assert native_name("ar") == "العربية"
    assert native_name("xx") == "xx"
    assert (script("fa"), script("ar"), script("he"), script("en")) == (
        "Arab",
        "Arab",
        "Hebr",
        "Latn",
    )


def test_digits_follow_each_language() -> None:
    assert default_numbering("fa") == "arabext"
    assert default_numbering("en") == "latn"
    assert to_digits("2026, p. 17", "arabext") == "۲۰۲۶, p. ۱۷"
    assert to_digits("2026", "arab") == "٢٠٢٦"
    assert to_digits("2026", "latn") == "2026"
