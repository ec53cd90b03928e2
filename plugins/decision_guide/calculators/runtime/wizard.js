// The decision wizard on the page: answers and weights in, the verdict (decide.js) shown in a
// summary that stays in view and a full result; both records downloadable.

import { byId, paramName, readSpec, setParams, setText, urlWriter } from "./calculator.js";
import { escapeMarkup } from "./chart.js";
import { decide } from "./decide.js";
import { decisionRecord, describe, drivers, joinNames, points } from "./record.js";
import { say, sayHtml } from "./words.js";

const WEIGHT = ".weight";

/** {answers, weights} from `search`: known ids only. */
export function readState(spec, search) {
  const params = new URLSearchParams(search);
  const answers = {};
  const weights = {};
  for (const { id, answers: options } of spec.questions) {
    const answer = params.get(paramName(spec.id, id));
    if (byId(options, answer)) answers[id] = answer;
    const weight = params.get(paramName(spec.id, id + WEIGHT));
    if (weight !== "normal" && Object.hasOwn(spec.weights, weight ?? "")) weights[id] = weight;
  }
  return { answers, weights };
}

/** `search` with a parameter per answer and per weight other than normal; others kept. */
export function writeState(spec, { answers, weights }, search) {
  return setParams(search, spec.id, spec.questions.flatMap(({ id }) => [
    [id, answers[id] ?? null],
    [id + WEIGHT, weights[id] && weights[id] !== "normal" ? weights[id] : null],
  ]));
}

const html = escapeMarkup;
// The wizard's words (spec.words): as text, or as HTML with `values` already HTML.
const word = (spec, key, values) => say(spec.words, `wizard.${key}`, values);
const wordHtml = (spec, key, values) => sayHtml(spec.words, `wizard.${key}`, html, values);
const name = (spec, id) => byId(spec.options, id).short_name;
const label = (spec, { question, answer }) => {
  const q = byId(spec.questions, question);
  return { question: q.text, answer: byId(q.answers, answer).label };
};

function conflictHtml(spec, conflict) {
  const favoured = conflict.favoured_by.map((ref) => say(spec.words, "verdict.quoted", { text: label(spec, ref).answer }));
  const head = conflict.kind === "no-option-left" ? word(spec, "conflict_none")
    : word(spec, favoured.length ? "conflict_favourite_by" : "conflict_favourite",
      { option: name(spec, conflict.favourite), answers: joinNames(spec, favoured) });
  const constraints = conflict.constraints.map((ref) => {
    const { answer } = label(spec, ref);
    const reason = byId(byId(spec.questions, ref.question).answers, ref.answer).reason;
    return `<li>${wordHtml(spec, "rules_out", { answer: html(answer),
      options: html(joinNames(spec, ref.excludes.map((id) => name(spec, id)))), reason: html(reason) })}</li>`;
  });
  const relax = conflict.relax.length ? conflict.relax.map((ref) => {
    const words = label(spec, ref);
    return `<li>${html(word(spec, "relax", { question: words.question, answer: words.answer,
      options: joinNames(spec, ref.recommends.map((id) => name(spec, id)), "or") }))}</li>`;
  }) : [`<li>${html(word(spec, "relax_none"))}</li>`];
  return `<p><strong>${html(head)}</strong></p><ul>${constraints.join("")}</ul><ul class="dg-wizard__relax">${relax.join("")}</ul>`;
}

function scoresHtml(spec, verdict) {
  const best = Math.max(1, ...Object.values(verdict.scores));
  const ruled = new Map(verdict.ruled_out.map((r) => [r.option, r.by]));
  const order = [...verdict.ranking.map((r) => r.option), ...verdict.ruled_out.map((r) => r.option)];
  return order.map((id) => {
    const by = ruled.get(id);
    const top = verdict.recommendation.includes(id) ? " dg-wizard__score--top" : "";
    const out = by ? " dg-wizard__score--out" : "";
    const note = by ? `<span class="dg-wizard__why">${wordHtml(spec, "ruled_out_by",
      { answers: html(by.map((ref) => say(spec.words, "verdict.quoted", { text: label(spec, ref).answer })).join(", ")) })}</span>` : "";
    return `<li class="dg-wizard__score${top}${out}" data-option="${html(id)}"><span>${html(name(spec, id))}</span> ` +
      `<meter aria-hidden="true" max="${best}" value="${Math.max(0, verdict.scores[id])}"></meter> ` +
      `<span>${html(points(spec, verdict.scores[id]))}</span>${note}</li>`;
  }).join("");
}

