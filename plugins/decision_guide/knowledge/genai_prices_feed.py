"""The ``genai-prices`` feed: pydantic's database of LLM prices, read from the data that ships
inside the package (no network). Registered under ``decision_guide.price_feeds``.

A price kind is one of the package's price keys (``input_mtok``, ``output_mtok``,
``cache_read_mtok``…), quoted in USD per million tokens. A tiered price is compared at its base
tier. The date is the day the price in force took effect where the data records one (a price
change), and 'undated' otherwise: the data does not say when a base price was read.
"""

from __future__ import annotations

import datetime as dt
from importlib.metadata import version
from typing import Any

from decision_guide.knowledge.price_feeds import FeedPrice


class GenaiPricesFeed:
    name = "genai-prices"

    def __init__(self) -> None:
        self.source = f"genai-prices {version('genai-prices')} (bundled data)"

    def lookup(self, provider: str, model: str, price: str, on: dt.date) -> FeedPrice | None:
        import genai_prices  # noqa: PLC0415 (only the prices command needs it)

        when = dt.datetime.combine(on, dt.time(12), tzinfo=dt.UTC)
        try:
            found = genai_prices.calc_price(genai_prices.Usage(), model, provider_id=provider,
                                            genai_request_timestamp=when)
        except LookupError as error:
            raise LookupError(f"no model '{model}' at provider '{provider}' ({error})") from None
        value: Any = getattr(found.model_price, price, None)
        if value is None:
            return None
        tiered = hasattr(value, "base")
        return FeedPrice(value=float(value.base if tiered else value),
                         unit="USD / 1M tokens" if price.endswith("_mtok") else f"USD ({price})",
                         as_of=_since(found.model.prices, when), source=self.source,
                         note="tiered: base tier shown" if tiered else "")


def _since(prices: Any, when: dt.datetime) -> str:
    """The start date of the conditional price in force on ``when``, if the data records one."""
    if not isinstance(prices, list):
        return "undated"
    for conditional in reversed(prices):
        constraint = conditional.constraint
        if constraint is None or constraint.active(when):
            start = getattr(constraint, "start_date", None)
            return start.isoformat() if start is not None else "undated"
    return "undated"
