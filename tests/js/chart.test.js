// Specification of the SVG line chart: markup only, so no DOM is needed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { describeChart, niceTicks, renderChart } from "../../plugins/decision_guide/calculators/runtime/chart.js";
import { ENGLISH } from "./words.mjs";

const SPEC = {
  x: { input: "month", from: 1, to: 36, step: 1, label: "Month", format: "months" },
  y: { label: "Cumulative cost", format: "currency" },
  series: [{ value: "cum_rag", label: "RAG" }, { value: "cum_ft", label: "Fine-tuning & <co>" }],
  marker: { value: "breakeven", label: "Break-even" },
  words: ENGLISH,
};
const X = [1, 12, 24, 36];
const DATA = { x: X, series: [[1200, 14400, 28800, 43200], [9000, 16000, 23000, 30000]], marker: 14.2857 };

const count = (text, pattern) => (text.match(pattern) ?? []).length;

test("rejects invalid input", () => {
  const bad = [
    [null, DATA],
    [{ ...SPEC, series: undefined }, DATA],
    [{ ...SPEC, x: { ...SPEC.x, to: 0 } }, DATA],
    [{ ...SPEC, x: { ...SPEC.x, from: "1" } }, DATA],
    [SPEC, null],
    [SPEC, { ...DATA, series: [DATA.series[0]] }],
    [SPEC, { ...DATA, series: [[1, 2], DATA.series[1]] }],
    [SPEC, { ...DATA, x: [1, 2, NaN, 4] }],
  ];
  for (const [spec, data] of bad) assert.throws(() => renderChart(spec, data), TypeError);
});

test("ticks are 1, 2 or 5 times a power of ten and cover the range", () => {
  assert.deepEqual(niceTicks(0, 43200), [0, 20000, 40000, 60000]);
  assert.deepEqual(niceTicks(0, 43200, 6), [0, 10000, 20000, 30000, 40000, 50000]);
  assert.deepEqual(niceTicks(0, 1), [0, 0.5, 1]);
  assert.deepEqual(niceTicks(1, 36, 7), [0, 10, 20, 30, 40]);
  assert.deepEqual(niceTicks(-30, 70), [-50, 0, 50, 100]);
  assert.deepEqual(niceTicks(5, 5), [5, 5.5, 6], "an empty range still gets an axis");
  assert.deepEqual(niceTicks(0, 0.3), [0, 0.1, 0.2, 0.3], "no floating-point dust");
});

