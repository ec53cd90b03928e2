"""Stale and undated figures as problems: `decision-guide check` lists every cost older than the
guide's maximum age, and every cost whose sources give no date at all (warnings, or errors under
--strict); pages flag both where they are shown.

The two cases are kept apart on purpose: a stale figure was once checked and needs checking
again, while an undated figure (typically an article's) never had a date, and no date may be
invented for it (``provenance``), so the remedy is a dated source, not a re-read.
"""

from __future__ import annotations

import datetime as dt

from decision_guide.knowledge.base import KnowledgeBase
from decision_guide.knowledge.figures import freshness
from decision_guide.problems import Problem


def stale_figures(kb: KnowledgeBase, today: dt.date, max_age_months: int) -> list[Problem]:
    problems = []
    for cost in kb.costs:
        fresh = freshness(cost.as_of, today, max_age_months)
        if not fresh.stale:
            continue
        path, line, col = kb.position("costs", cost.id, "as_of")
        if fresh.months is None:
            problems.append(Problem(path, line, col,
                                    f"cost '{cost.id}' is undated: its source '{cost.source}' states "
                                    "no date, so its age is unknown and pages show it as 'date not "
                                    "stated'; cite a dated source beside it if one exists",
                                    "undated-figure", "warning"))
        else:
            problems.append(Problem(path, line, col,
                                    f"cost '{cost.id}' was {fresh.label} (as of {cost.as_of}); the "
                                    f"maximum age is {max_age_months} months: check the source again",
                                    "stale-figure", "warning"))
    return problems
