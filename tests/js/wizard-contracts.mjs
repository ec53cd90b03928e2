// Runs the wizard's golden cases through the JavaScript twin: `node wizard-contracts.mjs
// SPEC.json CASES.json` prints, per case, {result} (and the decision record where the case asks
// for one) or {error}, as one JSON array. The Python test
// tests/test_wizard_contracts.py writes the spec the build embeds and compares.
import { readFileSync } from "node:fs";
import { decide } from "../../plugins/decision_guide/calculators/runtime/decide.js";
import { decisionRecord } from "../../plugins/decision_guide/calculators/runtime/record.js";

const [specPath, casesPath] = process.argv.slice(2);
const spec = JSON.parse(readFileSync(specPath, "utf8"));
const cases = JSON.parse(readFileSync(casesPath, "utf8"));
const run = ({ answers, weights = {}, record }) => {
  try {
    const result = decide(spec, answers, weights);
    if (!record) return { result };
    return { result, record: decisionRecord(spec, result, { answers, weights }, { date: record.date, pageUrl: record.page_url }) };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { error: error.message };
  }
};
process.stdout.write(JSON.stringify(cases.map(run)));
