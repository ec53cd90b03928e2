"""How evidence reads on a page: citations, figures with unit and date, facts, ratings.

Every figure on every page carries its source and date the same way because they all come
through these helpers. ``PageContext`` (``render.py``) mixes them in; they need from it only the
knowledge base, links, inline templates, Markdown and the freshness rules.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from decision_guide.calculators.formats import NumberStyle, format_figure

if TYPE_CHECKING:
    from decision_guide.knowledge.base import KnowledgeBase
    from decision_guide.knowledge.figures import Freshness
    from decision_guide.knowledge.words import Words


class Evidence(ABC):
    """Helpers for citations, figures, facts and ratings (a mixin of ``PageContext``, which
    provides the links, inline templates and Markdown they are built from)."""

    @property
    @abstractmethod
    def kb(self) -> KnowledgeBase:
        ...

    @property
    @abstractmethod
    def max_age_months(self) -> int:
        """Figures older than this are flagged as stale."""

    @abstractmethod
    def freshness(self, as_of: str) -> Freshness:
        ...

    @abstractmethod
    def href(self, section: str, entity_id: str, *, for_browser: bool = False) -> str:
        ...

    @abstractmethod
    def inline(self, name: str, **data: Any) -> Markup:
        ...

    @property
    @abstractmethod
    def words(self) -> Words:
        """The guide's words (``knowledge/words.py``)."""

    @abstractmethod
    def md(self, text: str | None) -> Markup:
        ...

    def cite(self, source_ids: list[str] | tuple[str, ...] | str) -> Markup:
        """Compact citations: publisher and date, linking the source's entry."""
        ids = [source_ids] if isinstance(source_ids, str) else list(source_ids)
        return self.inline("cite", cites=[{"source": self.kb.get("sources", source_id),
                                           "href": self.href("sources", source_id)}
                                          for source_id in ids])

    def rating(self, rating_id: str) -> Markup:
        ratings = self.kb.guide.ratings
        return self.inline("rating", level=self.rating_level(rating_id), count=len(ratings),
                           label=next(r.label for r in ratings if r.id == rating_id))

    def rating_level(self, rating_id: str) -> int:
        """1 for the lowest score on the guide's scale, up to the number of ratings."""
        ratings = sorted(self.kb.guide.ratings, key=lambda r: r.score)
        return next(i for i, r in enumerate(ratings, start=1) if r.id == rating_id)

    @property
    @abstractmethod
    def number_style(self) -> NumberStyle:
        """The guide's locale (and currency) for numbers."""

    def amount(self, cost: Any) -> str:
        """A cost's figure as its source gives it, in the guide's locale ("1.234,56" in de-DE)."""
        if cost.value is not None:
            return format_figure(cost.value, style=self.number_style)
        return format_figure(None, cost.range.low, cost.range.high, self.number_style)

    def stale(self, as_of: str) -> Markup:
        fresh = self.freshness(as_of)
        if not fresh.stale:
            return Markup("")
        return self.inline("stale", label=self.age_label(fresh.months), undated=fresh.months is None,
                           max_age_months=self.max_age_months)

    def age_label(self, months: int | None) -> str:
        """"checked 14 months ago" in the guide's words (for a dated figure)."""
        if months is None or months < 1:
            return self.words.say("evidence.checked_this_month")
        if months < 24:
            return self.words.say("evidence.checked_months_ago", count=months)
        return self.words.say("evidence.checked_years_ago", count=months // 12)

    def figure(self, cost_id: str) -> Markup:
        """A cost as it reads in a sentence: figure, unit, date, source, and any warnings."""
        cost = self.kb.get("costs", cost_id)
        return self.inline("figure", cost=cost, href=self.href("costs", cost.id), amount=self.amount(cost),
                           unit=self.kb.unit_label(cost.unit), stale=self.stale(cost.as_of),
                           cite=self.cite(cost.source))

    def fact(self, fact_id: str) -> Markup:
        fact = self.kb.get("facts", fact_id)
        return self.inline("fact", fact=fact, statement=self.md(fact.statement),
                           cite=self.cite(fact.sources) if fact.sources else Markup(""))
