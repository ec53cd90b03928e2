"""How figures read: money with sensible precision, ranges, and freshness of a date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from decision_guide.knowledge.dates import describe_age, months_between, parse_date


def format_amount(value: float) -> str:
    """A price as people write it: 5,000 · 2.00 · 2.69 · 0.13 · 0.00002 (no float noise)."""
    if value == 0:
        return "0"
    if abs(value) >= 100:
        return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"
    if abs(value) >= 1:
        return f"{value:,.2f}"
    text = f"{value:.3g}" if abs(value) >= 1e-4 else f"{value:.2g}"
    if "e" in text:
        text = f"{value:.10f}".rstrip("0")
    return text if len(text.split(".")[-1]) >= 2 else f"{value:.2f}"


def format_figure(value: float | None, low: float | None = None, high: float | None = None) -> str:
    """A value, or a low–high range with an en dash and both ends to the same precision:
    "80–120" and "2.50–10.00", never "80.00–120"."""
    if value is not None:
        return format_amount(value)
    assert low is not None and high is not None
    if low == int(low) and high == int(high):
        return f"{low:,.0f}–{high:,.0f}"
    ends = [format_amount(low), format_amount(high)]
    places = max(len(end.partition(".")[2]) for end in ends)
    return "–".join(end if "." in end else f"{float(end.replace(',', '')):,.{places}f}" for end in ends)


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
