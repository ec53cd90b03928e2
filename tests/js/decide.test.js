// Specification of the wizard's verdict (decide.js) on a small spec; the default guide's golden
// cases (tests/contracts/wizard/) hold it to the Python twin.
import { test } from "node:test";
import assert from "node:assert/strict";
import { decide } from "../../plugins/decision_guide/calculators/runtime/decide.js";

const answer = (id, scores, excludes = []) => ({ id, label: id, scores, excludes, reason: excludes.length ? "why" : null, sources: [] });
const SPEC = Object.freeze({
  id: "w", close_call: 0.1, weights: { less: 0.5, normal: 1, more: 2 },
  options: [{ id: "a", name: "A", short_name: "A" }, { id: "b", name: "B", short_name: "B" }],
  questions: [
    { id: "offline", answers: [answer("yes", { b: 3 }, ["a"]), answer("no", { a: 1 })] },
    { id: "cheap", answers: [answer("yes", { a: 3 }), answer("no", { b: 1 })] },
  ],
});

test("rejects invalid input", () => {
  for (const answers of [null, "offline=yes", 3]) assert.throws(() => decide(SPEC, answers), TypeError);
  assert.throws(() => decide(SPEC, {}, null), TypeError);
  assert.throws(() => decide(SPEC, { colour: "red" }), /^RangeError: unknown question 'colour'; the questions are: offline, cheap$/);
  assert.throws(() => decide(SPEC, { offline: "maybe" }), /its answers are: yes, no$/);
  assert.throws(() => decide(SPEC, {}, { cheap: "lots" }), /the weights are: less, normal, more$/);
});

test("a hard constraint rules an option out whatever its points, and the conflict says what to relax", () => {
  const verdict = decide(SPEC, { offline: "yes", cheap: "yes" }, { cheap: "more" });
  assert.deepEqual(verdict.scores, { a: 6, b: 3 });
  assert.deepEqual(verdict.ranking, [{ option: "b", score: 3 }]);
  assert.deepEqual(verdict.ruled_out, [{ option: "a", score: 6, by: [{ question: "offline", answer: "yes" }] }]);
  assert.deepEqual(verdict.recommendation, ["b"]);
  assert.equal(verdict.margin, null, "one option left: nothing to compare it with");
  assert.deepEqual(verdict.conflicts, [{
    kind: "favourite-ruled-out", favourite: "a",
    constraints: [{ question: "offline", answer: "yes", excludes: ["a"] }],
    favoured_by: [{ question: "cheap", answer: "yes" }],
    relax: [{ question: "offline", answer: "no", recommends: ["a"] }],
  }]);
});

test("margin, close call and the answer that would flip the recommendation", () => {
  const verdict = decide(SPEC, { offline: "no", cheap: "no" });
  assert.deepEqual(verdict.scores, { a: 1, b: 1 });
  assert.deepEqual([verdict.recommendation, verdict.margin, verdict.close_call, verdict.flip], [["a", "b"], 0, true, null]);
  const clear = decide(SPEC, { offline: "no", cheap: "yes" });
  assert.deepEqual([clear.recommendation, clear.margin, clear.close_call], [["a"], 4, false]);
  assert.deepEqual(clear.flip, { question: "offline", answer: "yes", option: "b" });
});
