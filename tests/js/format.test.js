// Specification of value formatting. The table of examples is shared with
// tests/test_calculator_formats.py so the build and the browser agree.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { FORMATS, formatValue } from "../../plugins/decision_guide/calculators/runtime/format.js";

const { cases } = JSON.parse(readFileSync(new URL("./format-cases.json", import.meta.url), "utf8"));

test("rejects invalid input", () => {
  for (const bad of [NaN, Infinity, -Infinity, "3", null, undefined, true, 10n]) {
    assert.throws(() => formatValue(bad, "number"), TypeError, String(bad));
  }
  for (const bad of ["usd", "", undefined, "toString", "constructor"]) {
    assert.throws(() => formatValue(1, bad), RangeError, String(bad));
  }
});

test("knows exactly the five formats", () => {
  assert.deepEqual([...FORMATS].sort(), ["currency", "duration", "months", "number", "percent"]);
});

test("the shared cases cover every format, zero, negatives and band edges", () => {
  assert.ok(cases.length >= 40);
  for (const format of FORMATS) assert.ok(cases.some((c) => c.format === format), format);
  assert.ok(cases.some((c) => Object.is(c.value, -0)), "negative zero");
});

for (const { value, format, text } of cases) {
  test(`${format} ${value} -> ${text}`, () => assert.equal(formatValue(value, format), text));
}

test("never prints an exponent, NaN or a hyphen-minus", () => {
  for (const format of FORMATS) {
    for (const value of [5e-324, 1e-30, -1e-30, 1e300, -1e300, 123456789.123456789]) {
      const text = formatValue(value, format);
      assert.doesNotMatch(text, /e|NaN|Infinity|-/i, `${format} ${value}: ${text}`);
    }
  }
});
