"""Stale figures as problems: `decision-guide check` lists every cost older than the guide's
maximum age (warnings, or errors under --strict); pages flag them where they are shown."""

from __future__ import annotations

import datetime as dt

from decision_guide.knowledge.base import KnowledgeBase
from decision_guide.knowledge.figures import freshness
from decision_guide.problems import Problem


def stale_figures(kb: KnowledgeBase, today: dt.date, max_age_months: int) -> list[Problem]:
    problems = []
    for cost in kb.costs:
        fresh = freshness(cost.as_of, today, max_age_months)
        if fresh.stale:
            path, line, col = kb.position("costs", cost.id, "as_of")
            age = "has no date" if fresh.months is None else f"was {fresh.label}"
            problems.append(Problem(path, line, col,
                                    f"cost '{cost.id}' {age} (as of {cost.as_of}); the maximum "
                                    f"age is {max_age_months} months: check the source again",
                                    "stale-figure", "warning"))
    return problems
