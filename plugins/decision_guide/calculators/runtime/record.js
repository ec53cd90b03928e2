// The verdict in words, and as a MADR-style decision record: twin of site/record.py and its
// template (templates/records/decision.md), held to the same golden records.

import { say } from "./words.js";

/** `n` points, in the spec's words. */
export const points = (spec, n) => say(spec.words, "verdict.points", { count: n });
/** "a, b and c" (`last` is "and" or "or", a key of the words' verdict entries). */
export const joinNames = (spec, names, last = "and") => names.length < 2 ? names.join("")
  : `${names.slice(0, -1).join(", ")} ${say(spec.words, `verdict.${last}`)} ${names[names.length - 1]}`;

const find = (list, id) => list.find((item) => item.id === id);
const option = (spec, id) => find(spec.options, id);

/** The recommendation in words, to follow "Recommendation: ". */
export function describe(spec, verdict) {
  const { answered, questions, recommendation: leaders, ranking, scores, margin } = verdict;
  const word = (key, values) => say(spec.words, `verdict.${key}`, values);
  if (answered === 0) return word("unanswered");
  if (leaders.length === 0) return word("no_option");
  const lead = option(spec, leaders[0]);
  const leading = points(spec, scores[lead.id]);
  if (leaders.length > 1) {
    return word(answered < questions ? "tie_open" : "tie",
      { options: joinNames(spec, leaders.map((id) => option(spec, id).name)), points: leading });
  }
  if (ranking.length === 1) return word("only", { option: lead.name, points: leading });
  const next = option(spec, ranking[1].option);
  return word("lead", { option: lead.name, points: leading, margin, runner_up: next.short_name, runner_up_points: scores[next.id] });
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
  const names = (ids, last) => joinNames(spec, ids.map(name), last);
  const word = (key, values) => say(spec.words, `record.${key}`, values);
  const picked = spec.questions.filter((q) => answers[q.id]).map((q) => ({ q, a: find(q.answers, answers[q.id]) }));
  const label = ({ question, answer }) => md(find(find(spec.questions, question).answers, answer).label);
  const quoted = (ref) => say(spec.words, "verdict.quoted", { text: label(ref) });
  const leaders = verdict.recommendation;
  const title = verdict.answered === 0 ? word("title_unanswered")
    : leaders.length === 0 ? word("title_no_option")
      : leaders.length > 1 ? word("title_undecided", { options: names(leaders, "and") }) : word("title_chosen", { option: name(leaders[0]) });

  const lines = [`# ${title}`, "", `- ${word("status", { status: word(leaders.length === 1 ? "proposed" : "open") })}`,
    `- ${word("date", { date })}`];
  if (page) lines.push(`- ${word("made_with", { url: url(page) })}`);
  lines.push("", `## ${word("context")}`, "",
    word("question_asked", { options: names(spec.options.map((o) => o.id), "or"),
      questions: word("questions", { count: spec.questions.length }), answered: verdict.answered }),
    "", `| ${word("question")} | ${word("answer")} | ${word("weight")} | ${word("sources")} |`, "| --- | --- | --- | --- |");
  for (const q of spec.questions) {
    const a = find(q.answers, answers[q.id]);
    lines.push(`| ${md(q.text)} | ${a ? md(a.label) : word("not_answered")} | ${weights[q.id] ?? "normal"} | ${cite(q.sources)} |`);
  }

  lines.push("", `## ${word("drivers")}`, "");
  const constraints = picked.filter(({ a }) => a.excludes.length);
  for (const { a } of constraints) {
    lines.push(`- ${word("hard_constraint", { answer: md(a.label), options: names(a.excludes), reason: md(a.reason), sources: cite(a.sources) })}`);
  }
  const leader = leaders.length === 1 ? leaders[0] : null;
  const driving = drivers(spec, verdict, { answers, weights });
  for (const { q, a, pts } of driving) {
    lines.push(`- ${word("driver", { criterion: md(q.criterion.title), answer: md(a.label), points: pts, option: name(leader) })}`);
  }
  if (!constraints.length && !driving.length) lines.push(`- ${word("no_driver")}`);

  lines.push("", `## ${word("considered")}`, "", ...spec.options.map((o) => `- ${md(o.name)}`));

  const outcome = verdict.answered === 0 ? word("outcome_unanswered")
    : leaders.length === 0 ? word("outcome_no_option")
      : word(leader === null ? "outcome_undecided" : "outcome_chosen", { verdict: describe(spec, verdict) });
  lines.push("", `## ${word("outcome")}`, "", `${md(outcome)}.`);
  if (verdict.close_call && leader !== null) lines.push("", word("close_call"));
  for (const conflict of verdict.conflicts) {
    const by = conflict.favoured_by.map(quoted);
    lines.push("", conflict.kind === "no-option-left" ? word("conflict_none")
      : word(by.length ? "conflict_by" : "conflict", { option: name(conflict.favourite), answers: joinNames(spec, by),
        constraints: joinNames(spec, conflict.constraints.map(quoted)) }));
    lines.push(...(conflict.relax.length ? conflict.relax.map((ref) => `- ${word("relax",
      { question: md(find(spec.questions, ref.question).text), answer: label(ref), options: names(ref.recommends, "or") })}`)
      : [`- ${word("relax_none")}`]));
  }
  if (verdict.flip) {
    lines.push("", word("sensitivity", { question: md(find(spec.questions, verdict.flip.question).text),
      answer: label(verdict.flip), option: name(verdict.flip.option) }));
  }
  const open = spec.questions.length - verdict.answered;
  if (verdict.answered && open) lines.push("", word("unanswered", { count: open }));
  lines.push("", `| ${word("option")} | ${word("points")} | ${word("standing")} |`, "| --- | ---: | --- |");
  verdict.ranking.forEach(({ option: id, score }, i) => lines.push(`| ${name(id)} | ${score} | ${word("ranked", { rank: i + 1 })} |`));
  for (const { option: id, score, by } of verdict.ruled_out) {
    lines.push(`| ${name(id)} | ${score} | ${word("ruled_out_by", { answers: joinNames(spec, by.map(quoted)) })} |`);
  }

  lines.push("", `## ${word("pros_cons")}`);
  for (const o of spec.options) {
    lines.push("", `### ${md(o.name)}`, "");
    const before = lines.length;
    for (const { a } of picked) {
      const values = spec.options.map((x) => a.scores[x.id] ?? 0);
      const mine = a.scores[o.id] ?? 0;
      const apart = Math.max(...values) > Math.min(...values);
      if (a.excludes.includes(o.id)) lines.push(`- ${word("bad_ruled_out", { answer: md(a.label) })}`);
      else if (apart && mine === Math.max(...values)) lines.push(`- ${word("good", { answer: md(a.label), points: mine })}`);
      else if (apart && mine === Math.min(...values)) lines.push(`- ${word("bad", { answer: md(a.label), points: mine })}`);
    }
    if (lines.length === before) lines.push(`- ${word("neutral")}`);
  }

  if (cited.length) {
    lines.push("", `## ${word("sources")}`, "");
    cited.forEach((id, i) => {
      const s = spec.sources[id];
      lines.push(`${i + 1}. ${md(s.title)}, ${md(s.publisher)}, ${s.date}.${s.url ? ` <${url(s.url)}>` : ""}`);
    });
  }
  lines.push("");
  return lines.join("\n");
}
