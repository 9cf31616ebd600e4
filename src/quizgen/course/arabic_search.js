// @ts-check
/*
 * Arabic search for Sphinx: the browser half of arabic_search.py.
 *
 * Sphinx embeds this file in language_data.js. The index was built by the same rules in
 * Python, so a query typed with or without hamza or diacritics, with ى or ي, ة or ه, with the
 * article or a light suffix still meets the indexed word. Keep the two in step:
 * tests/course/arabic_search_cases.yaml is read by the tests of both.
 */

var ArabicSearch = (function () {
  /** @type {Record<string, string>} */
  const FOLD = {
    "\u0623": "\u0627", // أ -> ا
    "\u0625": "\u0627", // إ -> ا
    "\u0622": "\u0627", // آ -> ا
    "\u0671": "\u0627", // ٱ -> ا
    "\u0649": "\u064A", // ى alef maksura -> ي
    "\u0626": "\u064A", // ئ -> ي
    "\u06CC": "\u064A", // ی Persian yeh -> ي
    "\u0624": "\u0648", // ؤ -> و
    "\u0629": "\u0647", // ة teh marbuta -> ه
    "\u06A9": "\u0643", // ک Persian kaf -> ك
  };
  for (let digit = 0; digit < 10; digit += 1) {
    FOLD[String.fromCharCode(0x0660 + digit)] = String(digit); // Arabic-Indic digits
    FOLD[String.fromCharCode(0x06f0 + digit)] = String(digit); // Persian digits
  }
  const FOLDABLE = new RegExp("[" + Object.keys(FOLD).join("") + "]", "g");
  // Diacritics, Quranic marks, tatweel, zero-width and bidi controls.
  const IGNORABLE =
    /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
  const NON_WORD = /[^\p{L}\p{N}_]+/u;
  const ARABIC_LETTER = /^[\u0600-\u06FF]+$/;
  const MIN_STEM = 3;
  // Longest first; at most one is stripped.
  const PREFIXES = ["وال", "بال", "كال", "فال", "لل", "ال"];
  // Longest first; stripped repeatedly while at least MIN_STEM letters remain.
  const SUFFIXES = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];

  /**
   * Fold spelling variants into one form: NFKC, no diacritics or tatweel, bare alef,
   * ي for ى, ه for ة, ASCII digits, lower case.
   * @param {string} text
   * @returns {string}
   */
  function normalise(text) {
    return text
      .normalize("NFKC")
      .replace(IGNORABLE, "")
      .replace(FOLDABLE, (char) => FOLD[char])
      .toLowerCase();
  }

  /**
   * Split a normalised query into words, as Python's \w+ does.
   * @param {string} text
   * @returns {string[]}
   */
  function split(text) {
    return normalise(text)
      .split(NON_WORD)
      .filter((word) => word);
  }

  /**
   * Strip a leading و and the article, then light suffixes, from a normalised Arabic word.
   * @param {string} word
   * @returns {string}
   */
  function stem(word) {
    if (!ARABIC_LETTER.test(word)) return word;
    if (word.startsWith("و") && word.length - 1 > MIN_STEM) word = word.slice(1);
    for (const prefix of PREFIXES) {
      if (word.startsWith(prefix) && word.length - prefix.length >= MIN_STEM) {
        word = word.slice(prefix.length);
        break;
      }
    }
    let changed = true;
    while (changed) {
      changed = false;
      for (const suffix of SUFFIXES) {
        if (word.endsWith(suffix) && word.length - suffix.length >= MIN_STEM) {
          word = word.slice(0, word.length - suffix.length);
          changed = true;
          break;
        }
      }
    }
    return word;
  }

  return { normalise, split, stem };
})();

/** Sphinx's searchtools.js calls `new Stemmer().stemWord(word)` on each query word. */
var Stemmer = function () {
  /** @param {string} word */
  this.stemWord = (word) => ArabicSearch.stem(ArabicSearch.normalise(word));
};
