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

_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def md(text: str) -> str:
    """Text safe inside a Markdown line: whitespace collapsed, Markdown's special characters escaped."""
    return _SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", str(text)))


def _url(text: str) -> str:
    return re.sub(r"\s", "%20", text.replace("(", "%28").replace(")", "%29"))


def plural(count: float, word: str) -> str:
    return f"{_num(count)} {word}{'' if count == 1 else 's'}"


def join_names(names: Sequence[str], last: str = "and") -> str:
    return "".join(names) if len(names) < 2 else f"{', '.join(names[:-1])} {last} {names[-1]}"


def _num(value: float) -> str:
    """A number as JavaScript's ``String()`` writes it (25, 1.5), so both twins read alike."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def describe(spec: DecisionSpec, verdict: Mapping[str, Any]) -> str:
    """The recommendation in words, to follow "Recommendation: "."""
    names = {o["id"]: o for o in spec["options"]}
    leaders, scores = verdict["recommendation"], verdict["scores"]
    if verdict["answered"] == 0:
        return "answer a question to see one"
    if not leaders:
        return "no option fits all your hard constraints"
    lead = names[leaders[0]]
    if len(leaders) > 1:
        more = "; answer more questions to break it" if verdict["answered"] < verdict["questions"] else ""
        return (f"a tie between {join_names([names[i]['name'] for i in leaders])} at "
                f"{plural(scores[lead['id']], 'point')} each{more}")
    if len(verdict["ranking"]) == 1:
        only = plural(scores[lead["id"]], "point")
        return f"{lead['name']}, the only option your hard constraints allow ({only})"
    runner = names[verdict["ranking"][1]["option"]]
    return (f"{lead['name']}, with {plural(scores[lead['id']], 'point')}, {_num(verdict['margin'])} ahead of "
            f"{runner['short_name']} ({_num(scores[runner['id']])})")


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

    short = {o["id"]: md(o["short_name"]) for o in spec["options"]}
    questions = {q["id"]: q for q in spec["questions"]}

    def names(ids: Sequence[str], last: str = "and") -> str:
        return join_names([short[i] for i in ids], last)

    def answer_of(ref: Mapping[str, str]) -> AnswerSpec:
        return next(a for a in questions[ref["question"]]["answers"] if a["id"] == ref["answer"])

    def quoted(ref: Mapping[str, str]) -> str:
        return f"“{md(answer_of(ref)['label'])}”"

    picked: list[tuple[QuestionSpec, AnswerSpec]] = [
        (q, next(a for a in q["answers"] if a["id"] == answers[q["id"]]))
        for q in spec["questions"] if q["id"] in answers]
    leaders = verdict["recommendation"]
    leader = leaders[0] if len(leaders) == 1 else None
    if verdict["answered"] == 0:
        title = "No decision yet"
    elif not leaders:
        title = "No option fits the hard constraints"
    else:
        title = f"Undecided between {names(leaders)}" if leader is None else f"Choose {short[leader]}"
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
    outcome = ("No option chosen: no question was answered" if verdict["answered"] == 0
               else "No option chosen: your hard constraints rule out every option" if not leaders
               else f"No option chosen: {said}" if leader is None else f"Chosen option: {said}")
    conflicts = []
    for conflict in verdict["conflicts"]:
        favoured = [quoted(r) for r in conflict["favoured_by"]]
        none_left = conflict["kind"] == "no-option-left"
        head = ("Conflict: the hard constraints rule out every option." if none_left
                else f"Conflict: the answers favour {short[conflict['favourite']]} most"
                     f"{f' ({join_names(favoured)})' if favoured else ''}, but "
                     f"{join_names([quoted(c) for c in conflict['constraints']])} rules it out.")
        conflicts.append({"head": head, "relax": [
            {"question": md(questions[r["question"]]["text"]), "answer": md(answer_of(r)["label"]),
             "options": names(r["recommends"], "or")} for r in conflict["relax"]]})
    flip = verdict["flip"] and {"question": md(questions[verdict["flip"]["question"]]["text"]),
                                "answer": md(answer_of(verdict["flip"])["label"]),
                                "option": short[verdict["flip"]["option"]]}
    unanswered = len(spec["questions"]) - verdict["answered"]
    standings = [{"name": short[r["option"]], "points": _num(r["score"]), "status": f"ranked {i}"}
                 for i, r in enumerate(verdict["ranking"], start=1)]
    standings += [{"name": short[r["option"]], "points": _num(r["score"]),
                   "status": f"ruled out by {join_names([quoted(b) for b in r['by']])}"}
                  for r in verdict["ruled_out"]]
    sources = [{**spec["sources"][i], "title": md(spec["sources"][i]["title"] or ""),
                "publisher": md(spec["sources"][i]["publisher"] or ""),
                "url": _url(spec["sources"][i]["url"] or "")} for i in cited]
    return env.get_template("records/decision.md").render(
        title=title, status="proposed" if leader is not None else "open", date=date,
        page=_url(page_url) if page_url else None,
        option_list=names([o["id"] for o in spec["options"]], "or"),
        asked=plural(len(spec["questions"]), "question"), answered=verdict["answered"], rows=rows,
        constraints=constraints, drivers=drivers, option_names=[md(o["name"]) for o in spec["options"]],
        outcome=md(outcome), close_call=verdict["close_call"] and leader is not None, conflicts=conflicts,
        flip=flip, unanswered=plural(unanswered, "question") if verdict["answered"] and unanswered else None,
        standings=standings,
        pros_cons=[_pros_cons(o["id"], md(o["name"]), spec, picked) for o in spec["options"]],
        sources=sources)


def _pros_cons(option: str, name: str, spec: DecisionSpec,
               picked: Sequence[tuple[QuestionSpec, AnswerSpec]]) -> dict[str, Any]:
    """Good where an answer gives the option the most points; bad where the fewest, or where it
    rules the option out."""
    lines = []
    for _, answer in picked:
        values = [answer["scores"].get(o["id"], 0) for o in spec["options"]]
        mine = answer["scores"].get(option, 0)
        if option in answer["excludes"]:
            lines.append(f"Bad, because **{md(answer['label'])}** rules it out.")
        elif max(values) > min(values) and mine == max(values):
            lines.append(f"Good, because **{md(answer['label'])}** (+{mine})")
        elif max(values) > min(values) and mine == min(values):
            lines.append(f"Bad, because **{md(answer['label'])}** (+{mine})")
    return {"name": name, "lines": lines}
