// The decision wizard: answers in; points, a recommendation, its drivers and a decision record out.

import { byId, hasOwn, paramName, readSpec, setParams, setText, urlWriter } from "./calculator.js";
import { escapeMarkup } from "./chart.js";

const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
const joinNames = (names, last = "and") =>
  names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} ${last} ${names[names.length - 1]}`;

// [{question, answer}] in question order; throws on unknown ids.
function chosen(spec, answers) {
  if (Object(answers) !== answers) throw new TypeError("answers must be an object");
  const unknown = Object.keys(answers).find((id) => !byId(spec.questions, id));
  if (unknown) throw new RangeError(`unknown question ${unknown}`);
  return spec.questions.filter((question) => hasOwn(answers, question.id)).map((question) => {
    const answer = byId(question.answers, answers[question.id]);
    if (!answer) throw new RangeError(`question ${question.id} has no answer ${answers[question.id]}`);
    return { question, answer };
  });
}

/** The known answers in `search` (`<wizard id>.<question id>=<answer id>`). */
export function readAnswers(spec, search) {
  const params = new URLSearchParams(search);
  const answers = {};
  for (const { id, answers: options } of spec.questions) {
    const answer = params.get(paramName(spec.id, id));
    if (byId(options, answer)) answers[id] = answer;
  }
  return answers;
}

/** `search` with a parameter per answer; others kept. */
export function writeAnswers(spec, answers, search) {
  return setParams(search, spec.id, spec.questions.map(({ id }) => [id, answers[id] ?? null]));
}

/** Points per option id, summed over the answers. Throws on unknown ids. */
export function scoreAnswers(spec, answers) {
  const scores = Object.fromEntries(spec.options.map(({ id }) => [id, 0]));
  for (const { answer } of chosen(spec, answers)) {
    for (const [id, points] of Object.entries(answer.scores ?? {})) if (hasOwn(scores, id)) scores[id] += points;
  }
  return scores;
}

/**
 * {kind: "none" | "tie" | "clear", answered (a count), leaders (options with
 * the top score), scores, drivers: for a clear lead, the ≤ 3 answers giving
 * the leader most points, as [{question, answer, points}]}.
 */
export function recommend(spec, answers) {
  const picked = chosen(spec, answers);
  const scores = scoreAnswers(spec, answers);
  const top = Math.max(...Object.values(scores));
  const leaders = picked.length ? spec.options.filter(({ id }) => scores[id] === top) : [];
  const kind = leaders.length === 0 ? "none" : leaders.length > 1 ? "tie" : "clear";
  const drivers = kind !== "clear" ? [] : picked
    .map(({ question, answer }) => ({ question, answer, points: answer.scores?.[leaders[0].id] ?? 0 }))
    .filter(({ points }) => points > 0)
    .sort((a, b) => b.points - a.points)
    .slice(0, 3);
  return { kind, answered: picked.length, leaders, scores, drivers };
}

/** The recommendation in words, to follow "Recommendation: ". */
export function describeRecommendation(spec, { kind, answered, leaders, scores }) {
  if (kind === "none") return "answer a question to see one";
  const points = plural(scores[leaders[0].id], "point");
  if (kind === "tie") {
    const more = answered < spec.questions.length ? "; answer more questions to break it" : "";
    return `a tie between ${joinNames(leaders.map((o) => o.name))} at ${points} each${more}`;
  }
  const [next] = spec.options.filter((o) => o !== leaders[0]).sort((a, b) => scores[b.id] - scores[a.id]);
  return `${leaders[0].name}, with ${points}${next ? ` (${next.short_name ?? next.name}: ${scores[next.id]})` : ""}`;
}

const md = (text) => String(text).replace(/\s+/g, " ").replace(/[\\`*_[\]<>|]/g, "\\$&");
const link = (text, url) => `[${md(text)}](${url.replace(/\(/g, "%28").replace(/\)/g, "%29")})`;

/**
 * The answers as a Markdown architecture decision record (context, decision,
 * drivers linking criteria by absolute URL, consequences, links). `date` is
 * YYYY-MM-DD; `pageUrl` the wizard page's absolute URL.
 */
