// Specification of the calculator's pure core: state in the URL, validation,
// evaluation in order with errors that explain themselves, and what is shown.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  chartData, chartPoints, computeAll, paramName, present, presetState, readState, setParams,
  validateInput, writeState,
} from "../../plugins/decision_guide/calculators/runtime/calculator.js";
import { ENGLISH, withWords } from "./words.mjs";

const n = (num) => ({ num });
const v = (name) => ({ name });
const op = (symbol, left, right) => ({ op: symbol, args: [left, right] });
const fn = (name, ...args) => ({ call: name, args });

/** A small calculator: price per query, a monthly total, and a ratio that divides by zero at the defaults. */
const SPEC = Object.freeze(withWords({
  id: "demo",
  title: "Demo",
  inputs: [
    { id: "queries", label: "Queries", unit: "queries", format: "number", default: 1000, min: 0, max: 1e9, step: 100 },
    { id: "price", label: "Price", unit: "USD", format: "currency", default: 0.5, min: 0, max: 10, step: 0.01 },
    { id: "share", label: "Share", unit: "%", format: "percent", default: 50, min: 5, max: 100, step: 5 },
    { id: "month", label: "Month", unit: "months", format: "months", default: 12, min: 1, max: 120, step: 1 },
  ],
  values: [
    { id: "per_query", label: "Per query", format: "currency", output: true,
      tree: op("*", v("price"), v("share")) },
    { id: "monthly", label: "Monthly", format: "currency", output: true, tree: op("*", v("queries"), v("per_query")) },
    { id: "ratio", label: "Ratio", format: "number", output: true,
      tree: op("/", v("monthly"), op("-", v("queries"), n(1000))) },
    { id: "double_ratio", label: "Double ratio", format: "number", output: true, tree: op("*", v("ratio"), n(2)) },
    { id: "safe", label: "Safe", format: "number", output: false,
      tree: fn("if", op(">", v("queries"), n(1000)), v("ratio"), n(0)) },
    { id: "to_date", label: "To date", format: "currency", output: true, tree: op("*", v("month"), v("monthly")) },
    { id: "breakeven", label: "Break-even", format: "months", output: true, tree: op("/", n(6), v("price")) },
  ],
  presets: [{ id: "big", label: "Big", values: { queries: 50000 } }],
  tables: [{ id: "by-volume", caption: "By volume", over: { input: "queries", values: [10, 1000, 5000] },
    columns: [{ value: "monthly", label: "Monthly" }, { value: "ratio", label: "Ratio" }] }],
  charts: [{ id: "cumulative", caption: "Cumulative", x: { input: "month", from: 1, to: 4, step: 1, label: "Month", format: "months" },
    y: { label: "Cost", format: "currency" }, series: [{ value: "to_date", label: "To date" }],
    marker: { value: "breakeven", label: "Break-even" } }],
}));
// What formulas see at the defaults: the share is entered as 50 (%) and seen as 0.5.
const DEFAULTS = { queries: 1000, price: 0.5, share: 0.5, month: 12 };

test("rejects invalid input", () => {
  const queries = SPEC.inputs[0];
  const share = SPEC.inputs[2];
  const table = [
    [queries, "", "Enter a number."],
    [queries, "   ", "Enter a number."],
    [queries, null, "Enter a number."],
    [queries, "abc", "“abc” is not a number."],
    [queries, "1,000", "“1,000” is not a number."],
    [queries, "0x10", "“0x10” is not a number."],
    [queries, "Infinity", "“Infinity” is not a number."],
    [queries, "NaN", "“NaN” is not a number."],
    [queries, "x".repeat(40), `“${"x".repeat(24)}…” is not a number.`],
    [queries, "1e999", "This number is too large."],
    [queries, "-1", "Must not be negative."],
    [queries, "2e9", "Must be at most 1,000,000,000 queries."],
    [share, "1", "Must be at least 5%."],
    [share, "100.5", "Must be at most 100%."],
    [SPEC.inputs[1], "11", "Must be at most $10.00."],
  ];
  for (const [input, text, error] of table) assert.deepEqual(validateInput(input, text, undefined, ENGLISH), { error }, String(text));
  assert.throws(() => computeAll(SPEC, null), TypeError);
  assert.throws(() => computeAll(SPEC, { ...DEFAULTS, price: "0.5" }), /price must be a finite number/);
  assert.throws(() => computeAll(SPEC, { ...DEFAULTS, price: NaN }), TypeError);
  assert.throws(() => computeAll({ id: "x" }, {}), /needs inputs and values/);
  assert.throws(() => presetState(SPEC, "missing"), RangeError);
  assert.throws(() => chartPoints({ from: 1, to: 0, step: 1 }), RangeError);
  assert.throws(() => chartPoints({ from: 0, to: 1, step: 0 }), RangeError);
});

