// The runtime on the specs the build produces (written by tests/built_specs.py, whose path
// tests/test_js_runtime.py passes in DECISION_GUIDE_BUILT_SPECS): at the defaults it must show
// exactly what the page already shows without JavaScript (results, filled-in formulas, table
// cells, charts), or the page would change under the reader's eyes when the script starts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { present } from "../../plugins/decision_guide/calculators/runtime/calculator.js";
import { renderChart } from "../../plugins/decision_guide/calculators/runtime/chart.js";

const path = process.env.DECISION_GUIDE_BUILT_SPECS;

test("runs on the calculators the build produced", () => {
  assert.ok(path, "DECISION_GUIDE_BUILT_SPECS is not set: run `pytest tests/test_js_runtime.py`, which builds the specs");
  const built = JSON.parse(readFileSync(path, "utf8"));
  assert.ok(built.length >= 3, "the default guide has several calculators");
  for (const { spec, shown, formulas, tables, charts } of built) {
    const state = Object.fromEntries(spec.inputs.map((input) => [input.id, String(input.default)]));
    const view = present(spec, state);
    assert.equal(view.status, "", `${spec.id}: the defaults are valid`);
    for (const [id, text] of Object.entries(shown)) assert.equal(view.outputs[id].text, text, `${spec.id}.${id}`);
    for (const [id, text] of Object.entries(formulas)) assert.equal(view.formulas[id], text, `${spec.id}.${id} formula`);
    for (const [id, rows] of Object.entries(tables)) {
      assert.deepEqual(view.tables[id].map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v.text]))),
        rows, `${spec.id} table ${id}`);
    }
    for (const chart of spec.charts) {
      assert.equal(renderChart({ ...chart, style: spec.style, words: spec.words }, view.charts[chart.id]), charts[chart.id], `${spec.id} chart ${chart.id}`);
    }
  }
});
