// Calculators that read like a tool: switches, percent as entered, "Never" and why, exports,
// the link to a calculator, and every typed number surviving the URL.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  boxText, calculate, exportRows, linkTo, present, readState, toCsv, toMarkdown, validateInput, writeState,
} from "../../plugins/decision_guide/calculators/runtime/calculator.js";
import { ENGLISH, withWords } from "./words.mjs";

const v = (name) => ({ name });
const op = (symbol, left, right) => ({ op: symbol, args: [left, right] });

const SPEC = Object.freeze(withWords({
  id: "tool",
  title: "Tool | demo",
  assumptions: ["Prices *as listed*."],
  inputs: [
    { id: "volume", label: "Volume", unit: "queries", format: "number", type: "number", default: 300000, min: 0, max: 1e10, step: 1000 },
    { id: "rerank", label: "Rerank", unit: null, format: "number", type: "boolean", default: 1, min: 0, max: 1, step: 1 },
    { id: "share", label: "Share", unit: "%", format: "percent", type: "number", default: 40, min: 0, max: 100, step: 5 },
  ],
  values: [
    { id: "shared", label: "Shared volume", format: "number", output: true, tree: op("*", v("volume"), v("share")) },
    { id: "payback", label: "=Pays back after", format: "months", output: true,
      never: "The gap never closes.", tree: op("/", v("volume"), op("-", v("rerank"), v("rerank"))) },
    { id: "plain", label: "Plain", format: "number", output: true, tree: op("/", v("volume"), op("-", v("rerank"), v("rerank"))) },
  ],
  presets: [],
  tables: [],
  charts: [],
}));

test("rejects what is not yes or no for a switch, and takes the usual words", () => {
  const rerank = SPEC.inputs[1];
  for (const [text, error] of [["0.5", "“0.5” is not yes or no."], ["", "Choose yes or no."], ["2", "“2” is not yes or no."]]) {
    assert.deepEqual(validateInput(rerank, text, undefined, ENGLISH), { error });
  }
  for (const [text, value] of [["1", 1], ["0", 0], ["true", 1], ["FALSE", 0], [" yes ", 1], ["no", 0], ["on", 1], ["off", 0]]) {
    assert.deepEqual(validateInput(rerank, text, undefined, ENGLISH), { value }, text);
  }
});

test("a percent is entered in percent, with or without its sign, and formulas see the fraction", () => {
  const share = SPEC.inputs[2];
  assert.deepEqual(validateInput(share, "40", undefined, ENGLISH), { value: 0.4 });
  assert.deepEqual(validateInput(share, "88 %", undefined, ENGLISH), { value: 0.88 });
  assert.deepEqual(validateInput(share, "120", undefined, ENGLISH), { error: "Must be at most 100%." });
  assert.deepEqual(validateInput({ ...share, min: 5 }, "1", undefined, ENGLISH), { error: "Must be at least 5%." });
  assert.equal(calculate(SPEC, { share: "50%" }).outputs.shared.text, "150,000");
});

test("a value that does not exist says Never and why; others a dash and the rule broken", () => {
  const view = present(SPEC, readState(SPEC, ""));
  assert.deepEqual(view.outputs.payback, { value: null, text: "Never", reason: "The gap never closes." });
  assert.equal(view.outputs.plain.text, "—");
  assert.match(view.outputs.plain.reason, /^Cannot be computed: division by zero/);
});

test("calculate answers like `decision-guide calc --json`, and names an unknown input", () => {
  assert.deepEqual(calculate(SPEC, {}).outputs.shared, { value: 120000, text: "120,000" });
  assert.deepEqual(calculate(SPEC, { rerank: "maybe" }).errors, { rerank: "“maybe” is not yes or no." });
  assert.deepEqual(calculate(SPEC, { rerank: "maybe" }).outputs.shared,
    { value: null, text: "—", reason: "Fix the inputs above to see this result." });
  assert.throws(() => calculate(SPEC, { volumes: "1" }), /calculator tool has no input volumes/);
});

test("exports inputs as entered and outputs as shown, as CSV a spreadsheet cannot run", () => {
  const rows = exportRows(SPEC, { volume: "1000", rerank: "0", share: "40" });
  assert.deepEqual(rows[1], { kind: "input", id: "rerank", label: "Rerank", value: "no", unit: "", note: "" });
  const csv = toCsv(rows, ENGLISH).split("\r\n");
  assert.equal(csv[0], '"kind","id","label","value","unit","note"');
  assert.equal(csv[1], '"input","volume","Volume","1000","queries",""');
  assert.equal(csv[3], '"input","share","Share","40","%",""');
  assert.equal(csv[4], '"output","shared","Shared volume","400","",""');
  assert.equal(csv[5], `"output","payback","'=Pays back after","Never","","The gap never closes."`);
  assert.equal(csv.at(-1), "", "ends with a line break");
  const german = { locale: "de-DE", table: { ...ENGLISH.table, "export.column_kind": "Art", "export.kind_input": "Eingabe" } };
  assert.match(toCsv(rows, german), /^"Art","id",[^\r]*\r\n"Eingabe","volume"/, "headers and kinds in the guide's words");
  assert.equal(toCsv([{ kind: "input", id: "q", label: 'say "hi"', value: "-5", unit: "", note: "" }], ENGLISH).split("\r\n")[1],
    '"input","q","say ""hi""","-5","",""', "quotes doubled; a negative number stays a number");
});

