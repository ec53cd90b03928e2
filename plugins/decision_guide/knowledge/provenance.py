"""Honest provenance: no figure dated beyond what its sources say, and every source findable.

Two cross-file rules that ``crossref.check`` runs after the references are known:

- ``dated-beyond-source``: a cost may carry a date only if its source, or a cost it is derived
  from, gives one, and never a date later than the latest of those. An article that states no
  date cannot make its figures "as of 2025": such a figure is ``undated``, and the freshness
  check then says so explicitly.
- ``missing-url``: every source except an article whose stored copy has no address carries a
  URL, so a reader can check the figure at its origin.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping

from decision_guide.knowledge.dates import parse_date
from decision_guide.knowledge.located import Located
from decision_guide.knowledge.schema_check import field_path
from decision_guide.problems import Problem

URL_OPTIONAL_KINDS = frozenset({"article"})
"""Source kinds that may lack a URL: web articles whose stored copy carries no address."""


def latest_day(text: str) -> dt.date | None:
    """The last day a partial date can mean ('2025' → 2025-12-31), or None for 'undated'."""
    earliest = parse_date(text)
    if earliest is None:
        return None
    parts = text.split("-")
    if len(parts) == 1:
        return dt.date(earliest.year, 12, 31)
    if len(parts) == 2:
        return dt.date(earliest.year, earliest.month,
                       calendar.monthrange(earliest.year, earliest.month)[1])
    return earliest


def provenance_problems(located: Mapping[str, list[Located]], today: dt.date) -> list[Problem]:
    """Costs dated beyond their sources and inputs; non-article sources without a URL.

    A date in the future is reported once, by the future-date check, not again here."""
    sources = {item.entity.id: item.entity for item in located["sources"]}
    costs = {item.entity.id: item.entity for item in located["costs"]}
    problems: list[Problem] = []
    for item in located["costs"]:
        cost = item.entity
        evidence = []
        if cost.source in sources:
            evidence.append((f"source '{cost.source}'", sources[cost.source].date))
        evidence += [(f"input '{parent}'", costs[parent].as_of)
                     for parent in cost.derived_from if parent in costs]
        claimed = parse_date(cost.as_of)
        problem = _dated_beyond(cost.id, cost.as_of, evidence)
        if problem and claimed is not None and claimed <= today:
            problems.append(item.problem(("as_of",), f"{field_path((*item.loc, 'as_of'))}: {problem}",
                                         "dated-beyond-source"))
    for item in located["sources"]:
        source = item.entity
        if source.url is None and source.kind not in URL_OPTIONAL_KINDS:
            problems.append(item.problem(
                ("id",), f"{field_path((*item.loc, 'id'))}: a {source.kind} source needs a 'url' so "
                         "readers can check it (only articles whose copy has no address may leave it out)",
                "missing-url"))
    return problems


def _dated_beyond(cost_id: str, as_of: str, evidence: list[tuple[str, str]]) -> str | None:
    """Why ``as_of`` claims more than ``evidence`` (what, date) supports, or None."""
    claimed = parse_date(as_of)
    if claimed is None or not evidence:
        return None
    dated = [(what, latest_day(date)) for what, date in evidence if latest_day(date) is not None]
    named = ", ".join(f"{what} ({date})" for what, date in evidence)
    if not dated:
        return (f"cost '{cost_id}' is dated '{as_of}' but none of its sources or inputs gives a "
                f"date: {named}; write as_of: \"undated\"")
    latest = max(day for _, day in dated if day is not None)
    if claimed > latest:
        return (f"cost '{cost_id}' is dated '{as_of}', later than anything its sources or inputs "
                f"give: {named}")
    return None
