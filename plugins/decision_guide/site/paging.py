"""The pages that list every entity of a kind, in pages of at most ``LIST_ROWS`` entries.

The index pages (criteria, patterns, use cases) and the reference pages (prices, sources,
facts) list a whole section; they would grow with the knowledge base without end (a 3,000-row
page is slow to open and to read). Past ``LIST_ROWS`` entries a list continues on further
pages, ``<first page without .md>/<n>.md`` (``reference/prices/2.md``): ids are lower-case words,
so no entity page can take such a name. Each page keeps the list's grouping (categories,
kinds, topics) for its own entries, in the order the single page showed them, and carries a
pager (previous, next and every page by number). A guide under the limit has one page per list,
without pager, as before.

Entries on a reference page are linked at their anchor on the page that holds them:
``entry_pages`` says which.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from decision_guide.knowledge.base import KnowledgeBase
from decision_guide.site.locations import (
    FACTS_PAGE,
    PRICES_PAGE,
    REFERENCE_PAGES,
    SOURCES_PAGE,
    index_page,
)

LIST_ROWS = 200
"""The most entries one list page shows."""

SOURCE_KINDS = ("article", "paper", "survey", "pricing", "docs", "benchmark", "digest")
"""The kinds of source, in the order the sources page lists them (titles: ``pages.kind_<kind>``)."""


def _by_group(items: tuple[Any, ...], key: Callable[[Any], Any], order: list[Any]) -> list[Any]:
    """``items`` grouped by ``key`` in ``order`` (entries of no listed group left out, as the
    pages leave them out), each group in knowledge-base order."""
    rank = {value: index for index, value in enumerate(order)}
    return sorted((item for item in items if key(item) in rank), key=lambda item: rank[key(item)])


def _topics(kb: KnowledgeBase) -> list[str]:
    return list(dict.fromkeys(fact.topic or "general" for fact in kb.facts))


LISTS: dict[str, tuple[str, Callable[[KnowledgeBase], list[Any]]]] = {
    index_page("criteria"): ("criteria", lambda kb: _by_group(
        kb.criteria, lambda c: c.group, [g.id for g in kb.guide.criterion_groups])),
    index_page("patterns"): ("patterns", lambda kb: list(kb.patterns)),
    index_page("use_cases"): ("use_cases", lambda kb: list(kb.use_cases)),
    PRICES_PAGE: ("costs", lambda kb: _by_group(
        kb.costs, lambda c: c.category, [g.id for g in kb.guide.cost_categories])),
    SOURCES_PAGE: ("sources", lambda kb: _by_group(kb.sources, lambda s: s.kind,
                                                   list(SOURCE_KINDS))),
    FACTS_PAGE: ("facts", lambda kb: _by_group(kb.facts, lambda f: f.topic or "general",
                                               _topics(kb))),
}
"""Each list's first page → the section it lists and its entries in the order shown."""


def page_uri(first: str, number: int) -> str:
    """The ``number``-th page (from 1) of the list whose first page is ``first``."""
    return first if number == 1 else f"{first.removesuffix('.md')}/{number}.md"


@dataclass(frozen=True)
class ListPage:
    """One page of a list: its entries and where it stands among the list's pages."""

    first_page: str
    number: int
    entries: tuple[Any, ...]
    start: int
    """The position (from 1) of its first entry in the whole list."""
    total: int
    uris: tuple[str, ...]
    """Every page of the list, in order."""

    @property
    def src_uri(self) -> str:
        return self.uris[self.number - 1]

    @property
    def end(self) -> int:
        return self.start + len(self.entries) - 1

    @property
    def previous(self) -> str | None:
        return self.uris[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.uris[self.number] if self.number < len(self.uris) else None


def paginate(first: str, entries: list[Any], rows: int = LIST_ROWS) -> list[ListPage]:
    """``entries`` in pages of at most ``rows``; one (possibly empty) page at least."""
    chunks = [entries[start:start + rows] for start in range(0, len(entries), rows)] or [[]]
    uris = tuple(page_uri(first, number) for number in range(1, len(chunks) + 1))
    return [ListPage(first, number, tuple(chunk), (number - 1) * rows + 1, len(entries), uris)
            for number, chunk in enumerate(chunks, start=1)]


def list_pages(kb: KnowledgeBase, rows: int = LIST_ROWS) -> dict[str, list[ListPage]]:
    """Every list's pages, by the list's first page."""
    return {first: paginate(first, order(kb), rows) for first, (_, order) in LISTS.items()}


def entry_pages(pages: dict[str, list[ListPage]]) -> dict[tuple[str, str], str]:
    """(section, id) → the page that shows the entry, for the sections listed on reference pages."""
    where: dict[tuple[str, str], str] = {}
    for first, (section, _) in LISTS.items():
        if first in REFERENCE_PAGES.values():
            for page in pages[first]:
                where.update(((section, entry.id), page.src_uri) for entry in page.entries)
    return where


def continuation_pages(pages: dict[str, list[ListPage]]) -> dict[str, str]:
    """Each page after a list's first → that first page (where the navigation files it)."""
    return {page.src_uri: first for first, listed in pages.items() for page in listed[1:]}
