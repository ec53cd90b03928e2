// Specification of value formatting. The tables of examples are shared with
// tests/test_calculator_formats.py (tests/contracts/formats/) so the build and the
// browser agree, in every currency and locale.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { DEFAULT_STYLE, FORMATS, formatValue, plainNumber } from "../../plugins/decision_guide/calculators/runtime/format.js";

const contract = (name) => JSON.parse(readFileSync(new URL(`../contracts/formats/${name}`, import.meta.url), "utf8"));
const { cases } = contract("en-US.json");
const anchors = contract("anchors.json").cases;
const localised = contract("localised.json");

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

for (const { locale, currency, value, format, decimals, text } of anchors) {
  test(`${locale} ${currency} ${format}${decimals === undefined ? "" : ` (${decimals} places)`} ${value} -> ${text}`, () =>
    assert.equal(formatValue(value, format, { ...DEFAULT_STYLE, locale, currency }, decimals), text));
}

test("the generated grid still holds (node's ICU)", () => {
  const wrong = localised.cases.filter(({ style, format, value, decimals, text }) =>
    formatValue(value, format, localised.styles[style], decimals) !== text);
  assert.deepEqual(wrong, []);
  assert.ok(localised.cases.some((c) => c.decimals !== undefined), "the grid has cases with decimals");
});

test("places are the author's: they replace the magnitude rule, for currency, number and percent only", () => {
  assert.equal(formatValue(1234.56, "currency"), "$1,235");
  assert.equal(formatValue(1234.56, "currency", DEFAULT_STYLE, 2), "$1,234.56");
  assert.equal(formatValue(1234.56, "currency", DEFAULT_STYLE, null), "$1,235");
  for (const [format, places] of [["duration", 1], ["months", 0], ["number", 7], ["number", -1], ["number", 1.5], ["number", "2"], ["number", true]]) {
    assert.throws(() => formatValue(1, format, DEFAULT_STYLE, places), RangeError, `${format} ${places}`);
  }
});

test("unit words come from the style", () => {
  const german = { ...DEFAULT_STYLE, locale: "de-DE", units: { ...DEFAULT_STYLE.units, month: "Monat", months: "Monate" } };
  assert.equal(formatValue(1, "months", german), "1 Monat");
  assert.equal(formatValue(2.5, "months", german), "2,5 Monate");
});

test("never prints an exponent, NaN or a hyphen-minus", () => {
  for (const format of FORMATS) {
    for (const value of [5e-324, 1e-30, -1e-30, 1e300, -1e300, 123456789.123456789]) {
      const text = formatValue(value, format);
      assert.doesNotMatch(text, /e|NaN|Infinity|-/i, `${format} ${value}: ${text}`);
    }
  }
});

test("numbers in formulas keep 6 significant digits but every integer digit, in every locale (plain.json)", () => {
  const { cases: plain } = contract("plain.json");
  assert.ok(plain.length >= 20);
  for (const { value, text } of plain) assert.equal(plainNumber(value), text, String(value));
});
