"""Figures read the way people write prices, and age is measured from the as-of date."""

from __future__ import annotations

import datetime as dt

import pytest
from decision_guide.knowledge.dates import months_between, parse_date
from decision_guide.knowledge.figures import format_amount, format_figure, freshness


@pytest.mark.parametrize(("value", "text"), [
    (0.13, "0.13"), (0.02, "0.02"), (0.00002, "0.00002"), (0.032, "0.032"), (2, "2.00"),
    (2.69, "2.69"), (0.1, "0.10"), (500, "500"), (5000, "5,000"), (0.0075, "0.0075"), (0, "0"),
])
def test_amounts(value: float, text: str) -> None:
    assert format_amount(value) == text


def test_ranges_use_an_en_dash() -> None:
    assert format_figure(None, 500, 5000) == "500–5,000"


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