test("accepts numbers as a number field or a URL writes them", () => {
  const queries = SPEC.inputs[0];
  for (const [text, value] of [["42", 42], [" 42 ", 42], ["1e3", 1000], ["1E+3", 1000], [".5", 0.5],
    ["+7", 7], ["0", 0], ["1000000000", 1e9], ["12.", 12]]) {
    assert.deepEqual(validateInput(queries, text), { value }, text);
  }
  assert.deepEqual(validateInput({ id: "free" }, "-3"), { value: -3 }, "no min or max: anything finite");
  assert.deepEqual(validateInput({ id: "t", min: -5, max: null }, "-2"), { value: -2 });
});

test("reads the state from the URL, falling back to defaults and keeping bad text", () => {
  assert.deepEqual(readState(SPEC, ""), { queries: "1000", price: "0.5", share: "50", month: "12" });
  const search = "?demo.queries=2500&other.queries=7&demo.price=abc&demo.share=%2035%20&x=1";
  assert.deepEqual(readState(SPEC, search), { queries: "2500", price: "abc", share: "35", month: "12" });
  assert.equal(paramName("demo", "queries"), "demo.queries");
});

test("writes only inputs that differ from the default, keeping other parameters", () => {
  const state = { queries: "2500", price: "0.50", share: "", month: "12" };
  assert.equal(writeState(SPEC, state, "?x=1&demo.month=3"), "?x=1&demo.queries=2500&demo.share=");
  assert.equal(writeState(SPEC, readState(SPEC, ""), "?demo.queries=5"), "");
  assert.equal(writeState(SPEC, { ...readState(SPEC, ""), queries: "abc" }, ""), "?demo.queries=abc");
  const changed = { queries: "2500", price: "0.25", share: "50", month: "1e1" };
  assert.deepEqual(readState(SPEC, writeState(SPEC, changed, "?a=b")), changed, "round trip");
  assert.equal(setParams("?a=1", "w", [["q", "x y"], ["r", null]]), "?a=1&w.q=x+y");
});

test("a preset sets its values and leaves the other inputs at their defaults", () => {
  assert.deepEqual(presetState(SPEC, "big"), { queries: "50000", price: "0.5", share: "50", month: "12" });
});

test("computes values in order and explains the ones that cannot be computed", () => {
  const { env, errors } = computeAll(SPEC, DEFAULTS);
  assert.equal(env.get("per_query"), 0.25);
  assert.equal(env.get("monthly"), 250);
  assert.equal(env.get("to_date"), 3000);
  assert.equal(env.get("safe"), 0, "if() skips the branch that cannot be computed");
  assert.equal(env.get("breakeven"), 12);
  assert.deepEqual(Object.keys(errors), ["ratio", "double_ratio"]);
  assert.match(errors.ratio, /^Cannot be computed: division by zero in monthly \/ \(queries - 1000\)\.$/);
  assert.equal(errors.double_ratio, "Cannot be computed: it needs a result that cannot be.");
  const other = computeAll(SPEC, { ...DEFAULTS, queries: 2000 });
  assert.deepEqual(other.errors, {});
  assert.equal(other.env.get("ratio"), 0.5);
  assert.equal(other.env.get("safe"), 0.5);
});

test("the x values of a chart step from `from` to `to` without drift", () => {
  assert.deepEqual(chartPoints({ from: 1, to: 4, step: 1 }), [1, 2, 3, 4]);
  assert.equal(chartPoints({ from: 0, to: 1, step: 0.1 }).length, 11);
  assert.deepEqual(chartPoints({ from: 0, to: 1, step: 0.3 }), [0, 0.3, 0.6, 0.8999999999999999]);
  assert.equal(chartPoints({ from: 0, to: 1e6, step: 1 }).length, 1000, "capped");
});

