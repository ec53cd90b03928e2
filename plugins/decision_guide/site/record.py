"""The wizard's verdict in words, and as a MADR-style decision record (``decide --format madr``).

Twin of ``calculators/runtime/record.js``, which writes the same record in the browser: this
module prepares the pieces (escaped for Markdown) and ``templates/records/decision.md`` lays
them out. The golden records in ``tests/contracts/wizard/records/`` hold both to the same text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

import jinja2

from decision_guide.calculators.decide import AnswerSpec, DecisionSpec, QuestionSpec
from decision_guide.knowledge.words import Words

_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def md(text: str) -> str:
    """Text safe inside a Markdown line: whitespace collapsed, Markdown's special characters escaped."""
    return _SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", str(text)))


def _url(text: str) -> str:
    return re.sub(r"\s", "%20", text.replace("(", "%28").replace(")", "%29"))


def words_of(spec: DecisionSpec) -> Words:
    """The words the spec carries (``decision_spec``)."""
    return Words(spec["words"]["table"], spec["words"]["locale"])


def join_names(words: Words, names: Sequence[str], last: str = "and") -> str:
    """"a, b and c"; ``last`` is ``and`` or ``or`` (in the words' ``verdict`` entries)."""
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {words.say(f'verdict.{last}')} {names[-1]}"


