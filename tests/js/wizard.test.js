// Specification of the wizard's page side: answers and weights in the URL, the verdict in words,
// and the MADR-style decision record.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readState, writeState } from "../../plugins/decision_guide/calculators/runtime/wizard.js";
import { decide } from "../../plugins/decision_guide/calculators/runtime/decide.js";
import { decisionRecord, describe } from "../../plugins/decision_guide/calculators/runtime/record.js";
import { withWords } from "./words.mjs";

const answer = (id, label, scores, excludes = [], reason = null, sources = []) => ({ id, label, scores, excludes, reason, sources });
const SPEC = Object.freeze(withWords({
  id: "decision-wizard", close_call: 0.1, weights: { less: 0.5, normal: 1, more: 2 },
  options: [
    { id: "rag", name: "Retrieval (RAG)", short_name: "RAG" },
    { id: "ft", name: "Fine-tuning", short_name: "FT" },
  ],
  questions: [
    { id: "freshness", text: "How often does your data change?", sources: ["s1"],
      criterion: { id: "freshness", title: "Knowledge freshness", href: "../criteria/freshness/" },
      answers: [answer("daily", "Daily", { rag: 3 }), answer("rarely", "Rarely", { ft: 2 })] },
    { id: "latency", text: "What latency do you need?", sources: ["s1"],
      criterion: { id: "latency", title: "Latency | speed", href: "../criteria/latency/" },
      answers: [answer("fast", "Under 200 ms", { ft: 3 }, ["rag"], "Retrieval takes longer.", ["s2"]),
        answer("relaxed", "A second is fine", { rag: 1 })] },
  ],
  sources: {
    s1: { title: "A guide", publisher: "Pub", url: "https://example.org/a(b)", date: "2026-01" },
    s2: { title: "Benchmarks", publisher: "Lab", url: null, date: "2025" },
  },
}));
const PAGE = "https://guide.example/wizard/?decision-wizard.freshness=daily";

test("rejects invalid input", () => {
  const verdict = decide(SPEC, {});
  assert.throws(() => decisionRecord(SPEC, verdict, { answers: {}, weights: {} }, { date: "14/05/2026" }), RangeError);
  assert.throws(() => decisionRecord(SPEC, verdict, { answers: {}, weights: {} }, { date: "2026-05-14", pageUrl: "/w/" }), TypeError);
});

test("keeps answers and weights in the URL and drops unknown ones", () => {
  const state = { answers: { freshness: "daily" }, weights: { latency: "more", freshness: "normal" } };
  const search = writeState(SPEC, state, "?other=1");
  assert.equal(search, "?other=1&decision-wizard.freshness=daily&decision-wizard.latency.weight=more");
  assert.deepEqual(readState(SPEC, search), { answers: { freshness: "daily" }, weights: { latency: "more" } });
  assert.deepEqual(readState(SPEC, "?decision-wizard.freshness=hourly&decision-wizard.latency.weight=lots"),
    { answers: {}, weights: {} });
});

test("the verdict in words: nothing, a clear lead with its margin, a tie, and no option left", () => {
  assert.equal(describe(SPEC, decide(SPEC, {})), "answer a question to see one");
  assert.equal(describe(SPEC, decide(SPEC, { freshness: "daily", latency: "relaxed" })),
    "Retrieval (RAG), with 4 points, 4 ahead of FT (0)");
  assert.equal(describe(SPEC, decide(SPEC, { freshness: "daily" }, { freshness: "less" })),
    "Retrieval (RAG), with 1.5 points, 1.5 ahead of FT (0)");
  assert.equal(describe(SPEC, decide(SPEC, { latency: "fast" })),
    "Fine-tuning, the only option your hard constraints allow (3 points)");
  const tie = { ...SPEC, questions: [{ ...SPEC.questions[0], answers: [answer("x", "X", { rag: 1, ft: 1 })] }] };
  assert.equal(describe(tie, decide(tie, { freshness: "x" })), "a tie between Retrieval (RAG) and Fine-tuning at 1 point each");
});

test("the decision record follows MADR's sections and cites its sources", () => {
  const state = { answers: { freshness: "daily", latency: "fast" }, weights: { freshness: "more" } };
  const record = decisionRecord(SPEC, decide(SPEC, state.answers, state.weights), state, { date: "2026-05-14", pageUrl: PAGE });
  assert.equal(record, `# Choose FT

- Status: proposed
- Date: 2026-05-14
- Made with: [the decision wizard with these answers](${PAGE})

## Context and Problem Statement

Which should we build on: RAG or FT? The decision wizard asked 2 questions; 2 answered.

| Question | Answer | Weight | Sources |
| --- | --- | --- | --- |
| How often does your data change? | Daily | more | [1] |
| What latency do you need? | Under 200 ms | normal | [1] |

## Decision Drivers

- Hard constraint: **Under 200 ms** rules out RAG. Retrieval takes longer. [2]
- Latency \\| speed: **Under 200 ms** (+3 for FT)

## Considered Options

- Retrieval (RAG)
- Fine-tuning

## Decision Outcome

Chosen option: Fine-tuning, the only option your hard constraints allow (3 points).

Conflict: the answers favour RAG most (“Daily”), but “Under 200 ms” rules it out.
- Relax "What latency do you need?" to **A second is fine**: RAG would be recommended.

Sensitivity: answering "What latency do you need?" with **A second is fine** would recommend RAG.

| Option | Points | Status |
| --- | ---: | --- |
| FT | 3 | ranked 1 |
| RAG | 6 | ruled out by “Under 200 ms” |

## Pros and Cons of the Options

### Retrieval (RAG)

- Good, because **Daily** (+3)
- Bad, because **Under 200 ms** rules it out.

### Fine-tuning

- Bad, because **Daily** (+0)
- Good, because **Under 200 ms** (+3)

## Sources

1. A guide, Pub, 2026-01. <https://example.org/a%28b%29>
2. Benchmarks, Lab, 2025.
`);
});
