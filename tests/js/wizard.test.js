// Specification of the decision wizard's pure core: scoring, the
// recommendation and its drivers, answers in the URL and the decision record.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  decisionRecord, describeRecommendation, readAnswers, recommend, scoreAnswers, writeAnswers,
} from "../../plugins/decision_guide/calculators/runtime/wizard.js";

const SPEC = Object.freeze({
  id: "decision-wizard",
  options: [
    { id: "rag", name: "RAG", short_name: "RAG" },
    { id: "ft", name: "Fine-tuning", short_name: "FT" },
    { id: "hybrid", name: "Hybrid", short_name: "Hybrid" },
  ],
  questions: [
    { id: "freshness", text: "How often does your data change?", help: "…",
      criterion: { id: "knowledge-freshness", title: "Knowledge freshness", href: "../criteria/knowledge-freshness/" },
      answers: [
        { id: "daily", label: "Daily or weekly", scores: { rag: 3, hybrid: 2 } },
        { id: "rarely", label: "Rarely", scores: { ft: 2, hybrid: 1 } },
      ] },
    { id: "latency", text: "What latency do you need?", help: "…",
      criterion: { id: "latency", title: "Latency", href: "../criteria/latency/" },
      answers: [
        { id: "fast", label: "Under 200 ms", scores: { ft: 3, hybrid: 1 } },
        { id: "relaxed", label: "A second is fine", scores: { rag: 1 } },
      ] },
    { id: "audit", text: "Must answers cite their sources?", help: "…",
      criterion: { id: "auditability", title: "Auditability | traceability", href: "../criteria/auditability/" },
      answers: [
        { id: "yes", label: "Yes", scores: { rag: 2, hybrid: 2 } },
        { id: "no", label: "No", scores: {} },
      ] },
  ],
});
const PAGE = "https://guide.example/wizard/?decision-wizard.freshness=daily";

test("rejects invalid input", () => {
  for (const answers of [null, undefined, "freshness=daily", 3]) {
    assert.throws(() => scoreAnswers(SPEC, answers), TypeError, String(answers));
  }
  assert.throws(() => scoreAnswers(SPEC, { colour: "blue" }), /unknown question colour/);
  assert.throws(() => recommend(SPEC, { freshness: "hourly" }), /question freshness has no answer hourly/);
  assert.throws(() => decisionRecord(SPEC, {}, { date: "14/05/2026", pageUrl: PAGE }), RangeError);
  assert.throws(() => decisionRecord(SPEC, {}, { date: "2026-05-14", pageUrl: "/wizard/" }), TypeError);
  assert.throws(() => decisionRecord(SPEC, {}), RangeError);
});

test("scores add up the chosen answers' points per option", () => {
  assert.deepEqual(scoreAnswers(SPEC, {}), { rag: 0, ft: 0, hybrid: 0 });
  assert.deepEqual(scoreAnswers(SPEC, { freshness: "daily" }), { rag: 3, ft: 0, hybrid: 2 });
  assert.deepEqual(scoreAnswers(SPEC, { freshness: "daily", latency: "fast", audit: "yes" }), { rag: 5, ft: 3, hybrid: 5 });
  assert.deepEqual(scoreAnswers(SPEC, { audit: "no" }), { rag: 0, ft: 0, hybrid: 0 });
});

test("recommends the leader, with the answers that gave it the most points", () => {
  const result = recommend(SPEC, { freshness: "daily", latency: "relaxed", audit: "yes" });
  assert.equal(result.kind, "clear");
  assert.equal(result.answered, 3);
  assert.deepEqual(result.leaders.map((o) => o.id), ["rag"]);
  assert.deepEqual(result.drivers.map((d) => [d.question.id, d.answer.id, d.points]),
    [["freshness", "daily", 3], ["audit", "yes", 2], ["latency", "relaxed", 1]]);
  assert.equal(describeRecommendation(SPEC, result), "RAG, with 6 points (Hybrid: 4)");
});

