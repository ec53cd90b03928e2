"""The decision wizard's verdict, computed from the same spec the browser runtime reads.

This is the Python twin of ``calculators/runtime/decide.js``; both evaluate the JSON spec that
``decision_spec`` builds, and the golden cases in ``tests/contracts/wizard/`` hold them to the
same answers. The method follows multi-criteria decision practice:

- hard constraints filter before scoring: an answer's ``excludes`` rules options out whatever
  their points (a "must" is not a weight);
- the options still allowed are ranked by points, each answer's points multiplied by the
  reader's weight for its question (``less`` ×0.5, ``more`` ×2);
- the result shows the margin between the first two, flags a close call, names the one answer
  whose change would flip it, and names conflicts: constraints that rule out every option or
  the option the other answers favour most, with the single answers whose relaxing resolves it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypedDict

from decision_guide.calculators.compile import CompiledWizard
from decision_guide.knowledge.base import KnowledgeBase
from decision_guide.knowledge.words import Words, default_words

WEIGHTS: dict[str, float] = {"less": 0.5, "normal": 1.0, "more": 2.0}
"""How much a question counts when the reader marks it as mattering less or more."""

FAVOURED_BY = 3
"""How many answers a conflict names as favouring the option that was ruled out."""


class AnswerSpec(TypedDict):
    id: str
    label: str
    scores: dict[str, int]
    excludes: list[str]
    reason: str | None
    sources: list[str]


class QuestionSpec(TypedDict):
    id: str
    text: str
    help: str
    criterion: dict[str, str]
    sources: list[str]
    answers: list[AnswerSpec]


class DecisionSpec(TypedDict):
    id: str
    title: str
    close_call: float
    weights: dict[str, float]
    options: list[dict[str, str]]
    questions: list[QuestionSpec]
    sources: dict[str, dict[str, str | None]]
    words: dict[str, Any]
    """The words the wizard and its record write (``Words.for_runtime``)."""


class DecideError(ValueError):
    """An unknown question, answer or weight; the message lists what is valid."""


#: The sections of the words table the wizard (page, verdict and record) reads.
WIZARD_WORDS = ("wizard", "verdict", "record")


def decision_spec(kb: KnowledgeBase, wizard: CompiledWizard, words: Words | None = None) -> DecisionSpec:
    """The wizard as data: options, questions with scores and constraints, their sources, and
    the words it writes (``words``, English by default)."""
    questions = wizard.questions
    cited = {s for q in questions for s in [*q.sources, *(x for a in q.answers for x in a.sources)]}
    return {
        "id": wizard.id, "title": wizard.definition.title,
        "close_call": wizard.definition.close_call, "weights": dict(WEIGHTS),
        "options": [{"id": o.id, "name": o.name, "short_name": o.short_name or o.name}
                    for o in kb.options],
        "questions": [{
            "id": q.id, "text": q.text, "help": q.help, "sources": list(q.sources),
            "criterion": {"id": q.criterion, "title": kb.get("criteria", q.criterion).title},
            "answers": [{"id": a.id, "label": a.label, "scores": dict(a.scores),
                         "excludes": list(a.excludes), "reason": a.reason, "sources": list(a.sources)}
                        for a in q.answers],
        } for q in questions],
        "sources": {s.id: {"title": s.title, "publisher": s.publisher, "url": s.url, "date": s.date}
                    for s in kb.sources if s.id in cited},
        "words": (words or default_words()).for_runtime(*WIZARD_WORDS),
    }


@dataclass(frozen=True)
class _Choice:
    question: QuestionSpec
    answer: AnswerSpec
    weight: float


@dataclass(frozen=True)
class _Outcome:
    scores: dict[str, float]
    ranking: list[str]  # allowed options, best first
    ruled_out: dict[str, list[_Choice]]  # option -> the answers that ruled it out
    leaders: list[str]  # allowed options with the top score (none when nothing is answered)


def choices(spec: DecisionSpec, answers: Mapping[str, str],
            weights: Mapping[str, str] | None = None) -> list[_Choice]:
    """The answers in question order, checked: unknown ids and weights raise ``DecideError``."""
    questions = {q["id"]: q for q in spec["questions"]}
    weights = weights or {}
    for question_id in [*answers, *weights]:
        if question_id not in questions:
            raise DecideError(f"unknown question '{question_id}'; the questions are: "
                              f"{', '.join(questions)}")
    for question_id, weight in weights.items():
        if weight not in spec["weights"]:
            raise DecideError(f"unknown weight '{weight}' for question '{question_id}'; the weights "
                              f"are: {', '.join(sorted(spec['weights'], key=spec['weights'].__getitem__))}")
    picked = []
    for question in spec["questions"]:
        if question["id"] not in answers:
            continue
        answer = next((a for a in question["answers"] if a["id"] == answers[question["id"]]), None)
        if answer is None:
            raise DecideError(f"question '{question['id']}' has no answer '{answers[question['id']]}'; "
                              f"its answers are: {', '.join(a['id'] for a in question['answers'])}")
        factor = spec["weights"][weights.get(question["id"], "normal")]
        picked.append(_Choice(question, answer, factor))
    return picked


def _outcome(spec: DecisionSpec, picked: Sequence[_Choice]) -> _Outcome:
    options = [o["id"] for o in spec["options"]]
    scores = dict.fromkeys(options, 0.0)
    ruled_out: dict[str, list[_Choice]] = {}
    for choice in picked:
        for option, points in choice.answer["scores"].items():
            if option in scores:
                scores[option] += points * choice.weight
        for option in choice.answer["excludes"]:
            ruled_out.setdefault(option, []).append(choice)
    allowed = [o for o in options if o not in ruled_out]
    ranking = sorted(allowed, key=lambda o: -scores[o])  # stable: ties keep the options' order
    top = scores[ranking[0]] if ranking else 0.0
    leaders = [o for o in ranking if scores[o] == top] if picked else []
    return _Outcome(scores, ranking, {o: ruled_out[o] for o in options if o in ruled_out}, leaders)


def _replace(picked: Sequence[_Choice], question_id: str, answer: AnswerSpec) -> list[_Choice]:
    return [_Choice(c.question, answer, c.weight) if c.question["id"] == question_id else c
            for c in picked]


def _ref(choice: _Choice, answer: AnswerSpec | None = None) -> dict[str, str]:
    return {"question": choice.question["id"], "answer": (answer or choice.answer)["id"]}


def _margin(outcome: _Outcome) -> float | None:
    if not outcome.leaders or len(outcome.ranking) < 2:
        return None
    return outcome.scores[outcome.ranking[0]] - outcome.scores[outcome.ranking[1]]


def _flip(spec: DecisionSpec, picked: Sequence[_Choice], outcome: _Outcome) -> dict[str, Any] | None:
    """The one changed answer that puts another option alone on top. Changes that flip through
    points come before changes that flip by ruling the leader out; among them, the change after
    which the new leader leads most clearly, then the first question and answer."""
    if len(outcome.leaders) != 1:
        return None
    best: tuple[tuple[int, float], dict[str, Any]] | None = None
    for choice in picked:
        for answer in choice.question["answers"]:
            if answer is choice.answer:
                continue
            after = _outcome(spec, _replace(picked, choice.question["id"], answer))
            if len(after.leaders) != 1 or after.leaders == outcome.leaders:
                continue
            by_points = outcome.leaders[0] not in after.ruled_out
            margin = _margin(after)
            key = (1 if by_points else 0, margin if margin is not None else 0.0)
            if best is None or key > best[0]:
                best = (key, {**_ref(choice, answer), "option": after.leaders[0]})
    return None if best is None else best[1]


def _conflicts(spec: DecisionSpec, picked: Sequence[_Choice], outcome: _Outcome) -> list[dict[str, Any]]:
    """Hard constraints that rule out every option, or every option the points favour most."""
    if not picked or not outcome.ruled_out:
        return []
    unconstrained = sorted(outcome.scores, key=lambda o: -outcome.scores[o])
    favourites = [o for o in unconstrained if outcome.scores[o] == outcome.scores[unconstrained[0]]]
    if outcome.ranking and not all(f in outcome.ruled_out for f in favourites):
        return []
    kind = "favourite-ruled-out" if outcome.ranking else "no-option-left"
    favourite = favourites[0]
    rival = outcome.ranking[0] if outcome.ranking else next(
        (o for o in unconstrained if o != favourite), favourite)
    constraints = [c for c in picked if c.answer["excludes"]
                   and (kind == "no-option-left" or set(c.answer["excludes"]) & set(favourites))]
    leads = [(c, (c.answer["scores"].get(favourite, 0) - c.answer["scores"].get(rival, 0)) * c.weight)
             for c in picked]
    favoured_by = [c for c, lead in sorted(leads, key=lambda x: -x[1]) if lead > 0][:FAVOURED_BY]
    relax = []
    for choice in constraints:
        for answer in choice.question["answers"]:
            if answer is choice.answer:
                continue
            after = _outcome(spec, _replace(picked, choice.question["id"], answer))
            frees = favourite not in after.ruled_out if kind == "favourite-ruled-out" else True
            if after.leaders and frees:
                relax.append({**_ref(choice, answer), "recommends": after.leaders})
                break
    return [{"kind": kind, "favourite": favourite,
             "constraints": [{**_ref(c), "excludes": list(c.answer["excludes"])} for c in constraints],
             "favoured_by": [_ref(c) for c in favoured_by], "relax": relax}]


def _number(value: float | None) -> float | int | None:
    """Whole numbers as integers, so the JSON reads 25 rather than 25.0 (as JavaScript writes it)."""
    return int(value) if value is not None and float(value).is_integer() else value


def decide(spec: DecisionSpec, answers: Mapping[str, str],
           weights: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The verdict as JSON-ready data: ranking of the allowed options, what ruled out the rest,
    the recommendation, margin, close call, the answer that would flip it, and conflicts."""
    picked = choices(spec, answers, weights)
    outcome = _outcome(spec, picked)
    margin = _margin(outcome)
    top = outcome.scores[outcome.ranking[0]] if outcome.ranking else 0.0
    return {
        "answered": len(picked),
        "questions": len(spec["questions"]),
        "weights": {q: w for q, w in (weights or {}).items() if w != "normal"},
        "scores": {o: _number(s) for o, s in outcome.scores.items()},
        "ranking": [{"option": o, "score": _number(outcome.scores[o])} for o in outcome.ranking],
        "ruled_out": [{"option": o, "score": _number(outcome.scores[o]), "by": [_ref(c) for c in by]}
                      for o, by in outcome.ruled_out.items()],
        "recommendation": outcome.leaders,
        "margin": _number(margin),
        "close_call": margin is not None and margin <= spec["close_call"] * top,
        "flip": _flip(spec, picked, outcome),
        "conflicts": _conflicts(spec, picked, outcome),
    }
