// The decision wizard's verdict: twin of calculators/decide.py, held to the same golden cases
// (tests/contracts/wizard/). Hard constraints filter before scoring; the allowed options are
// ranked by weighted points; margin, close call, the answer that would flip it, and conflicts.

const FAVOURED_BY = 3;

const find = (list, id) => list.find((item) => item.id === id);
const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

/** [{question, answer, weight}] in question order; throws a RangeError listing what is valid. */
export function choices(spec, answers, weights = {}) {
  if (Object(answers) !== answers || Object(weights) !== weights) {
    throw new TypeError("answers and weights must be objects");
  }
  const ids = spec.questions.map((q) => q.id);
  for (const id of [...Object.keys(answers), ...Object.keys(weights)]) {
    if (!ids.includes(id)) throw new RangeError(`unknown question '${id}'; the questions are: ${ids.join(", ")}`);
  }
  for (const [id, weight] of Object.entries(weights)) {
    if (!own(spec.weights, weight)) {
      throw new RangeError(`unknown weight '${weight}' for question '${id}'; the weights are: ` +
        Object.keys(spec.weights).sort((a, b) => spec.weights[a] - spec.weights[b]).join(", "));
    }
  }
  return spec.questions.filter((q) => own(answers, q.id)).map((question) => {
    const answer = find(question.answers, answers[question.id]);
    if (!answer) {
      throw new RangeError(`question '${question.id}' has no answer '${answers[question.id]}'; ` +
        `its answers are: ${question.answers.map((a) => a.id).join(", ")}`);
    }
    return { question, answer, weight: spec.weights[weights[question.id] ?? "normal"] };
  });
}

function outcome(spec, picked) {
  const scores = Object.fromEntries(spec.options.map((o) => [o.id, 0]));
  const excluded = new Map();
  for (const choice of picked) {
    for (const [id, points] of Object.entries(choice.answer.scores)) {
      if (own(scores, id)) scores[id] += points * choice.weight;
    }
    for (const id of choice.answer.excludes) excluded.set(id, [...(excluded.get(id) ?? []), choice]);
  }
  const ruledOut = new Map(spec.options.filter((o) => excluded.has(o.id)).map((o) => [o.id, excluded.get(o.id)]));
  const ranking = spec.options.map((o) => o.id).filter((id) => !ruledOut.has(id))
    .sort((a, b) => scores[b] - scores[a]);
  const top = ranking.length ? scores[ranking[0]] : 0;
  const leaders = picked.length ? ranking.filter((id) => scores[id] === top) : [];
  return { scores, ranking, ruledOut, leaders };
}

const replace = (picked, questionId, answer) =>
  picked.map((c) => (c.question.id === questionId ? { ...c, answer } : c));
const ref = (choice, answer = choice.answer) => ({ question: choice.question.id, answer: answer.id });
const margin = ({ leaders, ranking, scores }) =>
  !leaders.length || ranking.length < 2 ? null : scores[ranking[0]] - scores[ranking[1]];

function flip(spec, picked, result) {
  if (result.leaders.length !== 1) return null;
  let best = null;
  for (const choice of picked) {
    for (const answer of choice.question.answers) {
      if (answer === choice.answer) continue;
      const after = outcome(spec, replace(picked, choice.question.id, answer));
      if (after.leaders.length !== 1 || after.leaders[0] === result.leaders[0]) continue;
      const key = [after.ruledOut.has(result.leaders[0]) ? 0 : 1, margin(after) ?? 0];
      if (!best || key[0] > best.key[0] || (key[0] === best.key[0] && key[1] > best.key[1])) {
        best = { key, flip: { ...ref(choice, answer), option: after.leaders[0] } };
      }
    }
  }
  return best && best.flip;
}

function conflicts(spec, picked, result) {
  if (!picked.length || !result.ruledOut.size) return [];
  const { scores, ranking, ruledOut } = result;
  const unconstrained = spec.options.map((o) => o.id).sort((a, b) => scores[b] - scores[a]);
  const favourites = unconstrained.filter((id) => scores[id] === scores[unconstrained[0]]);
  if (ranking.length && !favourites.every((id) => ruledOut.has(id))) return [];
  const kind = ranking.length ? "favourite-ruled-out" : "no-option-left";
  const favourite = favourites[0];
  const rival = ranking.length ? ranking[0] : (unconstrained.find((id) => id !== favourite) ?? favourite);
  const constraints = picked.filter((c) => c.answer.excludes.length &&
    (kind === "no-option-left" || c.answer.excludes.some((id) => favourites.includes(id))));
  const favouredBy = picked
    .map((c) => [c, ((c.answer.scores[favourite] ?? 0) - (c.answer.scores[rival] ?? 0)) * c.weight])
    .sort((a, b) => b[1] - a[1]).filter(([, lead]) => lead > 0).slice(0, FAVOURED_BY).map(([c]) => ref(c));
  const relax = [];
  for (const choice of constraints) {
    for (const answer of choice.question.answers) {
      if (answer === choice.answer) continue;
      const after = outcome(spec, replace(picked, choice.question.id, answer));
      const frees = kind === "favourite-ruled-out" ? !after.ruledOut.has(favourite) : true;
      if (after.leaders.length && frees) {
        relax.push({ ...ref(choice, answer), recommends: after.leaders });
        break;
      }
    }
  }
  return [{
    kind, favourite, favoured_by: favouredBy, relax,
    constraints: constraints.map((c) => ({ ...ref(c), excludes: [...c.answer.excludes] })),
  }];
}

/**
 * The verdict (same shape as decide.py's): {answered, questions, weights, scores,
 * ranking: [{option, score}], ruled_out: [{option, score, by}], recommendation (ids),
 * margin (null without two allowed options), close_call, flip, conflicts}.
 */
export function decide(spec, answers, weights = {}) {
  const picked = choices(spec, answers, weights);
  const result = outcome(spec, picked);
  const gap = margin(result);
  const top = result.ranking.length ? result.scores[result.ranking[0]] : 0;
  return {
    answered: picked.length,
    questions: spec.questions.length,
    weights: Object.fromEntries(Object.entries(weights).filter(([, w]) => w !== "normal")),
    scores: { ...result.scores },
    ranking: result.ranking.map((option) => ({ option, score: result.scores[option] })),
    ruled_out: [...result.ruledOut].map(([option, by]) => ({ option, score: result.scores[option], by: by.map((c) => ref(c)) })),
    recommendation: result.leaders,
    margin: gap,
    close_call: gap !== null && gap <= spec.close_call * top,
    flip: flip(spec, picked, result),
    conflicts: conflicts(spec, picked, result),
  };
}
