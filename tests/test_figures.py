"""A figure's age is measured from its as-of date (how its amount reads is tested with the other
formats, in test_calculator_formats.py)."""

from __future__ import annotations

import datetime as dt

from decision_guide.knowledge.dates import months_between, parse_date
from decision_guide.knowledge.figures import freshness


def test_partial_dates_mean_their_earliest_day() -> None:
    assert parse_date("2026-05") == dt.date(2026, 5, 1)
    assert parse_date("2025") == dt.date(2025, 1, 1)
    assert parse_date("undated") is None


def test_months_between_counts_whole_months() -> None:
    assert months_between(dt.date(2025, 9, 21), dt.date(2026, 11, 21)) == 14
    assert months_between(dt.date(2025, 9, 22), dt.date(2026, 11, 21)) == 13


def test_a_figure_older_than_the_maximum_age_is_stale() -> None:
    today = dt.date(2026, 11, 21)
    old = freshness("2025-09-01", today, 12)
    assert old.stale and old.label == "checked 14 months ago"
    assert not freshness("2026-10", today, 12).stale
    assert freshness("undated", today, 12).label == "undated"
