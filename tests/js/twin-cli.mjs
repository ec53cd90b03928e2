// The JS half of every Python/JS twin, for the Python tests that compare the two.
//
// Reads {twin, cases} as JSON on stdin and writes one result per case, in order, as a JSON
// array on stdout. One process handles a whole batch so the property tests stay fast.
//   formula: {tree, env}          -> {value} or {error: "<code>"}, plus {text, textWithEnv}
//   chart:   {spec, data, width}  -> {svg} or {error: "<message>"}
//
// `node --test` also runs every file in this folder; under the test runner
// (NODE_TEST_CONTEXT is set) there is no stdin, so this file checks its own twins instead.

import { evaluate, FormulaError, toText } from "../../plugins/decision_guide/calculators/runtime/formula.js";
import { renderChart } from "../../plugins/decision_guide/calculators/runtime/chart.js";
import { withWords } from "./words.mjs";

function formula({ tree, env }) {
  const result = {};
  try {
    result.value = evaluate(tree, env);
  } catch (error) {
    result.error = error instanceof FormulaError ? error.code : `internal: ${error}`;
  }
  try {
    result.text = toText(tree);
    result.textWithEnv = toText(tree, env);
  } catch (error) {
    result.text = result.textWithEnv = `internal: ${error}`;
  }
  return result;
}

function chart({ spec, data, width }) {
  try {
    return { svg: renderChart(withWords(spec), data, { width }) };  // the English the Python twin defaults to
  } catch (error) {
    return { error: String(error) };
  }
}

export const TWINS = { formula, chart };

/** Run each case through the twin; never throws, so one bad case cannot hide the rest. */
export function runBatch(twin, cases) {
  if (!Object.hasOwn(TWINS, twin)) throw new RangeError(`unknown twin ${JSON.stringify(twin)}`);
  return cases.map((item) => TWINS[twin](item));
}

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const { twin, cases } = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  if (!Array.isArray(cases)) throw new TypeError("expected {twin, cases: [...]}");
  process.stdout.write(JSON.stringify(runBatch(twin, cases)));
}

if (process.env.NODE_TEST_CONTEXT) {
  const { test } = await import("node:test");
  const assert = await import("node:assert/strict");
  test("rejects an unknown twin", () => {
    assert.throws(() => runBatch("toString", []), RangeError);
  });
  test("answers each formula case with a value or an error code, plus its text", () => {
    const tree = { op: "/", args: [{ name: "a" }, { name: "b" }] };
    assert.deepEqual(runBatch("formula", [
      { tree, env: { a: 3, b: 2 } },
      { tree, env: { a: 3, b: 0 } },
    ]), [
      { value: 1.5, text: "a / b", textWithEnv: "3 / 2" },
      { error: "division-by-zero", text: "a / b", textWithEnv: "3 / 0" },
    ]);
  });
  test("answers each chart case with its SVG or the error", () => {
    const spec = { x: { from: 0, to: 2, label: "x", format: "number" }, y: { label: "y", format: "number" },
      series: [{ label: "s" }] };
    const [ok, bad] = runBatch("chart", [
      { spec, data: { x: [0, 1, 2], series: [[0, 1, 2]], marker: null }, width: 640 },
      { spec, data: { x: [0], series: [] }, width: 640 },
    ]);
    assert.match(ok.svg, /^<svg /);
    assert.match(bad.error, /^TypeError/);
  });
} else {
  await main();
}