test("draws an accessible line chart with a legend and the marker", () => {
  const svg = renderChart(SPEC, DATA);
  assert.match(svg, /^<svg [^>]*role="img"/);
  assert.match(svg, /viewBox="0 0 640 320"/);
  assert.equal(count(svg, /<path class="dg-chart__line dg-chart__line--\d"/g), 2);
  assert.equal(count(svg, /class="dg-chart__line dg-chart__line--\d" x1/g), 2, "a legend key per series");
  assert.match(svg, />RAG<\/text>/);
  assert.match(svg, />Fine-tuning &#38; &#60;co&#62;<\/text>/, "labels are escaped");
  assert.match(svg, /<g class="dg-chart__marker">.*>Break-even: 14.3 months<\/text><\/g>/);
  assert.match(svg, />\$40,000<\/text>/);
  assert.match(svg, / text-anchor="middle">10<\/text>/, "the axis label carries the unit");
  assert.doesNotMatch(svg, /NaN|undefined|Infinity/);
});

test("axes with decimals label every tick and the summary with exactly that many places", () => {
  const spec = { ...SPEC, x: { ...SPEC.x, format: "number", decimals: 1 }, y: { ...SPEC.y, decimals: 2 } };
  const svg = renderChart(spec, DATA);
  assert.match(svg, />\$40,000\.00<\/text>/);
  assert.match(svg, / text-anchor="middle">10\.0<\/text>/);
  assert.match(describeChart(spec, DATA), /^Cumulative cost by Month, 1\.0 to 36\.0\. RAG: \$1,200\.00 to \$43,200\.00\./);
});

test("summarises the chart in its aria-label", () => {
  assert.equal(describeChart(SPEC, DATA),
    "Cumulative cost by Month, 1 month to 36 months. RAG: $1,200 to $43,200. " +
    "Fine-tuning & <co>: $9,000 to $30,000. Break-even: 14.3 months.");
  const svg = renderChart(SPEC, DATA);
  assert.match(svg, /aria-label="Cumulative cost by Month, 1 month to 36 months\. RAG: \$1,200 to \$43,200\. Fine-tuning &#38; &#60;co&#62;/);
});

test("hides the marker when it is missing, not finite or out of range", () => {
  for (const marker of [null, NaN, Infinity, 0.5, 37]) {
    const svg = renderChart(SPEC, { ...DATA, marker });
    assert.doesNotMatch(svg, /dg-chart__marker/, String(marker));
    assert.doesNotMatch(describeChart(SPEC, { ...DATA, marker }), /Break-even/);
  }
  assert.doesNotMatch(renderChart({ ...SPEC, marker: undefined }, DATA), /dg-chart__marker/);
});

test("leaves gaps for missing points and dots for lone ones", () => {
  const svg = renderChart(SPEC, { ...DATA, series: [[1200, null, 28800, 43200], [null, 16000, null, null]] });
  const [rag, ft] = [...svg.matchAll(/<path class="dg-chart__line[^"]*" d="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(count(rag, /M/g), 2, "two segments");
  assert.match(ft, /^M[\d.]+ [\d.]+h0$/, "a dot");
});

test("says so when there is nothing to draw", () => {
  const empty = { ...DATA, series: [[null, null, null, null], [null, null, null, null]], marker: null };
  const svg = renderChart(SPEC, empty);
  assert.match(svg, /No results for these inputs/);
  assert.doesNotMatch(svg, /<path class="dg-chart__line/);
  assert.match(describeChart(SPEC, empty), /RAG: no results\./);
});

test("negative values put zero inside the axis", () => {
  const svg = renderChart(SPEC, { ...DATA, series: [[-500, 0, 500, 1000], [0, 0, 0, 0]] });
  assert.match(svg, />−\$500<\/text>/);
  assert.match(svg, />\$0<\/text>/);
});

test("fits a phone: a narrower drawing with its legend wrapped onto more rows", () => {
  const long = { ...SPEC, series: [{ label: "Retrieval-augmented generation" }, { label: "Fine-tuning" }] };
  const svg = renderChart(long, DATA, { width: 320 });
  assert.match(svg, /viewBox="0 0 320 240"/);
  const legendRows = new Set([...svg.matchAll(/<g class="dg-chart__legend">(.*?)<\/g>/g)][0][1]
    .match(/<text x="[\d.]+" y="([\d.]+)"/g));
  assert.equal(legendRows.size, 2);
  assert.match(renderChart(SPEC, DATA, { width: 100 }), /viewBox="0 0 280 240"/, "never narrower than 280");
  assert.match(renderChart(SPEC, DATA), /viewBox="0 0 640 320"/);
});

test("x ticks thin out so their labels never overlap", () => {
  for (const width of [280, 320, 640, 1000]) {
    const svg = renderChart(SPEC, DATA, { width });
    const xs = [...svg.matchAll(/<text x="([\d.]+)" y="[\d.]+" text-anchor="middle">([^<]+)</g)];
    assert.ok(xs.length >= 2, `${width}: at least two x ticks`);
    for (let i = 1; i < xs.length; i += 1) {
      const gap = Number(xs[i][1]) - Number(xs[i - 1][1]);
      assert.ok(gap >= 7.5 * xs[i][2].length + 12, `${width}: ${xs[i - 1][2]} and ${xs[i][2]} are ${gap} apart`);
    }
  }
});
