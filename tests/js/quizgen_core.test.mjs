// Table tests of the pure functions in quizgen.js: `node --test tests/js/`.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import test from "node:test";
import vm from "node:vm";

const here = new URL(".", import.meta.url);
const source = readFileSync(new URL("../../src/quizgen/sphinx_ext/static/quizgen.js", here), "utf8");
const sandbox = {};
vm.runInNewContext(source, sandbox);
const core = sandbox.quizgenCore;
const cases = JSON.parse(readFileSync(new URL("../data/normalisation_cases.yaml", here), "utf8"));

test("normalise agrees with the shared table", () => {
  for (const [given, expected] of cases.normalise) assert.equal(core.normalise(given), expected, given);
});

test("matchText agrees with the shared table", () => {
  for (const [given, accepted, patterns, expected] of cases.matches) {
    assert.equal(core.matchText(given, accepted, patterns), expected, given);
  }
});

test("parseNumber agrees with the shared table", () => {
  for (const [given, expected] of cases.numbers) assert.equal(core.parseNumber(given), expected, given);
});

const grades = [
  ["single", { c: [1] }, [1], 1, "correct"],
  ["single", { c: [1] }, [0], 0, "incorrect"],
  ["single", { c: [1] }, [], null, "empty"],
  ["multiple", { c: [0, 2] }, [0, 2], 1, "correct"],
  ["multiple", { c: [0, 2] }, [0], 0.5, "partly"],
  ["multiple", { c: [0, 2] }, [0, 1], 0, "incorrect"],
  ["multiple", { c: [0, 2] }, [0, 1, 2], 0.5, "partly"],
  ["true-false", { a: false }, false, 1, "correct"],
  ["true-false", { a: false }, true, 0, "incorrect"],
  ["true-false", { a: false }, null, null, "empty"],
  ["fill-blank", { a: ["Pyongyang"], p: [] }, " pyongyang ", 1, "correct"],
  ["fill-blank", { a: ["Pyongyang"], p: [] }, "Seoul", 0, "incorrect"],
  ["fill-blank", { a: ["Pyongyang"], p: [] }, "  ", null, "empty"],
  ["numeric", { v: 12.5, t: 0 }, "۱۲٫۵", 1, "correct"],
  ["numeric", { v: 10, t: 0.5 }, "10.4", 1, "correct"],
  ["numeric", { v: 10, t: 0.5 }, "10.6", 0, "incorrect"],
  ["numeric", { v: 10, t: 0 }, "ten", null, "unread"],
  ["numeric", { v: 0.3, t: 0 }, "0.30000000000000004", 1, "correct"],
  ["ordering", {}, [0, 1, 2, 3], 1, "correct"],
  ["ordering", {}, [1, 0, 2, 3], 0.5, "partly"],
  ["ordering", {}, [1, 2, 3, 0], 0, "incorrect"],
  ["matching", { m: [2, 0] }, [2, 0], 1, "correct"],
  ["matching", { m: [2, 0] }, [2, 1], 0.5, "partly"],
  ["matching", { m: [2, 0] }, [null, null], null, "empty"],
  ["short-answer", {}, { t: "because", k: [true, false] }, 0.5, "self"],
  ["short-answer", {}, { t: "because", k: [] }, null, "self"],
  ["short-answer", {}, { t: " ", k: [true] }, null, "empty"],
];

test("grade scores every question type", () => {
  for (const [type, key, answer, score, state] of grades) {
    assert.deepEqual({ ...core.grade(type, key, answer) }, { score, state }, `${type} ${JSON.stringify(answer)}`);
  }
});

test("shuffled is a stable permutation that depends on the seed", () => {
  const a = core.shuffled(10, "1234:bank:q1");
  assert.deepEqual([...a].sort((x, y) => x - y), [...Array(10).keys()]);
  assert.deepEqual(core.shuffled(10, "1234:bank:q1"), a);
  const others = ["1:bank:q1", "2:bank:q1", "3:bank:q1"].map((s) => core.shuffled(10, s).join());
  assert.ok(others.some((o) => o !== a.join()), "different seeds give different orders");
});

test("drawn picks count questions in bank order", () => {
  const picked = core.drawn(8, 3, "42:bank");
  assert.equal(picked.length, 3);
  assert.deepEqual([...picked], [...picked].sort((x, y) => x - y));
  assert.deepEqual(core.drawn(8, 3, "42:bank"), picked);
});

test("fill replaces known placeholders only", () => {
  assert.equal(core.fill("{score} of {max} {x}", { score: "2", max: "3" }), "2 of 3 {x}");
});

test("readRecord refuses junk", () => {
  for (const junk of ["{not json", "null", "[]", '{"answers": 5}', "0", "x".repeat(50), ""]) {
    assert.equal(core.readRecord(junk), null, junk);
  }
  const record = core.readRecord('{"a": [1], "s": 1, "st": "correct"}');
  assert.equal(JSON.stringify(record), '{"a":[1],"s":1,"st":"correct"}');
});

// [type, saved answer, shape of the question on the page, fits?]
const records = [
  ["ordering", [2, 0, 1], [["0", "1", "2"]], true],
  ["ordering", ["0,1", 2], [["0", "1", "2"]], false], // joins like a permutation, is not one
  ["ordering", [0, 0, 1], [["0", "1", "2"]], false],
  ["ordering", [0, 1], [["0", "1", "2"]], false],
  ["ordering", [0, 1, 2, 3], [["0", "1", "2"]], false],
  ["ordering", [0, 1, 2.5], [["0", "1", "2"]], false],
  ["ordering", { 0: 0, length: 1 }, [["0"]], false],
  ["single", [1], [["0", "1"]], true],
  ["single", [], [["0", "1"]], true],
  ["single", [0, 1], [["0", "1"]], false],
  ["single", [7], [["0", "1"]], false],
  ["single", "1", [["0", "1"]], false],
  ["multiple", [0, 1], [["0", "1", "2"]], true],
  ["multiple", [1, 1], [["0", "1", "2"]], false],
  ["true-false", true, [["true", "false"]], true],
  ["true-false", null, [["true", "false"]], true],
  ["true-false", "true", [["true", "false"]], false],
  ["matching", [1, null], [["0", "1"], ["0", "1"]], true],
  ["matching", [1], [["0", "1"], ["0", "1"]], false],
  ["matching", [1, 5], [["0", "1"], ["0", "1"]], false],
  ["matching", ["1", null], [["0", "1"], ["0", "1"]], false],
  ["short-answer", { t: "because", k: [true, false] }, [["0", "1"]], true],
  ["short-answer", { t: "because", k: [true] }, [["0", "1"]], false],
  ["short-answer", { t: 5, k: [] }, [[]], false],
  ["short-answer", null, [[]], false],
  ["fill-blank", "Pyongyang", [], true],
  ["fill-blank", ["Pyongyang"], [], false],
  ["numeric", "x".repeat(2001), [], false],
  ["hotspot", 1, [], false],
];

test("fitAnswer takes a saved answer only when it fits the question", () => {
  for (const [type, answer, shape, fits] of records) {
    const got = core.fitAnswer(type, answer, shape);
    assert.equal(got !== undefined, fits, `${type} ${JSON.stringify(answer)}`);
  }
});

test("readRecord refuses unknown states", () => {
  assert.equal(core.readRecord('{"a": [1], "st": "bogus"}'), null);
  assert.equal(core.readRecord('{"a": [1], "st": "toString"}'), null);
});
