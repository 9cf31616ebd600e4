// @ts-check
/* The site root: open the edition the reader chose before, else the browser's language.
   Without JavaScript the page simply shows a link to each edition. */
"use strict";

(function () {
  const EDITIONS = ["en", "fa"];

  /** @returns {string | null} */
  function remembered() {
    try {
      const choice = localStorage.getItem("course-edition");
      return choice && EDITIONS.includes(choice) ? choice : null;
    } catch {
      return null;
    }
  }

  /** @param {readonly string[]} languages @returns {string} */
  function fromBrowser(languages) {
    for (const tag of languages) {
      const primary = tag.toLowerCase().split("-")[0];
      if (EDITIONS.includes(primary)) return primary;
    }
    return "en";
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
