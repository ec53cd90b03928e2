// The shared golden cases of the Python/JS twins, the browser runtime's half. The Python half
// (tests/test_twin_contracts.py, tests/test_chart_agreement.py) reads the same files.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { evaluate, FormulaError, toText } from "../../plugins/decision_guide/calculators/runtime/formula.js";
import { renderChart } from "../../plugins/decision_guide/calculators/runtime/chart.js";
import { withWords } from "./words.mjs";

const cases = (twin) =>
  JSON.parse(readFileSync(new URL(`../contracts/${twin}/cases.json`, import.meta.url), "utf8")).cases;

test("every formula case gives the same value or error code and texts", () => {
  const all = cases("formula");
  assert.ok(all.length >= 20);
  for (const c of all) {
    let outcome;
    try {
      outcome = { value: evaluate(c.tree, c.env) };
    } catch (error) {
      assert.ok(error instanceof FormulaError, `${c.formula}: ${error}`);
      outcome = { error: error.code };
    }
    assert.deepEqual(outcome, "value" in c ? { value: c.value } : { error: c.error }, c.formula);
    assert.equal(toText(c.tree), c.text, c.formula);
    assert.equal(toText(c.tree, c.env), c.textWithEnv, c.formula);
  }
});

test("every golden chart is drawn to the same SVG", () => {
  const all = cases("chart");
  assert.ok(all.length >= 6);
  for (const c of all) assert.equal(renderChart(withWords(c.spec), c.data, { width: c.width }), c.svg, c.name);
});
