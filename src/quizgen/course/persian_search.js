// @ts-check
/*
 * Persian search for Sphinx: the browser half of persian_search.py.
 *
 * Sphinx embeds this file in language_data.js. The index was built by the same rules in
 * Python, so a query typed with Arabic ي/ك, without a zero-width non-joiner, with diacritics,
 * Persian digits or a plural suffix still meets the indexed word. Keep the two in step:
 * tests/rtl/persian_search_cases.yaml is read by the tests of both.
 */

var PersianSearch = (function () {
  /** @type {Record<string, string>} */
  const FOLD = {
    "\u064A": "\u06CC", // ي Arabic yeh -> ی
    "\u0649": "\u06CC", // ى alef maksura -> ی
    "\u0626": "\u06CC", // ئ yeh with hamza -> ی
    "\u0643": "\u06A9", // ك Arabic kaf -> ک
    "\u0629": "\u0647", // ة teh marbuta -> ه
    "\u06C0": "\u0647", // ۀ heh with yeh -> ه
    "\u06D5": "\u0647", // ە ae -> ه
    "\u0622": "\u0627", // آ alef with madda -> ا
    "\u0623": "\u0627", // أ
    "\u0625": "\u0627", // إ
    "\u0671": "\u0627", // ٱ
    "\u0624": "\u0648", // ؤ -> و
  };
  for (let digit = 0; digit < 10; digit += 1) {
    FOLD[String.fromCharCode(0x06f0 + digit)] = String(digit); // Persian digits
    FOLD[String.fromCharCode(0x0660 + digit)] = String(digit); // Arabic-Indic digits
  }
  const FOLDABLE = new RegExp("[" + Object.keys(FOLD).join("") + "]", "g");
  // Diacritics, Quranic marks, tatweel, zero-width and bidi controls.
  const IGNORABLE =
    /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
  const NON_WORD = /[^\p{L}\p{N}_]+/u;
  const PERSIAN_LETTER = /^[\u0600-\u06FF]+$/;
  const MIN_STEM = 3;
  // Longest first; stripped repeatedly while at least MIN_STEM letters remain.
  const SUFFIXES = [
    "هایشان", "هایتان", "هایمان", "هایش", "هایت", "هایم", "هایی", "های", "ها",
    "ترین", "یان", "گان", "ان", "ات", "ی", "ه",
  ];

  /**
   * Fold spelling variants into one form: NFKC, no diacritics or joiners, Persian letters,
   * ASCII digits, lower case.
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
   * Strip plural, possessive and adjectival suffixes from a normalised Persian word.
   * @param {string} word
   * @returns {string}
   */
  function stem(word) {
    if (!PERSIAN_LETTER.test(word)) return word;
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
  this.stemWord = (word) => PersianSearch.stem(PersianSearch.normalise(word));
};
