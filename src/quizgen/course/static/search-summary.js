// Sphinx's Persian JavaScript catalogue breaks the sentence that ends a search: its plural
// rule, "(n > 1)", gives true/false where Documentation.ngettext needs the index of a form
// (a TypeError on every search with results), and both forms of the sentence are empty.
// Turn the rule's answer into an index, and take the sentence from the site's own catalogue,
// which the search page template renders into data-one and data-many.
(() => {
  const script = document.currentScript;
  if (typeof Documentation === "undefined" || !script) return;
  const rule = Documentation.PLURAL_EXPR;
  Documentation.PLURAL_EXPR = (n) => Number(rule(n));
  const { one, many } = script.dataset;
  const key = "Search finished, found one page matching the search query.";
  const forms = Documentation.TRANSLATIONS[key];
  if (Array.isArray(forms) && !forms.every(Boolean) && one && many) {
    Documentation.TRANSLATIONS[key] = [one, many];
  }
})();
