// Private windows and strict cookie settings make localStorage and sessionStorage throw on
// every use, and the theme, Sphinx's search highlighter and sphinx-design's tabs use them
// unguarded. On such a page, give each a store that lasts as long as the page, so every
// script works quietly; nothing is kept, which is what the reader's settings ask for.
(() => {
  for (const name of ["localStorage", "sessionStorage"]) {
    try {
      window[name].getItem("storage-guard");
      continue;
    } catch {
      // blocked: fall through and replace it
    }
    const items = new Map();
    const memory = {
      get length() { return items.size; },
      key: (i) => [...items.keys()][i] ?? null,
      getItem: (k) => (items.has(String(k)) ? items.get(String(k)) : null),
      setItem: (k, v) => { items.set(String(k), String(v)); },
      removeItem: (k) => { items.delete(String(k)); },
      clear: () => items.clear(),
    };
    try {
      Object.defineProperty(window, name, { value: memory, configurable: true });
    } catch {
      // the browser will not let the property be replaced; nothing more can be done
    }
  }
})();
