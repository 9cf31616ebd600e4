// @ts-check
// quizgen runtime. Pure functions first (tested under node); words and keys come from the page.
(() => {
  "use strict";

  // ---- pure functions -------------------------------------------------------------------

  /** @type {Record<string, string>} Arabic-script letter variants -> one form. */
  const LETTERS = { "\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9", "\u0629": "\u0647",
    "\u06d5": "\u0647", "\u0671": "\u0627", "\u0640": "" };
  const EDGE = " .,;:!?\u061f\u060c\u061b\"'\u00ab\u00bb()[]";

  /** Persian and Arabic-Indic digits to ASCII, and their decimal/thousands signs.
   * @param {string} text @returns {string} */
  function digits(text) {
    return text.replace(/[\u06f0-\u06f9\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) & 15))
      .replace(/\u066b/g, ".").replace(/\u066c/g, ",").replace(/\u2212/g, "-");
  }

  /** Fold case, spacing, letter variants, digits, diacritics and joiners (as answers.py does).
   * @param {string} text @returns {string} */
  function normalise(text) {
    let out = "";
    for (const ch of String(text).normalize("NFKD").toLowerCase()) {
      if (/\p{M}/u.test(ch)) continue;
      out += /[\p{Cf}\p{Z}]/u.test(ch) ? " " : (LETTERS[ch] ?? ch);
    }
    out = digits(out).replace(/\s+/g, " ");
    let start = 0, end = out.length;
    while (start < end && EDGE.includes(out[start])) start++;
    while (end > start && EDGE.includes(out[end - 1])) end--;
    return out.slice(start, end).normalize("NFC");
  }

  /** @param {string} text */
  const compact = (text) => normalise(text).replace(/ /g, "");

  /** Whether a typed answer equals an accepted one or matches a pattern, after normalising.
   * @param {string} given @param {string[]} accepted @param {string[]} patterns */
  function matchText(given, accepted, patterns) {
    const typed = normalise(given);
    if (!typed) return false;
    const short = typed.replace(/ /g, "");
    if (accepted.some((a) => compact(a) === short)) return true;
    return patterns.some((p) => {
      try { return new RegExp(p).test(typed); } catch { return false; }
    });
  }

  /** A number typed with Latin, Persian or Arabic-Indic digits, or null.
   * @param {string} text @returns {number | null} */
  function parseNumber(text) {
    const s = digits(String(text).normalize("NFKC")).toLowerCase().replace(/[\s,_]/g, "");
    if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(s)) return null;
    const value = Number(s);
    return Number.isFinite(value) ? value : null;
  }

  /** @typedef {{score: number | null, state: string}} Grade */
  /** @param {number} score @returns {Grade} */
  const graded = (score) => ({ score, state: score >= 1 ? "correct" : score > 0 ? "partly" : "incorrect" });
  const EMPTY = { score: null, state: "empty" };

  /** Grade an answer against the key of ``data-qz-key``.
   * @param {string} type @param {any} key @param {any} a @returns {Grade} */
  function grade(type, key, a) {
    switch (type) {
      case "single": case "multiple": {
        if (!a.length) return EMPTY;
        const hits = a.filter((/** @type {number} */ i) => key.c.includes(i)).length;
        const wrong = a.length - hits;
        return graded(type === "single" ? (wrong ? 0 : 1) : Math.max(0, (hits - wrong) / key.c.length));
      }
      case "true-false": return a === null ? EMPTY : graded(a === key.a ? 1 : 0);
      case "fill-blank": return normalise(a) ? graded(matchText(a, key.a, key.p) ? 1 : 0) : EMPTY;
      case "numeric": {
        if (!String(a).trim()) return EMPTY;
        const n = parseNumber(a);
        if (n === null) return { score: null, state: "unread" };
        return graded(Math.abs(n - key.v) <= key.t + 1e-9 * Math.max(1, Math.abs(key.v)) ? 1 : 0);
      }
      case "ordering":
        return graded(a.filter((/** @type {number} */ v, /** @type {number} */ i) => v === i).length / a.length);
      case "matching":
        if (a.every((/** @type {any} */ v) => v === null)) return EMPTY;
        return graded(a.filter((/** @type {any} */ v, /** @type {number} */ i) => v === key.m[i]).length / a.length);
      case "short-answer": {
        if (!a.t.trim()) return EMPTY;
        const ticked = a.k.filter(Boolean).length;
        return { score: a.k.length ? ticked / a.k.length : null, state: "self" };
      }
    }
    return EMPTY;
  }

  /** FNV-1a hash of a string, for seeding. @param {string} text */
  function hash(text) {
    let h = 2166136261;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    return h >>> 0;
  }

  /** A fixed permutation of 0..n-1 for a seed text (mulberry32 + Fisher-Yates).
   * @param {number} n @param {string} seed @returns {number[]} */
  function shuffled(n, seed) {
    let s = hash(seed);
    const next = () => {
      s = (s + 0x6d2b79f5) | 0;
      let t = Math.imul(s ^ (s >>> 15), 1 | s);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const order = [...Array(n).keys()];
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    return order;
  }

  /** Indexes of the ``count`` questions drawn for a seed, in bank order.
   * @param {number} n @param {number} count @param {string} seed */
  const drawn = (n, count, seed) => shuffled(n, seed).slice(0, count).sort((x, y) => x - y);

  /** ``{name}`` placeholders filled from values. @param {string} text @param {Record<string, string>} values */
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m));

  /** A stored record, or null when it is junk. @param {string | null} raw */
  function readRecord(raw) {
    try {
      const r = JSON.parse(raw || "");
      return r && typeof r === "object" && !Array.isArray(r) && typeof r.st === "string" ? r : null;
    } catch { return null; }
  }

  const core = { normalise, compact, matchText, parseNumber, grade, shuffled, drawn, fill, readRecord };
  if (typeof document === "undefined") {
    /** @type {any} */ (globalThis).quizgenCore = core;
    return;
  }

  // ---- storage: blocked, full or foreign storage must never break the quiz --------------

  /** @param {string} key */
  function load(key) { try { return localStorage.getItem(key); } catch { return null; } }
  /** @param {string} key @param {string | null} value */
  function save(key, value) {
    try { value === null ? localStorage.removeItem(key) : localStorage.setItem(key, value); } catch { /* full or blocked */ }
  }

  // ---- DOM ------------------------------------------------------------------------------

  /** @typedef {{form: HTMLFormElement, id: string, type: string, key: any, objective: string,
   *   score: number | null, state: string, number: HTMLElement | null, start: string[]}} Question */

  /** @param {ParentNode} root @param {string} sel @returns {HTMLElement[]} */
  const all = (root, sel) => /** @type {HTMLElement[]} */ ([...root.querySelectorAll(sel)]);
  /** @param {Element} el @param {string} sel @returns {any} */
  const one = (el, sel) => el.querySelector(sel);
  /** @param {ParentNode} el @param {string} [sel] @returns {HTMLInputElement[]} */
  const inputs = (el, sel = "input, select, textarea") => /** @type {any} */ (all(el, sel));

  /** @param {HTMLElement} root */
  function setup(root) {
    const data = root.dataset;
    /** @type {Record<string, string>} */
    let words = {};
    try { words = JSON.parse(data.qzLabels || "{}"); } catch { /* keep keys */ }
    /** @param {string} k */
    const word = (k) => words[k] || k;
    const lang = data.qzLang || document.documentElement.lang || "en";
    /** @param {number} n */
    const num = (n) => (Math.round(n * 10) / 10).toLocaleString(lang);
    const store = `${data.qzStore || "quizgen"}:`;
    const prefix = `${store}${data.qzLang}:${data.qzBank}:`;
    const param = new URLSearchParams(location.search).get("qz-seed");
    let seed = param || data.qzSeed || load(`${store}seed`);
    if (!seed) {
      seed = String(Math.floor(Math.random() * 1e9));
      save(`${store}seed`, seed);
    }
    const questions = all(root, "form.qz-question").map((el) => {
      const form = /** @type {HTMLFormElement} */ (el);
      let key = {};
      try { key = JSON.parse(form.dataset.qzKey || "{}"); } catch { /* unchecked */ }
      return /** @type {Question} */ ({ form, id: form.dataset.qzId || "", type: form.dataset.qzWidget || form.dataset.qzType || "",
        key, objective: form.dataset.qzObjective || "", score: null, state: "", number: one(form, ".qz-number"), start: [] });
    });
    const draw = Number(data.qzDraw) || 0;
    const kept = draw ? drawn(questions.length, draw, `${seed}:${data.qzBank}`) : questions.map((_, i) => i);
    const active = kept.map((i) => questions[i]);
    if (draw) { // the build numbered them all
      questions.forEach((q) => { q.form.hidden = !active.includes(q); });
      active.forEach((q, i) => { if (q.number) q.number.textContent = `${(i + 1).toLocaleString(lang)}.`; });
    }
    for (const el of all(root, "[data-qz-js]")) el.hidden = false;

    /** Put children of ``parent`` matching ``sel`` in the given order. @param {Element} parent @param {string} sel @param {number[]} order */
    function arrange(parent, sel, order) {
      const items = all(parent, sel);
      for (const i of order) if (items[i]) parent.append(items[i]);
    }

    /** The order items or choices start in: shuffled per learner when allowed. @param {Question} q */
    function shuffle(q) {
      if (!("qzShuffle" in q.form.dataset)) return;
      const s = `${seed}:${data.qzBank}:${q.id}`;
      const box = q.form.querySelector(".qz-choices, .qz-order");
      if (box && q.type !== "true-false") arrange(box, ":scope > *", shuffled(box.children.length, s));
      for (const select of all(q.form, "select")) {
        const options = all(select, "option").slice(1);
        shuffled(options.length, s).forEach((i) => select.append(options[i]));
      }
    }

    /** @param {Question} q */
    function read(q) {
      const f = q.form;
      const checked = inputs(f, ".qz-choice input:checked").map((i) => i.value);
      switch (q.type) {
        case "true-false": return checked.length ? checked[0] === "true" : null;
        case "single": case "multiple": return checked.map(Number);
        case "ordering": return all(f, ".qz-order li").map((li) => Number(li.dataset.qzItem));
        case "matching": return inputs(f).map((s) => (s.value === "" ? null : Number(s.value)));
        case "short-answer":
          return { t: one(f, "textarea").value,
            k: inputs(f, ".qz-rubric input").map((c) => c.checked) };
      }
      return one(f, ".qz-blank input").value;
    }

    /** Put a stored answer back; anything that does not fit this page is ignored. @param {Question} q @param {any} a */
    function write(q, a) {
      const f = q.form;
      if (q.type === "ordering" && Array.isArray(a)) {
        const items = all(f, ".qz-order li");
        if ([...a].sort().join() === items.map((li) => li.dataset.qzItem).sort().join()) {
          for (const v of a) one(f, ".qz-order").append(items.find((li) => li.dataset.qzItem === String(v)));
        }
      } else if (q.type === "matching" && Array.isArray(a)) {
        inputs(f).forEach((s, i) => { if (all(s, "option").some((o) => o.getAttribute("value") === String(a[i] ?? ""))) s.value = String(a[i] ?? ""); });
      } else if (q.type === "short-answer" && a && typeof a.t === "string") {
        one(f, "textarea").value = a.t;
        inputs(f, ".qz-rubric input").forEach((c, i) => { c.checked = Array.isArray(a.k) && a.k[i] === true; });
      } else if (["single", "multiple", "true-false"].includes(q.type)) {
        const wanted = (Array.isArray(a) ? a : [a]).map(String);
        for (const i of inputs(f, ".qz-choice input")) i.checked = wanted.includes(i.value);
      } else if (typeof a === "string") {
        one(f, ".qz-blank input").value = a.slice(0, 2000);
      }
    }

    /** Remove marks and feedback. @param {Question} q */
    function clear(q) {
      for (const m of all(q.form, ".qz-mark")) m.textContent = "";
      for (const el of all(q.form, ".qz-feedback, .qz-wrong, .qz-explanation, .qz-model")) el.hidden = true;
      one(q.form, ".qz-status").textContent = "";
      one(q.form, ".qz-status").className = "qz-status";
      one(q.form, ".qz-retry").hidden = true;
    }

    /** @param {Question} q @param {string} text @param {string} state */
    function status(q, text, state) {
      const el = one(q.form, ".qz-status");
      const icon = { correct: "✓ ", incorrect: "✗ ", partly: "◐ ", self: "✎ ", shown: "ⓘ " }[state] || "";
      el.textContent = icon + text;
      el.className = `qz-status qz-${state}`;
    }

    /** Check a question and show feedback; ``quiet`` when restoring. @param {Question} q @param {boolean} [quiet] */
    function check(q, quiet) {
      const answer = read(q);
      const result = grade(q.type, q.key, answer);
      clear(q);
      if (result.state === "empty" || result.state === "unread") {
        status(q, word(result.state), "");
        return;
      }
      q.score = result.score;
      q.state = result.state;
      const f = q.form;
      if (q.type === "short-answer") {
        one(f, ".qz-model").hidden = false;
        status(q, `${word("compare")} (${word("self")})`, "self");
      } else {
        status(q, word(result.state), result.state);
        one(f, ".qz-retry").hidden = false;
      }
      for (const row of all(f, ".qz-choice")) {
        const box = one(row, "input");
        if (!box.checked) continue;
        const right = q.type === "true-false" ? (box.value === "true") === q.key.a : q.key.c.includes(Number(box.value));
        one(row, ".qz-mark").textContent = right ? `✓ ${word("right")}` : `✗ ${word("wrong")}`;
        const fb = one(row, ".qz-feedback");
        if (fb) fb.hidden = false;
      }
      if (q.type === "matching") {
        inputs(f).forEach((s, i) => {
          if (s.value !== "") one(f, `#${CSS.escape(s.id)}-s`).textContent = Number(s.value) === q.key.m[i] ? "✓" : `✗ ${word("wrong")}`;
        });
      }
      if (result.state !== "correct") for (const el of all(f, ".qz-wrong")) el.hidden = false;
      for (const el of all(f, ".qz-explanation")) el.hidden = false;
      if (!quiet) remember(q, answer);
      summarise();
    }

    /** @param {Question} q @param {any} answer */
    function remember(q, answer) {
      save(prefix + q.id, JSON.stringify({ a: answer, s: q.score, st: q.state }));
    }

    /** @param {Question} q @param {boolean} [quiet] */
    function show(q, quiet) {
      clear(q);
      one(q.form, ".qz-answer").open = true;
      for (const el of all(q.form, ".qz-explanation, .qz-model")) el.hidden = false;
      if (q.state !== "correct") { q.score = q.type === "short-answer" ? q.score : 0; q.state = "shown"; }
      status(q, word("shown"), "shown");
      one(q.form, ".qz-retry").hidden = false;
      if (!quiet) remember(q, read(q));
      summarise();
    }

    /** @param {Question} q */
    function reset(q) {
      q.form.reset();
      clear(q);
      q.score = null;
      q.state = "";
      one(q.form, ".qz-answer").open = false;
      const order = q.form.querySelector(".qz-order");
      if (order) for (const v of q.start) order.append(/** @type {Node} */ (order.querySelector(`[data-qz-item="${v}"]`)));
      save(prefix + q.id, null);
    }

    const rows = all(root, ".qz-objectives li");
    /** Per-objective and total scores, as text first (the bar only repeats the number). */
    function summarise() {
      const total = one(root, ".qz-total");
      if (!total) return;
      /** @param {Question[]} qs */
      const tally = (qs) => {
        const done = qs.filter((q) => q.score !== null);
        const got = done.reduce((sum, q) => sum + (q.score || 0), 0);
        const self = done.some((q) => q.state === "self");
        return { done: done.length, got, text: done.length ? fill(word("score"), { score: num(got), max: num(done.length) }) + (self ? ` (${word("self")})` : "") : word("none") };
      };
      const t = tally(active);
      total.textContent = `${fill(word("answered"), { n: num(t.done), total: num(active.length) })} · ${t.text}`;
      for (const row of rows) {
        const r = tally(active.filter((q) => q.objective === row.dataset.qzObjective));
        const share = r.done ? r.got / r.done : 0;
        one(row, ".qz-obj-score").textContent = r.text;
        one(row, ".qz-bar span").style.inlineSize = `${Math.round(share * 100)}%`;
        const review = one(row, ".qz-review");
        if (review) review.hidden = !(r.done && share < 0.7);
        row.hidden = !active.some((q) => q.objective === row.dataset.qzObjective);
      }
    }

    /** The attempt as plain text, for the download. */
    function report() {
      const name = one(root, ".qz-name").value.trim() || word("anonymous");
      const lines = [one(root, ".qz-title").textContent || "", `${word("name")}: ${name}`,
        `${word("date")}: ${new Date().toLocaleDateString(lang)}`, one(root, ".qz-total")?.textContent || "", ""];
      for (const row of rows) if (!row.hidden) lines.push(`${row.querySelector(".qz-obj-text")?.textContent}: ${row.querySelector(".qz-obj-score")?.textContent}`);
      lines.push("");
      for (const q of active) {
        const f = q.form;
        const a = /** @type {any} */ (read(q));
        let given = "";
        if (q.type === "ordering") given = all(f, ".qz-order .qz-item").map((el) => el.textContent).join(" → ");
        else if (q.type === "matching") given = all(f, ".qz-pair").map((p) => `${p.querySelector("label")?.textContent} → ${one(p, "select").selectedOptions[0]?.text}`).join("; ");
        else if (q.type === "short-answer") given = a.t;
        else if (typeof a === "string") given = a;
        else given = all(f, ".qz-choice").filter((r) => one(r, "input").checked).map((r) => r.querySelector("label")?.textContent).join("; ");
        lines.push(`${f.querySelector("legend")?.textContent}`, `  ${given}`, `  ${one(f, ".qz-status").textContent}`);
      }
      return lines.join("\n");
    }

    /** @param {boolean} key */
    function print(key) {
      root.classList.toggle("qz-print-key", key);
      window.print();
    }
    const name = one(root, ".qz-name");
    const head = document.createElement("p");
    head.className = "qz-print-head";
    root.prepend(head);
    window.addEventListener("beforeprint", () => {
      head.textContent = `${word("name")}: ${name.value || "…………"} · ${word("date")}: ${new Date().toLocaleDateString(lang)}`;
      const key = root.classList.contains("qz-print-key") || "qzAnswerKey" in data;
      for (const d of all(root, ".qz-answer")) /** @type {HTMLDetailsElement} */ (d).open = key;
    });
    window.addEventListener("afterprint", () => root.classList.remove("qz-print-key"));

    root.addEventListener("click", (event) => {
      const target = /** @type {HTMLElement} */ (event.target);
      const button = /** @type {HTMLElement | null} */ (target.closest("button"));
      if (!button || !root.contains(button)) return;
      const q = questions.find((x) => x.form.contains(button));
      const action = button.dataset.qzAction;
      if (q && button.classList.contains("qz-retry")) { reset(q); summarise(); inputs(q.form)[0]?.focus(); }
      else if (q && button.classList.contains("qz-show")) show(q);
      else if (q && button.matches(".qz-up, .qz-down")) {
        const li = /** @type {any} */ (button.closest("li"));
        const up = button.classList.contains("qz-up");
        const other = up ? li.previousElementSibling : li.nextElementSibling;
        if (other) { other.insertAdjacentElement(up ? "beforebegin" : "afterend", li); button.focus(); }
        status(q, fill(word("moved"), { n: num(all(q.form, ".qz-order li").indexOf(li) + 1) }), "");
      }
      else if (action === "reset") { questions.forEach(reset); summarise(); }
      else if (action === "print") print(false);
      else if (action === "print-key") print(true);
      else if (action === "download") {
        const link = document.createElement("a");
        link.href = URL.createObjectURL(new Blob([report()], { type: "text/plain;charset=utf-8" }));
        link.download = `${data.qzBank}-${new Date().toISOString().slice(0, 10)}.txt`;
        link.click();
        setTimeout(() => URL.revokeObjectURL(link.href), 1000);
      }
    });
    root.addEventListener("submit", (event) => {
      event.preventDefault();
      const q = questions.find((x) => x.form === event.target);
      if (q) check(q);
    });
    root.addEventListener("change", (event) => {
      const q = questions.find((x) => x.form.contains(/** @type {Node} */ (event.target)));
      if (q && q.type === "short-answer" && q.state === "self") check(q);
    });

    for (const q of questions) {
      shuffle(q);
      q.start = all(q.form, ".qz-order li").map((li) => li.dataset.qzItem || "");
      const record = readRecord(load(prefix + q.id));
      if (!record) continue;
      try {
        write(q, record.a);
        if (record.st === "shown") show(q, true);
        else check(q, true);
      } catch { reset(q); }
    }
    summarise();
  }

  // One broken quiz (say, an edited page) must not stop the others on the page.
  const start = () => all(document, ".qz-quiz").forEach((root) => {
    try { setup(root); } catch (error) { console.warn("quizgen:", error); }
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