def _num(value: float) -> str:
    """A number as JavaScript's ``String()`` writes it (25, 1.5), so both twins read alike."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def describe(spec: DecisionSpec, verdict: Mapping[str, Any]) -> str:
    """The recommendation in words, to follow "Recommendation: "."""
    words = words_of(spec)
    names = {o["id"]: o for o in spec["options"]}
    leaders, scores = verdict["recommendation"], verdict["scores"]
    if verdict["answered"] == 0:
        return words.say("verdict.unanswered")
    if not leaders:
        return words.say("verdict.no_option")
    lead = names[leaders[0]]
    points = words.say("verdict.points", count=scores[lead["id"]])
    if len(leaders) > 1:
        key = "verdict.tie_open" if verdict["answered"] < verdict["questions"] else "verdict.tie"
        return words.say(key, options=join_names(words, [names[i]["name"] for i in leaders]), points=points)
    if len(verdict["ranking"]) == 1:
        return words.say("verdict.only", option=lead["name"], points=points)
    runner = names[verdict["ranking"][1]["option"]]
    return words.say("verdict.lead", option=lead["name"], points=points, margin=_num(verdict["margin"]),
                     runner_up=runner["short_name"], runner_up_points=_num(scores[runner["id"]]))


def decision_record(env: jinja2.Environment, spec: DecisionSpec, verdict: Mapping[str, Any],
                    answers: Mapping[str, str], weights: Mapping[str, str], *, date: str,
                    page_url: str | None = None) -> str:
    """The MADR-style record of ``verdict`` (from ``decide``) for these answers and weights."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        raise ValueError("date must be YYYY-MM-DD")
    if page_url is not None and not (urlsplit(page_url).scheme and urlsplit(page_url).netloc):
        raise ValueError("the page URL must be absolute")
    cited: list[str] = []

    def cite(ids: Sequence[str]) -> str:
        for source_id in ids:
            if source_id not in cited:
                cited.append(source_id)
        return "".join(f"[{cited.index(i) + 1}]" for i in ids)

    words = words_of(spec)
    say = words.say
    short = {o["id"]: md(o["short_name"]) for o in spec["options"]}
    questions = {q["id"]: q for q in spec["questions"]}

    def names(ids: Sequence[str], last: str = "and") -> str:
        return join_names(words, [short[i] for i in ids], last)

    def answer_of(ref: Mapping[str, str]) -> AnswerSpec:
        return next(a for a in questions[ref["question"]]["answers"] if a["id"] == ref["answer"])

    def quoted(ref: Mapping[str, str]) -> str:
        return words.say("verdict.quoted", text=md(answer_of(ref)["label"]))

    picked: list[tuple[QuestionSpec, AnswerSpec]] = [
        (q, next(a for a in q["answers"] if a["id"] == answers[q["id"]]))
        for q in spec["questions"] if q["id"] in answers]
    leaders = verdict["recommendation"]
    leader = leaders[0] if len(leaders) == 1 else None
    if verdict["answered"] == 0:
        title = say("record.title_unanswered")
    elif not leaders:
        title = say("record.title_no_option")
    else:
        title = (say("record.title_undecided", options=names(leaders)) if leader is None
                 else say("record.title_chosen", option=short[leader]))
    rows = [{"text": md(q["text"]), "answer": md(a["label"]) if a else None,
             "weight": weights.get(q["id"], "normal"), "cites": cite(q["sources"])}
            for q in spec["questions"]
            for a in [next((x for x in q["answers"] if x["id"] == answers.get(q["id"])), None)]]
    constraints = [{"label": md(a["label"]), "excludes": names(a["excludes"]),
                    "reason": md(a["reason"] or ""), "cites": cite(a["sources"])}
                   for _, a in picked if a["excludes"]]
    drivers: list[dict[str, Any]] = []
    if leader is not None:
        scored = [(q, a, a["scores"].get(leader, 0) * spec["weights"][weights.get(q["id"], "normal")])
                  for q, a in picked]
        drivers = [{"criterion": md(q["criterion"]["title"]), "label": md(a["label"]), "points": _num(pts),
                    "leader": short[leader]}
                   for q, a, pts in sorted(scored, key=lambda x: -x[2]) if pts > 0][:3]
    said = describe(spec, verdict)
    outcome = (say("record.outcome_unanswered") if verdict["answered"] == 0
               else say("record.outcome_no_option") if not leaders
               else say("record.outcome_undecided" if leader is None else "record.outcome_chosen",
                        verdict=said))
    conflicts = []
    for conflict in verdict["conflicts"]:
        favoured = [quoted(r) for r in conflict["favoured_by"]]
        none_left = conflict["kind"] == "no-option-left"
        head = (say("record.conflict_none") if none_left
                else say("record.conflict_by" if favoured else "record.conflict",
                         option=short[conflict["favourite"]], answers=join_names(words, favoured),
                         constraints=join_names(words, [quoted(c) for c in conflict["constraints"]])))
        conflicts.append({"head": head, "relax": [
            {"question": md(questions[r["question"]]["text"]), "answer": md(answer_of(r)["label"]),
             "options": names(r["recommends"], "or")} for r in conflict["relax"]]})
    flip = verdict["flip"] and {"question": md(questions[verdict["flip"]["question"]]["text"]),
                                "answer": md(answer_of(verdict["flip"])["label"]),
                                "option": short[verdict["flip"]["option"]]}
    unanswered = len(spec["questions"]) - verdict["answered"]
    standings = [{"name": short[r["option"]], "points": _num(r["score"]),
                  "status": say("record.ranked", rank=i)}
                 for i, r in enumerate(verdict["ranking"], start=1)]
    standings += [{"name": short[r["option"]], "points": _num(r["score"]),
                   "status": say("record.ruled_out_by",
                                 answers=join_names(words, [quoted(b) for b in r["by"]]))}
                  for r in verdict["ruled_out"]]
    sources = [{**spec["sources"][i], "title": md(spec["sources"][i]["title"] or ""),
                "publisher": md(spec["sources"][i]["publisher"] or ""),
                "url": _url(spec["sources"][i]["url"] or "")} for i in cited]
    return env.get_template("records/decision.md").render(
        w=say, title=title, status=say("record.proposed" if leader is not None else "record.open"), date=date,
        page=_url(page_url) if page_url else None,
        option_list=names([o["id"] for o in spec["options"]], "or"),
        asked=say("record.questions", count=len(spec["questions"])), answered=verdict["answered"], rows=rows,
        constraints=constraints, drivers=drivers, option_names=[md(o["name"]) for o in spec["options"]],
        outcome=md(outcome), close_call=verdict["close_call"] and leader is not None, conflicts=conflicts,
        flip=flip, unanswered=unanswered if verdict["answered"] and unanswered else None,
        standings=standings,
        pros_cons=[_pros_cons(o["id"], md(o["name"]), spec, picked, words) for o in spec["options"]],
        sources=sources)


def _pros_cons(option: str, name: str, spec: DecisionSpec,
               picked: Sequence[tuple[QuestionSpec, AnswerSpec]], words: Words) -> dict[str, Any]:
    """Good where an answer gives the option the most points; bad where the fewest, or where it
    rules the option out."""
    lines = []
    for _, answer in picked:
        values = [answer["scores"].get(o["id"], 0) for o in spec["options"]]
        mine = answer["scores"].get(option, 0)
        label = md(answer["label"])
        if option in answer["excludes"]:
            lines.append(words.say("record.bad_ruled_out", answer=label))
        elif max(values) > min(values) and mine == max(values):
            lines.append(words.say("record.good", answer=label, points=mine))
        elif max(values) > min(values) and mine == min(values):
            lines.append(words.say("record.bad", answer=label, points=mine))
    return {"name": name, "lines": lines}
