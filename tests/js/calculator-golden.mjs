// Golden cases through the browser twin, for tests/test_calculator_golden.py:
//   node calculator-golden.mjs SPECS.json CASES.json
// SPECS.json maps calculator ids to the specs the build embeds in the pages; CASES.json is a
// list of {calculator, inputs}. Writes one `calculate` result per case, in order, or
// {error} where the runtime threw, so one bad case cannot hide the rest.
//
// `node --test js/` runs every file in this folder; under the test runner
// (NODE_TEST_CONTEXT is set) this file checks its own batch function instead.

import { readFileSync } from "node:fs";
import { calculate } from "../../plugins/decision_guide/calculators/runtime/calculator.js";

/** Each case's {outputs, errors}, or {error: message}. */
export function runCases(specs, cases) {
  return cases.map(({ calculator, inputs }) => {
    try {
      return calculate(specs[calculator], inputs);
    } catch (error) {
      return { error: String(error) };
    }
  });
}

if (process.env.NODE_TEST_CONTEXT) {
  const { test } = await import("node:test");
  const assert = await import("node:assert/strict");
  test("the golden runner answers each case, a thrown error as its message", () => {
    const spec = {
      id: "t", inputs: [{ id: "a", format: "percent", default: 50, min: 0, max: 100 }],
      values: [{ id: "half", format: "number", output: true, tree: { op: "/", args: [{ name: "a" }, { num: 2 }] } }],
    };
    assert.deepEqual(runCases({ t: spec }, [
      { calculator: "t", inputs: {} },
      { calculator: "t", inputs: { a: "20%" } },
      { calculator: "t", inputs: { b: "1" } },
    ]), [
      { outputs: { half: { value: 0.25, text: "0.25" } }, errors: {} },
      { outputs: { half: { value: 0.1, text: "0.1" } }, errors: {} },
      { error: "RangeError: calculator t has no input b" },
    ]);
  });
} else {
  const [specs, cases] = process.argv.slice(2).map((path) => JSON.parse(readFileSync(path, "utf8")));
  process.stdout.write(JSON.stringify(runCases(specs, cases)));
}
