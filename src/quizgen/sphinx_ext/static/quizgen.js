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
      return r && typeof r === "object" && !Array.isArray(r) && STATES.includes(r.st) ? r : null;
    } catch { return null; }
  }
  const STATES = ["correct", "partly", "incorrect", "self", "shown"];

  /** A saved answer when it fits the question exactly, else undefined: storage is input too.
   * ``shape`` lists the values the page offers: choice values, item ids, or one list per
   * matching select; one entry per rubric line for a short answer.
   * @param {string} type @param {any} a @param {string[][]} shape @returns {any} */
  function fitAnswer(type, a, shape) {
    const [first = []] = shape;
    /** @param {any} v */
    const known = (v, i = 0) => Number.isInteger(v) && (shape[i] || []).includes(String(v));
    const set = Array.isArray(a) && new Set(a).size === a.length && a.every((v) => known(v));
    const fits = {
      single: set && a.length <= 1,
      multiple: set,
      "true-false": typeof a === "boolean" || a === null,
      ordering: set && a.length === first.length,
      matching: Array.isArray(a) && a.length === shape.length && a.every((v, i) => v === null || known(v, i)),
      "short-answer": a && typeof a.t === "string" && a.t.length <= 20000 && Array.isArray(a.k)
        && a.k.length === first.length && a.k.every((/** @type {any} */ k) => typeof k === "boolean"),
      "fill-blank": typeof a === "string" && a.length <= 2000,
      numeric: typeof a === "string" && a.length <= 2000,
    }[type];
    return fits ? a : undefined;
  }

  const core = { normalise, compact, matchText, parseNumber, grade, shuffled, drawn, fill, readRecord, fitAnswer };
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

  /** @typedef {{form: HTMLFormElement, id: string, type: string, key: any, spec: any, objective: string,
   *   score: number | null, state: string, number: HTMLElement | null, start: string[], ready: boolean}} Question */
  /** @typedef {{root: HTMLElement, data: DOMStringMap, word: (k: string) => string, lang: string,
   *   num: (n: number) => string, prefix: string, seed: string, questions: Question[],
   *   active: Question[], rows: HTMLElement[]}} Quiz */

  /** @param {ParentNode} root @param {string} sel @returns {HTMLElement[]} */
  const all = (root, sel) => /** @type {HTMLElement[]} */ ([...root.querySelectorAll(sel)]);
  /** @param {ParentNode} el @param {string} sel @returns {any} */
  const one = (el, sel) => el.querySelector(sel);
  /** @param {ParentNode} el @param {string} [sel] @returns {HTMLInputElement[]} */
  const inputs = (el, sel = "input, select, textarea") => /** @type {any} */ (all(el, sel));
  /** @param {HTMLFormElement} f */
  const checkedValues = (f) => inputs(f, ".qz-choices input:checked").map((i) => i.value);
  /** @param {HTMLFormElement} f */
  const orderItems = (f) => all(f, ".qz-order > li");
  /** @param {HTMLFormElement} f */
  const selects = (f) => inputs(f, ".qz-match select");
  /** A new element with properties and children. @param {string} tag @param {Record<string, any>} [props] @param {(Node | string)[]} [kids] @returns {any} */
  function make(tag, props = {}, kids = []) {
    const el = Object.assign(document.createElement(tag), props);
    el.append(...kids);
    return el;
  }

  // ---- question types: how each one reads, restores and reports its answer ---------------

  /** @typedef {{read: (f: HTMLFormElement) => any, write: (f: HTMLFormElement, a: any) => void,
   *   shape: (f: HTMLFormElement) => string[][], given: (f: HTMLFormElement, a: any) => string}} Kind */

  /** @type {Kind} Single, multiple and true-false: radio buttons or checkboxes. */
  const CHOICES = {
    read: (f) => checkedValues(f).map(Number),
    write: (f, a) => {
      const wanted = a.map(String);
      for (const i of inputs(f, ".qz-choices input")) i.checked = wanted.includes(i.value);
    },
    shape: (f) => [inputs(f, ".qz-choices input").map((i) => i.value)],
    given: (f) => all(f, ".qz-choices label").filter((l) => one(l, "input").checked)
      .map((l) => l.textContent?.trim()).join("; "),
  };
  /** @type {Kind} A typed word or number. */
  const BLANK = {
    read: (f) => one(f, ".qz-blank input").value,
    write: (f, a) => { one(f, ".qz-blank input").value = a; },
    shape: () => [],
    given: (_, a) => a,
  };
  /** @type {Record<string, Kind>} */
  const KINDS = {
    single: CHOICES,
    multiple: CHOICES,
    "true-false": {
      ...CHOICES,
      read: (f) => { const v = checkedValues(f); return v.length ? v[0] === "0" : null; },
      write: (f, a) => CHOICES.write(f, a === null ? [] : [a ? 0 : 1]),
    },
    "fill-blank": BLANK,
    numeric: BLANK,
    ordering: {
      read: (f) => orderItems(f).map((li) => Number(li.dataset.qzItem)),
      write: (f, a) => {
        const items = orderItems(f);
        for (const v of a) one(f, ".qz-order").append(items.find((li) => li.dataset.qzItem === String(v)));
      },
      shape: (f) => [orderItems(f).map((li) => li.dataset.qzItem || "")],
      given: (f) => all(f, ".qz-order .qz-item").map((el) => el.textContent).join(" → "),
    },
    matching: {
      read: (f) => selects(f).map((s) => (s.value === "" ? null : Number(s.value))),
      write: (f, a) => selects(f).forEach((s, i) => { s.value = a[i] === null ? "" : String(a[i]); }),
      shape: (f) => selects(f).map((s) => all(s, "option").map((o) => o.getAttribute("value") || "").filter(Boolean)),
      given: (f) => all(f, ".qz-match > li").map((p) => `${one(p, "label")?.textContent} → ${one(p, "select").selectedOptions[0]?.text}`).join("; "),
    },
    "short-answer": {
      read: (f) => ({ t: one(f, "textarea").value, k: inputs(f, ".qz-rubric input").map((c) => c.checked) }),
      write: (f, a) => {
        one(f, "textarea").value = a.t;
        inputs(f, ".qz-rubric input").forEach((c, i) => { c.checked = a.k[i]; });
      },
      shape: (f) => [inputs(f, ".qz-rubric input").map((_, i) => String(i))],
      given: (_, a) => a.t,
    },
  };
  /** @param {Question} q @returns {Kind} */
  const kind = (q) => KINDS[q.type] || BLANK;

  // ---- controls: the page lists the question's words; the runtime adds what answers them ---

  /** Copies of parts of the answer ``<details>``, the one place feedback is written.
   * @param {Question} q @param {string} sel @returns {HTMLElement[]} */
  const fromAnswer = (q, sel) => all(q.form, `.qz-answer ${sel}`).map((el) => /** @type {any} */ (el.cloneNode(true)));

  /** Add the controls of one question, once, just before it is needed. @param {Quiz} quiz @param {Question} q */
  function hydrate(quiz, q) {
    if (q.ready) return;
    q.ready = true;
    const { form, spec } = q;
    const { word } = quiz;
    const id = form.id;
    // The prompt paragraph becomes the legend of a fieldset around the question's controls.
    const prompt = /** @type {Element} */ (form.firstElementChild);
    prompt.remove();
    const fieldset = make("fieldset", {}, [make("legend", {}, [...prompt.childNodes]), ...form.childNodes]);
    form.append(fieldset);
    form.noValidate = true;
    form.classList.add("qz-live");
    const type = q.type === "multiple" ? "checkbox" : "radio";
    all(form, ".qz-choices > li").forEach((li, i) => {
      const box = make("input", { type, name: "c", value: String(i) });
      box.setAttribute("aria-describedby", `${id}-c${i}-m`);
      li.append(make("label", {}, [box, make("span", {}, [...li.childNodes])]), make("span", { className: "qz-mark", id: `${id}-c${i}-m` }));
    });
    const blank = one(form, ".qz-blank");
    if (blank) {
      const unit = one(blank, ".qz-unit");
      const long = q.type === "short-answer";
      const box = make(long ? "textarea" : "input", long ? { rows: 4, className: "qz-text" }
        : { type: "text", autocomplete: "off", spellcheck: false }, []);
      Object.assign(box, { id: `${id}-a`, name: "a", dir: "auto" });
      if (q.type === "numeric") box.inputMode = "decimal";
      if (unit) { unit.id = `${id}-u`; box.setAttribute("aria-describedby", unit.id); }
      blank.prepend(make("label", { htmlFor: box.id }, [word("answer_here")]), " ", box, " ");
      if (long) {
        const points = fromAnswer(q, ".qz-points li");
        const rubric = make("ul", { className: "qz-rubric" }, points.map((li, i) => {
          const tick = make("input", { type: "checkbox", id: `${id}-r${i}` });
          return make("li", {}, [tick, make("label", { htmlFor: tick.id }, [...li.childNodes])]);
        }));
        blank.after(make("div", { className: "qz-model", hidden: true },
          [...fromAnswer(q, ".qz-key"), ...(points.length ? [make("p", {}, [word("rubric")]), rubric] : [])]));
      }
    }
    const order = one(form, ".qz-order");
    if (order) {
      order.id = `${id}-o`;
      order.setAttribute("aria-describedby", `${id}-h`);
      order.before(make("p", { className: "qz-help", id: `${id}-h` }, [word("order_help")]));
      orderItems(form).forEach((li, i) => {
        li.dataset.qzItem = String(spec.i?.[i] ?? i);
        const text = li.textContent?.trim();
        /** @param {string} cls @param {string} arrow @param {string} w */
        const button = (cls, arrow, w) => make("button", { type: "button", className: cls, ariaLabel: `${word(w)}: ${text}` },
          [make("span", { ariaHidden: "true" }, [arrow])]);
        li.append(make("span", { className: "qz-item" }, [...li.childNodes]),
          make("span", { className: "qz-move" }, [button("qz-up", "↑", "move_up"), button("qz-down", "↓", "move_down")]));
      });
    }
    const rights = all(form, ".qz-rights > li").map((li) => li.textContent?.trim() || "");
    all(form, ".qz-match > li").forEach((li, i) => {
      const select = make("select", { id: `${id}-m${i}`, name: `m${i}` },
        [make("option", { value: "" }, [word("choose")]), ...rights.map((text, v) => make("option", { value: String(v) }, [text]))]);
      li.append(make("label", { htmlFor: select.id }, [...li.childNodes]), " ", select, " ", make("span", { className: "qz-mark", id: `${select.id}-s` }));
    });
    const rightList = one(form, ".qz-rights");
    if (rightList) rightList.hidden = true;
    const retry = make("button", { type: "button", className: "qz-retry", hidden: true }, [word("try_again")]);
    one(form, ".qz-answer").before(
      make("div", { className: "qz-buttons" }, [make("button", { type: "submit", className: "qz-check" }, [word("check")]), " ", retry, " ",
        make("button", { type: "button", className: "qz-show" }, [word("show_answer")])]),
      make("p", { className: "qz-status", role: "status" }));
    shuffle(quiz, q);
    q.start = orderItems(form).map((li) => li.dataset.qzItem || "");
    restore(quiz, q);
  }

  // ---- one question: marks, status, check, show, reset ------------------------------------

  /** Remove marks and feedback. @param {Question} q */
  function clear(q) {
    if (!q.ready) return;
    for (const m of all(q.form, ".qz-mark")) m.textContent = "";
    for (const el of all(q.form, ".qz-after")) el.remove();
    for (const el of all(q.form, ".qz-model")) el.hidden = true;
    const el = one(q.form, ".qz-status");
    el.textContent = "";
    el.className = "qz-status";
    one(q.form, ".qz-retry").hidden = true;
  }

  /** @param {Question} q @param {string} text @param {string} state */
  function status(q, text, state) {
    const el = one(q.form, ".qz-status");
    const icon = { correct: "✓ ", incorrect: "✗ ", partly: "◐ ", self: "✎ ", shown: "ⓘ " }[state] || "";
    el.textContent = icon + text;
    el.className = `qz-status qz-${state}`;
  }

  /** Copies of answer parts shown after a check (the next clear removes them), or null.
   * @param {Question} q @param {string} sel @param {string} cls @returns {HTMLElement | null} */
  function reveal(q, sel, cls) {
    const parts = fromAnswer(q, sel);
    return parts.length ? make("div", { className: `qz-after ${cls}` }, parts) : null;
  }

  /** Right/wrong marks beside the learner's own choices and selects. @param {Quiz} quiz @param {Question} q */
  function mark(quiz, q) {
    const f = q.form;
    for (const row of all(f, ".qz-choices > li")) {
      const box = one(row, "input");
      if (!box.checked) continue;
      const i = Number(box.value); // the bank's order: rows may be shuffled
      const right = q.type === "true-false" ? (i === 0) === q.key.a : q.key.c.includes(i);
      one(row, ".qz-mark").textContent = right ? `✓ ${quiz.word("right")}` : `✗ ${quiz.word("wrong")}`;
      const feedback = reveal(q, `[data-qz-for="${i}"]`, "qz-feedback");
      const label = feedback?.firstChild?.firstChild; // "(b) ": the worksheet's letter, not the row's
      if (label) label.textContent = (label.textContent || "").replace(/^\(\S+\)\s*/, "");
      if (feedback) row.append(feedback);
    }
    if (q.type === "matching") {
      selects(f).forEach((s, i) => {
        if (s.value !== "") one(f, `#${CSS.escape(s.id)}-s`).textContent = Number(s.value) === q.key.m[i] ? "✓" : `✗ ${quiz.word("wrong")}`;
      });
    }
  }

  /** Check a question and show feedback; ``quiet`` when restoring. @param {Quiz} quiz @param {Question} q @param {boolean} [quiet] */
  function check(quiz, q, quiet) {
    const answer = kind(q).read(q.form);
    const result = grade(q.type, q.key, answer);
    clear(q);
    if (result.state === "empty" || result.state === "unread") {
      status(q, quiz.word(result.state), "");
      return;
    }
    q.score = result.score;
    q.state = result.state;
    if (q.type === "short-answer") {
      one(q.form, ".qz-model").hidden = false;
      status(q, `${quiz.word("compare")} (${quiz.word("self")})`, "self");
    } else {
      status(q, quiz.word(result.state), result.state);
      one(q.form, ".qz-retry").hidden = false;
    }
    mark(quiz, q);
    const more = reveal(q, result.state !== "correct" ? ".qz-wrong, .qz-ex" : ".qz-ex", "qz-explanation");
    if (more) one(q.form, ".qz-answer").before(more);
    if (!quiet) remember(quiz, q, answer);
    summarise(quiz);
  }

  /** @param {Quiz} quiz @param {Question} q @param {any} answer */
  function remember(quiz, q, answer) {
    save(quiz.prefix + q.id, JSON.stringify({ a: answer, s: q.score, st: q.state }));
  }

  /** @param {Quiz} quiz @param {Question} q @param {boolean} [quiet] */
  function show(quiz, q, quiet) {
    clear(q);
    one(q.form, ".qz-answer").open = true;
    for (const el of all(q.form, ".qz-model")) el.hidden = false;
    if (q.state !== "correct") { q.score = q.type === "short-answer" ? q.score : 0; q.state = "shown"; }
    status(q, quiz.word("shown"), "shown");
    one(q.form, ".qz-retry").hidden = false;
    if (!quiet) remember(quiz, q, kind(q).read(q.form));
    summarise(quiz);
  }

  /** @param {Quiz} quiz @param {Question} q */
  function reset(quiz, q) {
    q.form.reset();
    clear(q);
    q.score = null;
    q.state = "";
    one(q.form, ".qz-answer").open = false;
    const order = one(q.form, ".qz-order");
    if (order) for (const v of q.start) order.append(/** @type {Node} */ (order.querySelector(`[data-qz-item="${v}"]`)));
    save(quiz.prefix + q.id, null);
  }

  /** Put a saved answer back, only when the record fits this question as the page shows it.
   * @param {Quiz} quiz @param {Question} q */
  function restore(quiz, q) {
    const record = readRecord(load(quiz.prefix + q.id));
    const answer = record && fitAnswer(q.type, record.a, kind(q).shape(q.form));
    if (!record || answer === undefined) {
      if (record) save(quiz.prefix + q.id, null); // foreign or stale: forget it
      return;
    }
    try {
      kind(q).write(q.form, answer);
      if (record.st === "shown") show(quiz, q, true);
      else check(quiz, q, true);
    } catch { reset(quiz, q); }
  }

  /** The order items or choices start in: shuffled per learner when allowed. @param {Quiz} quiz @param {Question} q */
  function shuffle(quiz, q) {
    if (!q.spec.s) return;
    const s = `${quiz.seed}:${quiz.data.qzBank}:${q.id}`;
    const box = one(q.form, ".qz-choices, .qz-order");
    if (box && q.type !== "true-false") {
      const items = all(box, ":scope > li");
      for (const i of shuffled(items.length, s)) box.append(items[i]);
    }
    for (const select of selects(q.form)) {
      const options = all(select, "option").slice(1);
      shuffled(options.length, s).forEach((i) => select.append(options[i]));
    }
  }

  // ---- the whole quiz: summary, report, printing, events ----------------------------------

  /** Per-objective and total scores, as text first (the bar only repeats the number). @param {Quiz} quiz */
  function summarise(quiz) {
    const { root, word, num, active } = quiz;
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
    for (const row of quiz.rows) {
      const mine = active.filter((q) => q.objective === row.dataset.qzObjective);
      const r = tally(mine);
      const share = r.done ? r.got / r.done : 0;
      one(row, ".qz-obj-score").textContent = r.text;
      one(row, ".qz-bar span").style.inlineSize = `${Math.round(share * 100)}%`;
      const review = one(row, ".qz-review");
      if (review) review.hidden = !(r.done && share < 0.7);
      row.hidden = !mine.length;
    }
  }

  /** Every question with its controls, before the whole quiz is read or printed. @param {Quiz} quiz */
  const hydrateAll = (quiz) => quiz.questions.forEach((q) => hydrate(quiz, q));

  /** The attempt as plain text, for the download. @param {Quiz} quiz */
  function report(quiz) {
    const { root, word } = quiz;
    hydrateAll(quiz);
    const name = one(root, ".qz-name").value.trim() || word("anonymous");
    const lines = [one(root, ".qz-title").textContent || "", `${word("name")}: ${name}`,
      `${word("date")}: ${new Date().toLocaleDateString(quiz.lang)}`, one(root, ".qz-total")?.textContent || "", ""];
    for (const row of quiz.rows) if (!row.hidden) lines.push(`${one(row, ".qz-obj-text")?.textContent}: ${one(row, ".qz-obj-score")?.textContent}`);
    lines.push("");
    for (const q of quiz.active) {
      const f = q.form;
      lines.push(`${one(f, "legend")?.textContent}`, `  ${kind(q).given(f, kind(q).read(f))}`, `  ${one(f, ".qz-status").textContent}`);
    }
    return lines.join("\n");
  }

  /** The name and date line and the answer key on paper. @param {Quiz} quiz */
  function preparePrinting(quiz) {
    const { root, word } = quiz;
    const name = one(root, ".qz-name");
    const head = make("p", { className: "qz-print-head" });
    root.prepend(head);
    window.addEventListener("beforeprint", () => {
      hydrateAll(quiz);
      head.textContent = `${word("name")}: ${name.value || "…………"} · ${word("date")}: ${new Date().toLocaleDateString(quiz.lang)}`;
      const key = root.classList.contains("qz-print-key") || "qzAnswerKey" in quiz.data;
      for (const d of all(root, ".qz-answer")) /** @type {HTMLDetailsElement} */ (d).open = key;
    });
    window.addEventListener("afterprint", () => root.classList.remove("qz-print-key"));
  }

  /** @param {Quiz} quiz */
  function download(quiz) {
    const link = make("a", { download: `${quiz.data.qzBank}-${new Date().toISOString().slice(0, 10)}.txt`,
      href: URL.createObjectURL(new Blob([report(quiz)], { type: "text/plain;charset=utf-8" })) });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  /** Move an ordering item one place and say where it went. @param {Quiz} quiz @param {Question} q @param {HTMLElement} button */
  function move(quiz, q, button) {
    const li = /** @type {any} */ (button.closest("li"));
    const up = button.classList.contains("qz-up");
    const other = up ? li.previousElementSibling : li.nextElementSibling;
    if (other) { other.insertAdjacentElement(up ? "beforebegin" : "afterend", li); button.focus(); }
    status(q, fill(quiz.word("moved"), { n: quiz.num(orderItems(q.form).indexOf(li) + 1) }), "");
  }

  /** @param {Quiz} quiz @param {Event} event */
  function onClick(quiz, event) {
    const button = /** @type {HTMLElement | null} */ (/** @type {HTMLElement} */ (event.target).closest("button"));
    if (!button || !quiz.root.contains(button)) return;
    const q = quiz.questions.find((x) => x.form.contains(button));
    const action = button.dataset.qzAction;
    if (q && button.classList.contains("qz-retry")) { reset(quiz, q); summarise(quiz); inputs(q.form)[0]?.focus(); }
    else if (q && button.classList.contains("qz-show")) show(quiz, q);
    else if (q && button.matches(".qz-up, .qz-down")) move(quiz, q, button);
    else if (action === "reset") { quiz.questions.forEach((x) => reset(quiz, x)); summarise(quiz); }
    else if (action === "print" || action === "print-key") {
      quiz.root.classList.toggle("qz-print-key", action === "print-key");
      window.print();
    }
    else if (action === "download") download(quiz);
  }

  /** @param {Quiz} quiz */
  function listen(quiz) {
    const { root, questions } = quiz;
    /** @param {Event} event */
    const owner = (event) => questions.find((x) => x.form.contains(/** @type {Node} */ (event.target)));
    root.addEventListener("click", (event) => onClick(quiz, event));
    root.addEventListener("submit", (event) => {
      event.preventDefault();
      const q = owner(event);
      if (q) check(quiz, q);
    });
    root.addEventListener("change", (event) => {
      const q = owner(event);
      if (q && q.type === "short-answer" && q.state === "self") check(quiz, q);
    });
    // A question reached before its turn (by keyboard, pointer or find-in-page) gets its controls now.
    for (const type of ["focusin", "pointerdown"]) {
      root.addEventListener(type, (event) => { const q = owner(event); if (q) hydrate(quiz, q); });
    }
  }

  /** The learner's seed: from the URL, the page, storage, or new. @param {DOMStringMap} data @param {string} store */
  function learnerSeed(data, store) {
    let seed = new URLSearchParams(location.search).get("qz-seed") || data.qzSeed || load(`${store}seed`);
    if (!seed) {
      seed = String(Math.floor(Math.random() * 1e9));
      save(`${store}seed`, seed);
    }
    return seed;
  }

  /** A number in the page's digits and decimal sign (``digits``, ``decimal`` in the labels).
   * @param {number} n @param {Record<string, string>} words */
  const localDigits = (n, words) => String(n).replace(/[\d.]/g, (c) => (c === "." ? words.decimal || c : (words.digits || "")[+c] || c));

  /** @param {string | undefined} text @returns {any} */
  function parse(text) {
    try { return JSON.parse(text || "{}"); } catch { return {}; }
  }

  /** Read a quiz element's settings and questions into a Quiz. @param {HTMLElement} root @returns {Quiz} */
  function readQuiz(root) {
    const data = root.dataset;
    const words = parse(data.qzLabels);
    const lang = data.qzLang || document.documentElement.lang || "en";
    const store = `${data.qzStore || "quizgen"}:`;
    const uid = data.qzUid || root.id;
    const questions = all(root, "form.qz-question").map((el) => {
      const form = /** @type {HTMLFormElement} */ (el);
      const spec = parse(form.dataset.qz);
      return /** @type {Question} */ ({ form, spec, id: form.id.slice(uid.length + 1), type: spec.w || spec.t || "",
        key: spec.k || {}, objective: spec.o || "", score: null, state: "", number: one(form, ".qz-number"), start: [], ready: false });
    });
    return { root, data, lang, questions, active: questions, rows: all(root, ".qz-objectives li"),
      word: (k) => words[k] || k, num: (n) => localDigits(Math.round(n * 10) / 10, words),
      prefix: `${store}${data.qzLang}:${data.qzBank}:`, seed: learnerSeed(data, store) };
  }

  /** Keep the questions drawn for this learner, renumbered; the build numbered them all. @param {Quiz} quiz */
  function drawQuestions(quiz) {
    const count = Number(quiz.data.qzDraw) || 0;
    if (!count) return;
    const kept = drawn(quiz.questions.length, count, `${quiz.seed}:${quiz.data.qzBank}`);
    quiz.active = kept.map((i) => quiz.questions[i]);
    quiz.questions.forEach((q) => { q.form.hidden = !quiz.active.includes(q); });
    quiz.active.forEach((q, i) => { if (q.number) q.number.textContent = `${quiz.num(i + 1)}.`; });
  }

  /** Settings, events and saved answers; controls come when a question is near. @param {HTMLElement} root */
  function setup(root) {
    const quiz = readQuiz(root);
    drawQuestions(quiz);
    for (const el of all(root, "[data-qz-js]")) el.hidden = false;
    preparePrinting(quiz);
    listen(quiz);
    // Answers saved earlier are put back at once, so the summary counts them.
    for (const q of quiz.questions) if (load(quiz.prefix + q.id) !== null) hydrate(quiz, q);
    summarise(quiz);
    return quiz;
  }

  /** Add controls to the first questions at once (where a page opens) and to others as they
   * come near the viewport, without reading layout at start (an IntersectionObserver reports
   * after the first layout). Questions far away wait: adding controls to a thousand of them
   * would lay the whole page out again and again. Focus, a pointer, printing and the
   * download reach the rest. ``qz-ready`` tells that the questions a page opens on can be
   * answered. @param {Quiz[]} quizzes */
  function hydrateSoon(quizzes) {
    /** @type {Map<Element, () => void>} */
    const waiting = new Map();
    for (const quiz of quizzes) {
      for (const q of quiz.questions) if (!q.ready) waiting.set(q.form, () => hydrate(quiz, q));
    }
    /** @param {Element} form */
    const now = (form) => {
      const run = waiting.get(form);
      waiting.delete(form);
      try { run?.(); } catch (error) { console.warn("quizgen:", error); }
    };
    const forms = [...waiting.keys()];
    const seen = "IntersectionObserver" in window && new IntersectionObserver((entries) => {
      for (const entry of entries) if (entry.isIntersecting) { seen && seen.unobserve(entry.target); now(entry.target); }
    }, { rootMargin: "100% 0px" });
    forms.slice(0, seen ? FIRST : Infinity).forEach(now);
    if (seen) for (const form of waiting.keys()) seen.observe(form);
    document.dispatchEvent(new Event("qz-ready"));
  }
  /** How many questions get their controls before the page is shown: a screenful or two. */
  const FIRST = 10;

  // One broken quiz (say, an edited page) must not stop the others on the page.
  const start = () => {
    /** @type {Quiz[]} */
    const quizzes = [];
    for (const root of all(document, ".qz-quiz")) {
      try { quizzes.push(setup(root)); } catch (error) { console.warn("quizgen:", error); }
    }
    hydrateSoon(quizzes);
  };
  let started = false;
  const startOnce = () => { if (!started) { started = true; start(); } };
  if (document.readyState === "complete") startOnce();
  else {
    // After the page's own DOMContentLoaded work: a theme's scroll-spy measures the page then,
    // and a DOM changed just before would make that measurement lay the whole page out again.
    document.addEventListener("DOMContentLoaded", () => setTimeout(startOnce));
    window.addEventListener("load", startOnce);
  }
})();
