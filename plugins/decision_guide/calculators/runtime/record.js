// The verdict in words, and as a MADR-style decision record: twin of site/record.py and its
// template (templates/records/decision.md), held to the same golden records.

export const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
export const points = (n) => plural(n, "point");
export const joinNames = (names, last = "and") =>
  names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} ${last} ${names[names.length - 1]}`;

const find = (list, id) => list.find((item) => item.id === id);
const option = (spec, id) => find(spec.options, id);

/** The recommendation in words, to follow "Recommendation: ". */
export function describe(spec, verdict) {
  const { answered, questions, recommendation: leaders, ranking, scores, margin } = verdict;
  if (answered === 0) return "answer a question to see one";
  if (leaders.length === 0) return "no option fits all your hard constraints";
  const lead = option(spec, leaders[0]);
  if (leaders.length > 1) {
    const more = answered < questions ? "; answer more questions to break it" : "";
    return `a tie between ${joinNames(leaders.map((id) => option(spec, id).name))} at ${points(scores[lead.id])} each${more}`;
  }
  if (ranking.length === 1) return `${lead.name}, the only option your hard constraints allow (${points(scores[lead.id])})`;
  const next = option(spec, ranking[1].option);
  return `${lead.name}, with ${points(scores[lead.id])}, ${margin} ahead of ${next.short_name} (${scores[next.id]})`;
}

/**
 * The ≤ 3 answers that gave the single leading option most (weighted) points, as
 * [{q, a, pts}]; none without a single leader. `state` is {answers, weights}.
 */
export function drivers(spec, verdict, { answers, weights }) {
  if (verdict.recommendation.length !== 1) return [];
  const [leader] = verdict.recommendation;
  return spec.questions.filter((q) => answers[q.id]).map((q) => {
    const a = find(q.answers, answers[q.id]);
    return { q, a, pts: (a.scores[leader] ?? 0) * spec.weights[weights[q.id] ?? "normal"] };
  }).filter(({ pts }) => pts > 0).sort((x, y) => y.pts - x.pts).slice(0, 3);
}

const md = (text) => String(text).replace(/\s+/g, " ").replace(/[\\`*_[\]<>|]/g, "\\$&");
const url = (text) => text.replace(/\(/g, "%28").replace(/\)/g, "%29").replace(/\s/g, "%20");

/**
 * The decision as a MADR-style Markdown record: Context and Problem Statement, Decision Drivers,
 * Considered Options, Decision Outcome, Pros and Cons of the Options, Sources. `state` is
 * {answers, weights}; `date` YYYY-MM-DD; `pageUrl` (optional) the wizard with these answers.
 */
