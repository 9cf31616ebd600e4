// @ts-check
/* The site root: open the edition the reader chose before, else the browser's language.
   Without JavaScript the page simply shows a link to each edition. Loaded at the end of the
   page, after the links it reads. */
"use strict";

(function () {
  // The editions are the links on this page; the first is the default.
  const EDITIONS = Array.from(document.querySelectorAll("a[data-edition]"), (link) =>
    link instanceof HTMLElement ? link.dataset.edition || "" : "",
  );

  /** @returns {string | null} */
  function remembered() {
    try {
      const choice = localStorage.getItem("course-edition");
      return choice && EDITIONS.includes(choice) ? choice : null;
    } catch {
      return null;
    }
  }

  /** @param {string} code @returns {string} */
  const tag = (code) => code.toLowerCase().replace("_", "-");

  /** @param {readonly string[]} languages @returns {string} */
  function fromBrowser(languages) {
    for (const wanted of languages.map(tag)) {
      const match =
        EDITIONS.find((edition) => tag(edition) === wanted) ||
        EDITIONS.find((edition) => tag(edition).split("-")[0] === wanted.split("-")[0]);
      if (match) return match;
    }
    return EDITIONS[0] || "en";
  }

  // A link on this page means the reader is choosing now: remember it, do not redirect.
  document.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const link = target?.closest("a[data-edition]");
    if (!(link instanceof HTMLAnchorElement)) return;
    try {
      localStorage.setItem("course-edition", link.dataset.edition || "");
    } catch {
      // Storage can be blocked; the link still works.
    }
  });

  if (new URLSearchParams(location.search).has("choose")) return;
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language];
  const edition = remembered() || fromBrowser(languages);
  location.replace(`${edition}/index.html`);
})();
