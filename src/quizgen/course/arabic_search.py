"""Arabic full-text search for Sphinx: fold letter variants, strip the article and light suffixes.

A light stemmer in the manner of Larkey, Ballesteros and Connell's "light10": it removes the
article and a few prefixes and suffixes, never roots. The same rules run in the browser
(arabic_search.js, embedded by Sphinx in ``language_data.js``), so a query meets the indexed
word however it is typed: with or without hamza or diacritics, with ى or ي, ة or ه.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.search import SearchLanguage

if TYPE_CHECKING:
    pass

_FOLD = {
    "\u0623": "\u0627",  # أ -> ا
    "\u0625": "\u0627",  # إ -> ا
    "\u0622": "\u0627",  # آ -> ا
    "\u0671": "\u0627",  # ٱ -> ا
    "\u0649": "\u064a",  # ى alef maksura -> ي
    "\u0626": "\u064a",  # ئ -> ي
    "\u06cc": "\u064a",  # ی Persian yeh -> ي
    "\u0624": "\u0648",  # ؤ -> و
    "\u0629": "\u0647",  # ة teh marbuta -> ه
    "\u06a9": "\u0643",  # ک Persian kaf -> ك
}
_FOLD.update({chr(0x0660 + digit): str(digit) for digit in range(10)})  # Arabic-Indic digits
_FOLD.update({chr(0x06F0 + digit): str(digit) for digit in range(10)})  # Persian digits
_FOLD_TABLE = str.maketrans(_FOLD)
# Diacritics, Quranic marks, tatweel, zero-width and bidi controls.
_IGNORABLE = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
    "\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)
_WORD = re.compile(r"\w+")
_ARABIC_WORD = re.compile("^[\u0600-\u06ff]+$")
MIN_STEM = 3
#: Longest first; at most one is stripped.
PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
#: Longest first; stripped repeatedly while at least MIN_STEM letters remain.
SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")
#: Function words, in normalised spelling, left out of the index and of queries.
STOPWORDS = frozenset((
    "في", "من", "علي", "الي", "عن", "ان", "و", "ما", "لا", "هذا", "هذه", "التي", "الذي",
    "كان", "قد", "مع", "ثم", "او", "كل", "بين", "هو", "هي", "لم", "لن", "ذلك", "تلك",
))  # fmt: skip
JS_STEMMER = (Path(__file__).parent / "arabic_search.js").read_text(encoding="utf-8")


def normalise(text: str) -> str:
    """Fold spelling variants into one form.

    NFKC, then no diacritics or tatweel, bare alef for hamzated ones, ي for ى, ه for ة,
    ASCII digits, lower case.
    """
    text = _IGNORABLE.sub("", unicodedata.normalize("NFKC", text))
    return text.translate(_FOLD_TABLE).lower()


def split(text: str) -> list[str]:
    """Split text into normalised words."""
    return _WORD.findall(normalise(text))


def stem(word: str) -> str:
    """Strip a leading ``و`` and article, then light suffixes, from a normalised Arabic word.

    Stopwords come back unchanged so that the index filter still recognises them (the browser
    drops them before stemming).
    """
    if word in STOPWORDS or not _ARABIC_WORD.match(word):
        return word
    if word.startswith("و") and len(word) - 1 > MIN_STEM:
        word = word[1:]
    for prefix in PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_STEM:
            word = word[len(prefix) :]
            break
    changed = True
    while changed:
        changed = False
        for suffix in SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
                word = word[: -len(suffix)]
                changed = True
                break
    return word


class SearchArabic(SearchLanguage):
    """Sphinx search language for Arabic (``ar``)."""

    lang = "ar"
    language_name = "Arabic"
    stopwords = STOPWORDS
    js_stemmer_code = JS_STEMMER
    js_splitter_code = "var splitQuery = (query) => ArabicSearch.split(query);\n"

    def split(self, input: str) -> list[str]:
        return split(input)

    def stem(self, word: str) -> str:
        return stem(normalise(word))
