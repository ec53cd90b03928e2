"""Prices checked against a kept database: a cost may name a price feed (``feed:`` with the feed's
name, the provider, the model and the kind of price), and ``decision-guide prices`` compares it.

Feeds are plug-ins, so the engine names no database: a feed is any object with ``name`` and
``lookup(provider, model, price, on)`` registered under the entry-point group
``decision_guide.price_feeds`` (this package registers ``genai-prices``, in
``genai_prices_feed.py``). A guide on another question brings its own feed the same way.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Protocol

from decision_guide.knowledge.base import KnowledgeBase
from decision_guide.problems import Problem, suggest

GROUP = "decision_guide.price_feeds"
"""The entry-point group feeds register under: ``name = "module:factory"``."""


@dataclass(frozen=True)
class FeedPrice:
    """One price as a feed gives it."""

    value: float
    unit: str
    """How the feed quotes it, e.g. 'USD / 1M tokens'."""
    as_of: str
    """The date the feed gives for this price (YYYY-MM-DD, YYYY-MM, YYYY), or 'undated'."""
    source: str
    """The feed and its version, e.g. 'genai-prices 0.2.3 (bundled data)'."""
    note: str = ""
    """Anything the reader should know, e.g. that a tiered price is shown at its base tier."""


class PriceFeed(Protocol):
    name: str

    def lookup(self, provider: str, model: str, price: str, on: dt.date) -> FeedPrice | None:
        """The price of kind ``price`` for ``model`` at ``provider`` on day ``on``; None when the
        feed does not know it. Raises ``LookupError`` with a reason for an unknown model."""


def installed_feeds() -> dict[str, PriceFeed]:
    """Every feed registered under ``decision_guide.price_feeds``, by name."""
    feeds: dict[str, PriceFeed] = {}
    for entry in entry_points(group=GROUP):
        feed = entry.load()()
        feeds[feed.name] = feed
    return feeds


@dataclass(frozen=True)
class Comparison:
    """A cost bound to a feed, with both values and dates, and what differs."""

    cost_id: str
    feed: str
    provider: str
    model: str
    price: str
    guide_value: float
    guide_unit: str
    guide_as_of: str
    guide_source: str
    found: FeedPrice | None
    problem: str | None
    """None when the two agree; otherwise what differs, in words."""


def compare(kb: KnowledgeBase, feeds: Mapping[str, PriceFeed], today: dt.date,
            *, tolerance: float = 1e-9) -> tuple[list[Comparison], list[Problem]]:
    """Every cost with a ``feed``, compared; problems (warnings) located at the cost's ``feed``."""
    rows: list[Comparison] = []
    problems: list[Problem] = []
    for cost in kb.costs:
        if cost.feed is None:
            continue
        path, line, col = kb.position("costs", cost.id, "feed")
        guide_value = cost.value if cost.value is not None else math.nan
        base = dict(cost_id=cost.id, feed=cost.feed.name, provider=cost.feed.provider,
                    model=cost.feed.model, price=cost.feed.price, guide_value=guide_value,
                    guide_unit=kb.unit_label(cost.unit), guide_as_of=cost.as_of,
                    guide_source=kb.get("sources", cost.source).title)
        feed = feeds.get(cost.feed.name)
        found: FeedPrice | None = None
        problem: str | None
        if feed is None:
            problem = (f"names feed '{cost.feed.name}', which is not installed"
                       f"{suggest(cost.feed.name, feeds)}; installed: {', '.join(sorted(feeds)) or 'none'}")
        elif cost.value is None:
            problem = "is a range; a feed checks single prices only"
        else:
            try:
                found = feed.lookup(cost.feed.provider, cost.feed.model, cost.feed.price, today)
            except LookupError as error:
                found, problem = None, f"{cost.feed.name} does not know it: {error}"
            else:
                problem = _difference(cost.value, found, cost.feed.name, cost.feed.price, tolerance)
        rows.append(Comparison(**base, found=found, problem=problem))
        if problem is not None:
            problems.append(Problem(path, line, col, f"cost '{cost.id}' {problem}",
                                    "price-feed-difference", "warning"))
    return rows, problems


def _difference(value: float, found: FeedPrice | None, feed: str, price: str,
                tolerance: float) -> str | None:
    if found is None:
        return f"{feed} has no '{price}' price for it"
    if math.isclose(value, found.value, rel_tol=tolerance, abs_tol=tolerance):
        return None
    return (f"gives {value:g} where {feed} gives {found.value:g} {found.unit} "
            f"({dated(found.as_of)}, {found.source})")


def dated(as_of: str) -> str:
    """A price's date as the comparison reads it: 'as of 2026-10' or 'undated'."""
    return "undated" if as_of == "undated" else f"as of {as_of}"