export function decisionRecord(spec, answers, { date, pageUrl } = {}) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError("date must be YYYY-MM-DD");
  const page = new URL(pageUrl).href; // TypeError unless absolute
  const result = recommend(spec, answers);
  const { kind, leaders, scores, drivers } = result;
  const names = (options, last) => md(joinNames(options.map((option) => option.name), last));
  const answerTo = new Map(chosen(spec, answers).map(({ question, answer }) => [question.id, answer.label]));
  const criterion = ({ criterion: { title, href } }) => link(title, new URL(href, page).href);
  const criteria = [...new Map(spec.questions.map((q) => [q.criterion.id, q])).values()];
  const open = spec.questions.length - result.answered;
  const others = spec.options.filter((option) => !leaders.includes(option));
  const decision = describeRecommendation(spec, result);
  const title = {
    none: "no decision yet", tie: `${names(leaders, "or")}, undecided`, clear: `choose ${names(leaders)}`,
  }[kind];
  const consequences = {
    none: ["- Nothing follows yet: no question was answered."],
    tie: [`- No choice yet: ${names(leaders)} are level; weigh the criteria linked below.`],
    clear: [`- Build on ${names(leaders)}.`],
  }[kind];
  if (kind !== "none" && others.length) {
    const scored = others.map((option) => `${option.name} (${plural(scores[option.id], "point")})`);
    consequences.push(`- Considered and not chosen: ${md(joinNames(scored))}.`);
  }
  if (kind !== "none" && open) {
    consequences.push(`- ${plural(open, "question")} not answered; answering may change the outcome.`);
  }
  return [
    `# Decision record: ${title}`,
    "",
    `- Status: ${kind === "clear" ? "Proposed" : "Open"}`,
    `- Date: ${date}`,
    `- Made with: ${link("the decision wizard", page)}`,
    "\n## Context\n",
    `Choosing between ${names(spec.options)}. ` +
      `The decision wizard asked ${plural(spec.questions.length, "question")}; ${result.answered} answered.`,
    "\n| Question | Answer |\n| --- | --- |",
    ...spec.questions.map((q) => `| ${md(q.text)} | ${answerTo.has(q.id) ? md(answerTo.get(q.id)) : "_Not answered_"} |`),
    "\n## Decision\n",
    `${md(decision[0].toUpperCase() + decision.slice(1))}.`,
    "\n| Option | Points |\n| --- | ---: |",
    ...spec.options.map((option) => `| ${md(option.name)} | ${scores[option.id]} |`),
    "\n## Drivers\n",
    ...(drivers.length ? drivers.map(({ question, answer, points }) =>
      `- ${criterion(question)}: ${md(question.text)} **${md(answer.label)}** (+${points} for ${names(leaders)})`)
      : ["No single option leads, so no answer drove a choice."]),
    "\n## Consequences\n",
    ...consequences,
    "- Revisit this record when an answer changes: the wizard link below recomputes it.",
    "\n## Links\n",
    `- ${link("The decision wizard with these answers", page)}`,
    ...criteria.map((q) => `- ${criterion(q)}`),
    "",
  ].join("\n");
}

function draw(root, spec, answers) {
  const result = recommend(spec, answers);
  const output = (name) => root.querySelector(`[data-output="${name}"]`);
  const best = Math.max(1, ...Object.values(result.scores));
  setText(output("recommendation"), describeRecommendation(spec, result));
  output("scores").innerHTML = spec.options.map((option) => {
    const points = result.scores[option.id];
    const top = result.leaders.includes(option) ? " dg-wizard__score--top" : "";
    return `<li class="dg-wizard__score${top}"><span>${escapeMarkup(option.short_name ?? option.name)}</span> ` +
      `<meter aria-hidden="true" max="${best}" value="${Math.max(0, points)}"></meter> ` +
      `<span>${plural(points, "point")}</span></li>`;
  }).join("");
  const drivers = output("drivers");
  drivers.hidden = result.drivers.length === 0;
  drivers.innerHTML = result.drivers.map(({ question: { criterion }, answer, points }) =>
    `<li><a href="${escapeMarkup(criterion.href)}">${escapeMarkup(criterion.title)}</a>: ` +
    `“${escapeMarkup(answer.label)}” (+${points})</li>`).join("");
}

function download(root, markdown, filename) {
  const href = URL.createObjectURL(new Blob([markdown], { type: "text/markdown;charset=utf-8" }));
  const anchor = Object.assign(document.createElement("a"), { href, download: filename, hidden: true });
  root.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}

/** Make one wizard root live. Call once per root. */
export function mountWizard(root) {
  const spec = readSpec(root, "data-wizard-spec");
  const form = root.querySelector(".dg-wizard__form");
  const radios = () => [...form.querySelectorAll('input[type="radio"]')];
  let answers = readAnswers(spec, location.search);
  const url = urlWriter(root, () => writeAnswers(spec, answers, location.search));
  const update = (next) => {
    answers = next;
    draw(root, spec, answers);
    url.later();
  };

  for (const radio of radios()) radio.checked = answers[radio.name] === radio.value;
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("change", () => {
    const checked = radios().filter((r) => r.checked).map((r) => [paramName(spec.id, r.name), r.value]);
    update(readAnswers(spec, new URLSearchParams(checked)));
  });
  form.addEventListener("click", ({ target }) => {
    const button = target.closest("button");
    if (button?.hasAttribute("data-download")) {
      url.save();
      const now = new Date();
      const date = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
        .map((n) => String(n).padStart(2, "0")).join("-");
      const record = decisionRecord(spec, answers, { date, pageUrl: location.href.split("#")[0] });
      download(root, record, `decision-record-${date}.md`);
    } else if (button?.hasAttribute("data-reset")) {
      for (const radio of radios()) radio.checked = false;
      update({});
      radios()[0]?.focus();
    }
  });
  root.querySelector('[data-output="scores"]').setAttribute("aria-label", "Points per option");
  root.querySelector('[data-output="drivers"]').setAttribute("aria-label", "Answers that drove the recommendation");
  root.querySelector(".dg-wizard__fallback").hidden = true;
  form.hidden = false;
  draw(root, spec, answers);
}
