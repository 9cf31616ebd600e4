// @ts-check
/* Remember the edition a reader picks, so the site's root page opens it next time. */
"use strict";

document.addEventListener("click", (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const link = target?.closest("a[data-edition]");
  if (!(link instanceof HTMLAnchorElement)) return;
  try {
    localStorage.setItem("course-edition", link.dataset.edition || "");
  } catch {
    // Storage can be blocked; the links still work.
  }
});
