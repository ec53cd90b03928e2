"""How fresh a figure is: its age from its as-of date against the guide's maximum age (how
its amount reads is ``calculators/formats.format_figure``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from decision_guide.knowledge.dates import describe_age, months_between, parse_date


@dataclass(frozen=True)
class Freshness:
    """How old a dated figure is, against the guide's maximum age."""

    as_of: str
    months: int | None
    stale: bool

    @property
    def label(self) -> str:
        if self.months is None:
            return "undated"
        return f"checked {describe_age(self.months)}"


def freshness(as_of: str, today: dt.date, max_age_months: int) -> Freshness:
    """Stale when older than ``max_age_months``; an undated figure is always flagged stale."""
    date = parse_date(as_of)
    if date is None:
        return Freshness(as_of, None, True)
    months = months_between(date, today)
    return Freshness(as_of, months, months > max_age_months)
