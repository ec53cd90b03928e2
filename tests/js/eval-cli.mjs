// Batch evaluator for tests/test_formula_agreement.py.
//
// Reads a JSON array of {tree, env} cases on stdin and writes a JSON array of
// results to stdout, one per case, in order:
//   {value, text, textWithEnv}            when evaluation succeeds
//   {error: "<code>", text, textWithEnv}  when it throws a FormulaError
// One process handles the whole batch so the property test stays fast.
//
// `node --test runtime/test/` also runs every file in this folder. Under the
// test runner (NODE_TEST_CONTEXT is set) there is no stdin to read, so this
// file checks its own batch function instead of waiting forever.

import { evaluate, FormulaError, toText } from "../../plugins/decision_guide/calculators/runtime/formula.js";

/** Evaluate each case; never throws, so one bad case cannot hide the rest. */
export function runBatch(cases) {
  return cases.map(({ tree, env }) => {
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
  });
}

async function main() {
  if (process.stdin.isTTY) {
    process.stderr.write("usage: node eval-cli.mjs < cases.json\n");
    process.exit(2);
  }
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const cases = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  if (!Array.isArray(cases)) throw new TypeError("expected a JSON array of {tree, env} cases");
  process.stdout.write(JSON.stringify(runBatch(cases)));
}

if (process.env.NODE_TEST_CONTEXT) {
  const { test } = await import("node:test");
  const assert = await import("node:assert/strict");
  test("eval-cli answers each case with a value or an error code, plus its text", () => {
    const tree = { op: "/", args: [{ name: "a" }, { name: "b" }] };
    assert.deepEqual(runBatch([
      { tree, env: { a: 3, b: 2 } },
      { tree, env: { a: 3, b: 0 } },
    ]), [
      { value: 1.5, text: "a / b", textWithEnv: "3 / 2" },
      { error: "division-by-zero", text: "a / b", textWithEnv: "3 / 0" },
    ]);
  });
} else {
  await main();
}