export function decisionRecord(spec, verdict, { answers, weights }, { date, pageUrl = null } = {}) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError("date must be YYYY-MM-DD");
  const page = pageUrl === null ? null : new URL(pageUrl).href; // TypeError unless absolute
  const cited = [];
  const cite = (ids) => ids.map((id) => {
    if (!cited.includes(id)) cited.push(id);
    return `[${cited.indexOf(id) + 1}]`;
  }).join("");
  const name = (id) => md(option(spec, id).short_name);
  const names = (ids, last) => joinNames(ids.map(name), last);
  const picked = spec.questions.filter((q) => answers[q.id]).map((q) => ({ q, a: find(q.answers, answers[q.id]) }));
  const label = ({ question, answer }) => md(find(find(spec.questions, question).answers, answer).label);
  const quoted = (ref) => `“${label(ref)}”`;
  const leaders = verdict.recommendation;
  const title = verdict.answered === 0 ? "No decision yet"
    : leaders.length === 0 ? "No option fits the hard constraints"
      : leaders.length > 1 ? `Undecided between ${names(leaders, "and")}` : `Choose ${name(leaders[0])}`;

  const lines = [`# ${title}`, "", `- Status: ${leaders.length === 1 ? "proposed" : "open"}`, `- Date: ${date}`];
  if (page) lines.push(`- Made with: [the decision wizard with these answers](${url(page)})`);
  lines.push("", "## Context and Problem Statement", "",
    `Which should we build on: ${names(spec.options.map((o) => o.id), "or")}? ` +
    `The decision wizard asked ${plural(spec.questions.length, "question")}; ${verdict.answered} answered.`,
    "", "| Question | Answer | Weight | Sources |", "| --- | --- | --- | --- |");
  for (const q of spec.questions) {
    const a = find(q.answers, answers[q.id]);
    lines.push(`| ${md(q.text)} | ${a ? md(a.label) : "_Not answered_"} | ${weights[q.id] ?? "normal"} | ${cite(q.sources)} |`);
  }

  lines.push("", "## Decision Drivers", "");
  const constraints = picked.filter(({ a }) => a.excludes.length);
  for (const { a } of constraints) {
    lines.push(`- Hard constraint: **${md(a.label)}** rules out ${names(a.excludes)}. ${md(a.reason)} ${cite(a.sources)}`);
  }
  const leader = leaders.length === 1 ? leaders[0] : null;
  const driving = drivers(spec, verdict, { answers, weights });
  for (const { q, a, pts } of driving) lines.push(`- ${md(q.criterion.title)}: **${md(a.label)}** (+${pts} for ${name(leader)})`);
  if (!constraints.length && !driving.length) lines.push("- No answer sets one option apart yet.");

  lines.push("", "## Considered Options", "", ...spec.options.map((o) => `- ${md(o.name)}`));

  const outcome = verdict.answered === 0 ? "No option chosen: no question was answered"
    : leaders.length === 0 ? "No option chosen: your hard constraints rule out every option"
      : `${leader === null ? "No option chosen" : "Chosen option"}: ${describe(spec, verdict)}`;
  lines.push("", "## Decision Outcome", "", `${md(outcome)}.`);
  if (verdict.close_call && leader !== null) lines.push("", "This is a close call: a small change in the answers could reverse it.");
  for (const conflict of verdict.conflicts) {
    const by = conflict.favoured_by.map(quoted);
    lines.push("", conflict.kind === "no-option-left" ? "Conflict: the hard constraints rule out every option."
      : `Conflict: the answers favour ${name(conflict.favourite)} most${by.length ? ` (${joinNames(by)})` : ""}, ` +
        `but ${joinNames(conflict.constraints.map(quoted))} rules it out.`);
    lines.push(...(conflict.relax.length ? conflict.relax.map((ref) =>
      `- Relax "${md(find(spec.questions, ref.question).text)}" to **${label(ref)}**: ${names(ref.recommends, "or")} would be recommended.`)
      : ["- No single answer change resolves it; more than one constraint has to give."]));
  }
  if (verdict.flip) {
    lines.push("", `Sensitivity: answering "${md(find(spec.questions, verdict.flip.question).text)}" with ` +
      `**${label(verdict.flip)}** would recommend ${name(verdict.flip.option)}.`);
  }
  const open = spec.questions.length - verdict.answered;
  if (verdict.answered && open) lines.push("", `${plural(open, "question")} not answered; answering may change the outcome.`);
  lines.push("", "| Option | Points | Status |", "| --- | ---: | --- |");
  verdict.ranking.forEach(({ option: id, score }, i) => lines.push(`| ${name(id)} | ${score} | ranked ${i + 1} |`));
  for (const { option: id, score, by } of verdict.ruled_out) lines.push(`| ${name(id)} | ${score} | ruled out by ${joinNames(by.map(quoted))} |`);

  lines.push("", "## Pros and Cons of the Options");
  for (const o of spec.options) {
    lines.push("", `### ${md(o.name)}`, "");
    const before = lines.length;
    for (const { a } of picked) {
      const values = spec.options.map((x) => a.scores[x.id] ?? 0);
      const mine = a.scores[o.id] ?? 0;
      if (a.excludes.includes(o.id)) lines.push(`- Bad, because **${md(a.label)}** rules it out.`);
      else if (Math.max(...values) > Math.min(...values) && mine === Math.max(...values)) lines.push(`- Good, because **${md(a.label)}** (+${mine})`);
      else if (Math.max(...values) > Math.min(...values) && mine === Math.min(...values)) lines.push(`- Bad, because **${md(a.label)}** (+${mine})`);
    }
    if (lines.length === before) lines.push("- Neutral: no answer sets it apart.");
  }

  if (cited.length) {
    lines.push("", "## Sources", "");
    cited.forEach((id, i) => {
      const s = spec.sources[id];
      lines.push(`${i + 1}. ${md(s.title)}, ${md(s.publisher)}, ${s.date}.${s.url ? ` <${url(s.url)}>` : ""}`);
    });
  }
  lines.push("");
  return lines.join("\n");
}
