"""Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) as the sources state them, and their age."""

from __future__ import annotations

import datetime as dt
import os

TODAY_VARIABLE = "DECISION_GUIDE_TODAY"


def resolve_today(configured: str | None) -> dt.date:
    """'Today' for freshness and future-date checks: the configured date, else the
    ``DECISION_GUIDE_TODAY`` environment variable, else the real date. Pinning it makes builds
    reproducible; every engine adapter resolves it here so they agree. Raises ``ValueError``
    with a message for the editor when the text is not YYYY-MM-DD."""
    text = configured or os.environ.get(TODAY_VARIABLE)
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        name = "'today'" if configured else TODAY_VARIABLE
        raise ValueError(f"{name} must be a date as YYYY-MM-DD; got {text!r}") from None


def parse_date(text: str) -> dt.date | None:
    """The earliest day a partial date can mean, or None for 'undated'.

    The earliest day is the honest reading for freshness: "2026-05" may be as old as 1 May.
    Assumes the text already passed the schema's date check.
    """
    if text == "undated":
        return None
    parts = [int(p) for p in text.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def months_between(earlier: dt.date, later: dt.date) -> int:
    """Whole months from ``earlier`` to ``later`` (0 when less than a month)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    return max(months, 0)


def describe_age(months: int) -> str:
    """'checked 14 months ago' style wording."""
    if months < 1:
        return "this month"
    if months < 24:
        return f"{months} month{'s' if months != 1 else ''} ago"
    return f"{months // 12} years ago"