test("exports Markdown: title, results, inputs, assumptions and the link, with table syntax escaped", () => {
  const rows = exportRows(SPEC, readState(SPEC, ""));
  const text = toMarkdown(SPEC, rows, "https://example.org/costs/?tool.volume=5#calc-tool");
  const lines = text.split("\n");
  assert.equal(lines[0], "# Tool \\| demo");
  assert.ok(lines.includes("| =Pays back after | Never (The gap never closes.) |"));
  assert.ok(lines.includes("| Volume | 300000 queries |"));
  assert.ok(lines.includes("| Rerank | yes |"));
  assert.ok(lines.includes("- Prices \\*as listed\\*."));
  assert.equal(lines.at(-2), "Link: <https://example.org/costs/?tool.volume=5#calc-tool>");
});

test("the link to a calculator keeps the query and points at the calculator, not the section scrolled to", () => {
  const where = { origin: "https://example.org", pathname: "/guide/costs/", search: "?tool.volume=5", hash: "#rag-per-query" };
  assert.equal(linkTo({ id: "calc-tool" }, where), "https://example.org/guide/costs/?tool.volume=5#calc-tool");
  assert.equal(linkTo({ id: "calc-tool" }, { ...where, origin: "null", pathname: "/tmp/site/costs/index.html" }),
    "file:///tmp/site/costs/index.html?tool.volume=5#calc-tool");
});

// Random numbers written the ways a person or a URL writes them.
function* typedNumbers(count) {
  yield* ["300007.0", "300007", "3.00007e5", "300007.", "+300007", ".5", "0.0", "1e3", "1E+3", "12.50", "007"];
  let seed = 20261202;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < count; i += 1) {
    const whole = String(Math.floor(random() * 10 ** Math.floor(random() * 10)));
    const fraction = random() < 0.5 ? "" : `.${String(Math.floor(random() * 1000)).padEnd(Math.floor(random() * 4), "0")}`;
    const exponent = random() < 0.1 ? `e${Math.floor(random() * 4)}` : "";
    yield `${random() < 0.1 ? "+" : ""}${whole}${fraction}${exponent}`;
  }
}

test("every typed number round-trips through the URL and into the number box unchanged in value", () => {
  const volume = SPEC.inputs[0];
  for (const typed of typedNumbers(2000)) {
    const state = { ...readState(SPEC, ""), volume: typed };
    const back = readState(SPEC, writeState(SPEC, state, "?other=1"));
    const expected = Number(typed);
    if (expected === volume.default) {
      assert.equal(back.volume, "300000", typed);  // at the default the URL stays clean
    } else {
      assert.equal(back.volume, typed, typed);
    }
    const checked = validateInput(volume, back.volume, undefined, ENGLISH);
    if (expected <= volume.max) assert.equal(checked.value, expected, typed);
    // What the box is given is a number it keeps (HTML's valid floating-point number), the same number.
    const box = boxText(back.volume);
    assert.match(box, /^-?(?:\d+|\d*\.\d+)(?:e[-+]?\d+)?$/i, typed);
    assert.equal(Number(box), expected, typed);
  }
  assert.equal(boxText("abc"), "");
});

test("a value or input with decimals shows exactly that many places: on the page, in calc, CSV and Markdown", () => {
  const invoice = withWords({
    ...SPEC, id: "invoice", title: "Invoice",
    inputs: [{ id: "net", label: "Net", unit: "EUR", format: "currency", decimals: 2, type: "number", default: 1234.56, min: 0, max: 5000, step: 0.01 },
      { id: "copies", label: "Copies", unit: null, format: "number", decimals: null, type: "number", default: 1, min: 1, max: 10, step: 1 }],
    values: [{ id: "amount", label: "Amount", format: "currency", decimals: 2, output: true, tree: op("*", v("net"), v("copies")) },
      { id: "rough", label: "Rough", format: "currency", decimals: null, output: true, tree: op("*", v("net"), v("copies")) }],
  });
  const euros = { locale: "de-DE", currency: "EUR", units: {} };
  const german = { ...invoice, style: euros };
  assert.deepEqual(calculate(german, {}).outputs.amount, { value: 1234.56, text: "1.234,56\u00a0€" });
  assert.equal(calculate(german, {}).outputs.rough.text, "1.235\u00a0€", "no decimals: the magnitude rule");
  assert.equal(calculate(german, { copies: "3" }).outputs.amount.text, "3.703,68\u00a0€");
  assert.deepEqual(validateInput(invoice.inputs[0], "6000", euros, ENGLISH), { error: "Must be at most 5.000,00\u00a0€." });
  const rows = exportRows(german, { net: "1234.56", copies: "2" });
  assert.ok(toCsv(rows, ENGLISH).includes('"output","amount","Amount","2.469,12\u00a0€","",""'));
  assert.ok(toMarkdown(german, rows, "https://example.org/").split("\n").includes("| Amount | 2.469,12\u00a0€ |"),
    "a Markdown cell keeps the no-break space the page shows between the figure and its currency");
  const folded = toMarkdown(SPEC, [{ kind: "input", id: "q", label: "two\nlines", value: "a \t b", unit: "", note: "" }], "x");
  assert.ok(folded.split("\n").includes("| two lines | a b |"), "line breaks and runs of spaces fold into one space");
});