function draw(root, spec, verdict, state) {
  const output = (key) => root.querySelector(`[data-output="${key}"]`);
  const sentence = describe(spec, verdict);
  setText(output("progress"), word(spec, "progress", { answered: verdict.answered, questions: verdict.questions }));
  setText(output("summary"), sentence);
  setText(output("recommendation"), sentence);
  output("close-call").hidden = !verdict.close_call || verdict.recommendation.length !== 1;
  const conflicts = output("conflicts");
  conflicts.hidden = verdict.conflicts.length === 0;
  conflicts.innerHTML = verdict.conflicts.map((c) => conflictHtml(spec, c)).join("");
  root.querySelector(".dg-wizard__bar").classList.toggle("dg-wizard__bar--conflict", verdict.conflicts.length > 0);
  output("scores").innerHTML = scoresHtml(spec, verdict);
  const flip = output("flip");
  flip.hidden = verdict.recommendation.length !== 1;
  const words = verdict.flip && label(spec, verdict.flip);
  setText(flip, verdict.flip ? word(spec, "flip", { ...words, option: name(spec, verdict.flip.option) }) : word(spec, "no_flip"));
  const driving = drivers(spec, verdict, state);
  const list = output("drivers");
  list.hidden = driving.length === 0;
  list.innerHTML = driving.map(({ q, a, pts }) => `<li>${wordHtml(spec, "driver", {
    criterion: `<a href="${html(q.criterion.href)}">${html(q.criterion.title)}</a>`, answer: html(a.label), points: html(String(pts)) })}</li>`).join("");
}

function download(root, text, filename, type) {
  const href = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const anchor = Object.assign(document.createElement("a"), { href, download: filename, hidden: true });
  root.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}

const today = () => {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
};

/** Make one wizard root live. Call once per root. */
export function mountWizard(root) {
  const spec = readSpec(root, "data-wizard-spec");
  const form = root.querySelector(".dg-wizard__form");
  const radios = () => [...form.querySelectorAll('input[type="radio"]')];
  const selects = () => [...form.querySelectorAll("select[data-weight]")];
  let state = readState(spec, location.search);
  const url = urlWriter(root, () => writeState(spec, state, location.search));
  const verdict = () => decide(spec, state.answers, state.weights);
  const update = (next) => {
    state = next;
    draw(root, spec, verdict(), state);
    url.later();
  };

  for (const radio of radios()) radio.checked = state.answers[radio.name] === radio.value;
  for (const select of selects()) select.value = state.weights[select.name.slice(0, -WEIGHT.length)] ?? "normal";
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("change", () => {
    const pairs = [...radios().filter((r) => r.checked).map((r) => [paramName(spec.id, r.name), r.value]),
      ...selects().map((s) => [paramName(spec.id, s.name), s.value])];
    update(readState(spec, new URLSearchParams(pairs)));
  });
  form.addEventListener("click", ({ target }) => {
    const button = target.closest("button");
    if (!button) return;
    const kind = button.getAttribute("data-download");
    if (kind) {
      url.save();
      const date = today();
      const result = verdict();
      const text = kind === "json" ? `${JSON.stringify({ date, answers: state.answers, ...result }, null, 2)}\n`
        : decisionRecord(spec, result, state, { date, pageUrl: location.href.split("#")[0] });
      download(root, text, `decision-record-${date}.${kind === "json" ? "json" : "md"}`,
        kind === "json" ? "application/json" : "text/markdown");
    } else if (button.hasAttribute("data-reset")) {
      for (const radio of radios()) radio.checked = false;
      for (const select of selects()) select.value = "normal";
      update({ answers: {}, weights: {} });
      radios()[0]?.focus();
    }
  });
  root.querySelector('[data-output="scores"]').setAttribute("aria-label", word(spec, "scores"));
  root.querySelector('[data-output="drivers"]').setAttribute("aria-label", word(spec, "drivers"));
  root.querySelector(".dg-wizard__fallback").hidden = true;
  form.hidden = false;
  draw(root, spec, verdict(), state);
}
