"""Persian full-text search for Sphinx: normalise spelling variants and strip suffixes.

The same rules run in the browser (persian_search.js, embedded by Sphinx in
``language_data.js``), so a query meets the indexed word however it is typed.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from sphinx.search import SearchLanguage

_FOLD = {
    "\u064a": "\u06cc",  # ي Arabic yeh -> ی
    "\u0649": "\u06cc",  # ى alef maksura -> ی
    "\u0626": "\u06cc",  # ئ yeh with hamza -> ی
    "\u0643": "\u06a9",  # ك Arabic kaf -> ک
    "\u0629": "\u0647",  # ة teh marbuta -> ه
    "\u06c0": "\u0647",  # ۀ heh with yeh -> ه
    "\u06d5": "\u0647",  # ە ae -> ه
    "\u0622": "\u0627",  # آ alef with madda -> ا
    "\u0623": "\u0627",  # أ
    "\u0625": "\u0627",  # إ
    "\u0671": "\u0627",  # ٱ
    "\u0624": "\u0648",  # ؤ -> و
}
_FOLD.update({chr(0x06F0 + digit): str(digit) for digit in range(10)})  # Persian digits
_FOLD.update({chr(0x0660 + digit): str(digit) for digit in range(10)})  # Arabic-Indic digits
_FOLD_TABLE = str.maketrans(_FOLD)
# Diacritics, Quranic marks, tatweel, zero-width and bidi controls.
_IGNORABLE = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
    "\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)
_WORD = re.compile(r"\w+")
_PERSIAN_WORD = re.compile("^[\u0600-\u06ff]+$")
MIN_STEM = 3
#: Longest first; stripped repeatedly while at least MIN_STEM letters remain.
SUFFIXES = (
    "هایشان", "هایتان", "هایمان", "هایش", "هایت", "هایم", "هایی", "های", "ها",
    "ترین", "یان", "گان", "ان", "ات", "ی", "ه",
)  # fmt: skip
#: Function words, in normalised spelling, left out of the index and of queries.
STOPWORDS = frozenset((
    "و", "در", "به", "از", "که", "این", "ان", "را", "با", "است", "برای", "یک", "تا", "هم", "بر",
    "یا", "نیز", "اما", "بود", "شد", "شده", "شود", "می", "ها", "های", "ای", "هر", "همه", "دیگر",
    "کرد", "کند", "کنند", "خود", "باید",
))  # fmt: skip
JS_STEMMER = (Path(__file__).parent / "persian_search.js").read_text(encoding="utf-8")


def normalise(text: str) -> str:
    """Fold spelling variants into one form.

    NFKC, then no diacritics or joiners (ZWNJ), Persian ی/ک/ه for their Arabic look-alikes,
    ASCII digits, lower case.
    """
    text = _IGNORABLE.sub("", unicodedata.normalize("NFKC", text))
    return text.translate(_FOLD_TABLE).lower()


def split(text: str) -> list[str]:
    """Split text into normalised words."""
    return _WORD.findall(normalise(text))


def stem(word: str) -> str:
    """Strip plural, possessive and adjectival suffixes from a normalised Persian word.

    Stopwords come back unchanged so that the index filter still recognises them (the browser
    drops them before stemming).
    """
    if word in STOPWORDS or not _PERSIAN_WORD.match(word):
        return word
    changed = True
    while changed:
        changed = False
        for suffix in SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
                word = word[: -len(suffix)]
                changed = True
                break
    return word


class SearchPersian(SearchLanguage):
    """Sphinx search language for Persian (``fa``)."""

    lang = "fa"
    language_name = "Persian"
    stopwords = STOPWORDS
    js_stemmer_code = JS_STEMMER
    js_splitter_code = "var splitQuery = (query) => PersianSearch.split(query);\n"

    def split(self, input: str) -> list[str]:
        return split(input)

    def stem(self, word: str) -> str:
        return stem(normalise(word))