test("chart data has one value per x for each series, gaps as null, and the marker", () => {
  const data = chartData(SPEC, SPEC.charts[0], DEFAULTS);
  assert.deepEqual(data, { x: [1, 2, 3, 4], series: [[250, 500, 750, 1000]], marker: 12 });
  const invalid = chartData(SPEC, SPEC.charts[0], null);
  assert.deepEqual(invalid, { x: [1, 2, 3, 4], series: [[null, null, null, null]], marker: null });
  const gaps = chartData(SPEC, { ...SPEC.charts[0], series: [{ value: "ratio", label: "Ratio" }] }, DEFAULTS);
  assert.deepEqual(gaps.series, [[null, null, null, null]]);
});

test("shows results, filled formulas, table cells and chart data for valid inputs", () => {
  const view = present(SPEC, readState(SPEC, "?demo.queries=5000"));
  assert.equal(view.status, "");
  assert.deepEqual(view.fieldErrors, { queries: null, price: null, share: null, month: null });
  assert.deepEqual(view.outputs.per_query, { value: 0.25, text: "$0.25", reason: "" });
  assert.deepEqual(view.outputs.monthly, { value: 1250, text: "$1,250", reason: "" });
  assert.deepEqual(view.outputs.ratio, { value: 0.3125, text: "0.313", reason: "" });
  assert.equal(view.outputs.safe, undefined, "only outputs are shown");
  assert.equal(view.formulas.monthly, "5000 * 0.25");
  assert.equal(view.formulas.ratio, "1250 / (5000 - 1000)");
  const [low, middle, high] = view.tables["by-volume"];
  assert.deepEqual(low.monthly, { value: 2.5, text: "$2.50", reason: "" });
  assert.equal(middle.ratio.text, "—");
  assert.match(middle.ratio.reason, /division by zero/);
  assert.deepEqual(high, { monthly: { value: 1250, text: "$1,250", reason: "" },
    ratio: { value: 0.3125, text: "0.313", reason: "" } });
  assert.deepEqual(view.charts.cumulative.series, [[1250, 2500, 3750, 5000]]);
});

test("a formula error shows a dash with its reason, for the value and those depending on it", () => {
  const view = present(SPEC, readState(SPEC, ""));
  assert.equal(view.status, "");
  assert.equal(view.outputs.ratio.text, "—");
  assert.match(view.outputs.ratio.reason, /^Cannot be computed: division by zero/);
  assert.deepEqual(view.outputs.double_ratio,
    { value: null, text: "—", reason: "Cannot be computed: it needs a result that cannot be." });
  assert.equal(view.formulas.double_ratio, "ratio * 2", "an uncomputed value keeps its name");
});

test("invalid inputs show messages, dashes everywhere and a status saying how many to fix", () => {
  const view = present(SPEC, { ...readState(SPEC, ""), queries: "-5", price: "" });
  assert.deepEqual(view.fieldErrors, { queries: "Must not be negative.", price: "Enter a number.", share: null, month: null });
  assert.equal(view.status, "Fix 2 inputs to see results.");
  for (const shown of Object.values(view.outputs)) {
    assert.deepEqual(shown, { value: null, text: "—", reason: "Fix the inputs above to see this result." });
  }
  for (const row of view.tables["by-volume"]) for (const cell of Object.values(row)) assert.equal(cell.text, "—");
  assert.equal(view.formulas.per_query, "price * 0.5", "valid inputs are filled in, invalid ones keep their name");
  assert.equal(present(SPEC, { ...readState(SPEC, ""), share: "1" }).status, "Fix 1 input to see results.");
  for (const state of [{ queries: "1e9", price: "10", share: "100" }, { queries: "0", price: "0" }, { month: "" }]) {
    const json = JSON.stringify(present(SPEC, { ...readState(SPEC, ""), ...state }));
    assert.doesNotMatch(json, /NaN|Infinity|undefined/);
  }
});
