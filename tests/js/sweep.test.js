// Specification of sweep: the same results as computing every point from scratch, errors
// included, while what does not depend on the swept input is evaluated once.
import { test } from "node:test";
import assert from "node:assert/strict";
import { computeAll, sweep } from "../../plugins/decision_guide/calculators/runtime/calculator.js";
import { withWords } from "./words.mjs";

const n = (num) => ({ num });
const v = (name) => ({ name });
const op = (symbol, left, right) => ({ op: symbol, args: [left, right] });

// `share` divides by x - 2, so it fails at x = 2 and everything after it fails with it.
const SPEC = Object.freeze(withWords({
  id: "sweep",
  inputs: [{ id: "x" }, { id: "price" }],
  values: [
    { id: "fixed", tree: op("*", v("price"), n(3)) },
    { id: "share", tree: op("/", n(1), op("-", v("x"), n(2))) },
    { id: "total", tree: op("+", v("fixed"), v("share")) },
    { id: "scaled", tree: op("*", v("x"), v("fixed")) },
  ],
}));

const plain = (result) => result && { env: Object.fromEntries(result.env), errors: result.errors };

test("sweep gives for each x what computeAll gives from scratch, failures included", () => {
  const inputs = { x: 0, price: 4 };
  const xs = [0, 1, 2, 3, 10];
  for (const only of [undefined, new Set(["fixed", "scaled"]), new Set(["share", "total"])]) {
    const swept = sweep(SPEC, inputs, "x", xs, only).map(plain);
    const fresh = xs.map((x) => plain(computeAll(SPEC, { ...inputs, x }, only)));
    assert.deepEqual(swept, fresh);
  }
  const atTwo = sweep(SPEC, inputs, "x", [2])[0];
  assert.match(atTwo.errors.share, /division by zero/);
  assert.match(atTwo.errors.total, /needs a result that cannot be/);
  assert.equal(atTwo.env.get("scaled"), 24);
});

test("a failure of the base point does not stick to points where the value can be computed", () => {
  const [atOne] = sweep(SPEC, { x: 2, price: 1 }, "x", [1]);
  assert.deepEqual(atOne.errors, {});
  assert.equal(atOne.env.get("total"), 2);
});

test("sweep gives null for every x when the inputs are invalid", () => {
  assert.deepEqual(sweep(SPEC, null, "x", [1, 2]), [null, null]);
});