test("says plainly when nothing is answered or options tie", () => {
  const none = recommend(SPEC, {});
  assert.equal(none.kind, "none");
  assert.equal(describeRecommendation(SPEC, none), "answer a question to see one");
  const tie = recommend(SPEC, { audit: "yes" });
  assert.equal(tie.kind, "tie");
  assert.deepEqual(tie.leaders.map((o) => o.id), ["rag", "hybrid"]);
  assert.deepEqual(tie.drivers, []);
  assert.equal(describeRecommendation(SPEC, tie), "a tie between RAG and Hybrid at 2 points each; answer more questions to break it");
  const allTied = recommend(SPEC, { freshness: "daily", latency: "fast", audit: "yes" });
  assert.equal(describeRecommendation(SPEC, allTied), "a tie between RAG and Hybrid at 5 points each");
  const zero = recommend(SPEC, { audit: "no" });
  assert.equal(zero.kind, "tie", "answers that score nothing leave every option level");
  assert.equal(describeRecommendation(SPEC, zero), "a tie between RAG, Fine-tuning and Hybrid at 0 points each; answer more questions to break it");
});

test("keeps answers in the URL and drops unknown ones", () => {
  const search = writeAnswers(SPEC, { freshness: "daily", audit: "no" }, "?rag-cost.queries=5#x");
  assert.equal(search, "?rag-cost.queries=5%23x&decision-wizard.freshness=daily&decision-wizard.audit=no");
  assert.deepEqual(readAnswers(SPEC, "?decision-wizard.freshness=daily&decision-wizard.latency=warp&decision-wizard.colour=red"),
    { freshness: "daily" });
  assert.equal(writeAnswers(SPEC, {}, "?decision-wizard.freshness=daily&a=1"), "?a=1");
  const answers = { freshness: "rarely", latency: "fast", audit: "yes" };
  assert.deepEqual(readAnswers(SPEC, writeAnswers(SPEC, answers, "")), answers);
});

test("the decision record reads like an ADR and links criteria by absolute URL", () => {
  const record = decisionRecord(SPEC, { freshness: "daily", latency: "relaxed" }, { date: "2026-05-14", pageUrl: PAGE });
  const expected = `# Decision record: choose RAG

- Status: Proposed
- Date: 2026-05-14
- Made with: [the decision wizard](${PAGE})

## Context

Choosing between RAG, Fine-tuning and Hybrid. The decision wizard asked 3 questions; 2 answered.

| Question | Answer |
| --- | --- |
| How often does your data change? | Daily or weekly |
| What latency do you need? | A second is fine |
| Must answers cite their sources? | _Not answered_ |

## Decision

RAG, with 4 points (Hybrid: 2).

| Option | Points |
| --- | ---: |
| RAG | 4 |
| Fine-tuning | 0 |
| Hybrid | 2 |

## Drivers

- [Knowledge freshness](https://guide.example/criteria/knowledge-freshness/): How often does your data change? **Daily or weekly** (+3 for RAG)
- [Latency](https://guide.example/criteria/latency/): What latency do you need? **A second is fine** (+1 for RAG)

## Consequences

- Build on RAG.
- Considered and not chosen: Fine-tuning (0 points) and Hybrid (2 points).
- 1 question not answered; answering may change the outcome.
- Revisit this record when an answer changes: the wizard link below recomputes it.

## Links

- [The decision wizard with these answers](${PAGE})
- [Knowledge freshness](https://guide.example/criteria/knowledge-freshness/)
- [Latency](https://guide.example/criteria/latency/)
- [Auditability \\| traceability](https://guide.example/criteria/auditability/)
`;
  assert.equal(record, expected);
});

test("a record without a leader says it is open", () => {
  const tie = decisionRecord(SPEC, { audit: "yes" }, { date: "2026-05-14", pageUrl: PAGE });
  assert.match(tie, /^# Decision record: RAG or Hybrid, undecided$/m);
  assert.match(tie, /^- Status: Open$/m);
  assert.match(tie, /^No single option leads, so no answer drove a choice\.$/m);
  assert.match(tie, /^- No choice yet: RAG and Hybrid are level; weigh the criteria linked below\.$/m);
  const none = decisionRecord(SPEC, {}, { date: "2026-05-14", pageUrl: "https://guide.example/a(b)/" });
  assert.match(none, /^# Decision record: no decision yet$/m);
  assert.match(none, /^- Nothing follows yet: no question was answered\.$/m);
  assert.match(none, /\(https:\/\/guide\.example\/a%28b%29\/\)/, "parentheses in URLs cannot end the link");
});
