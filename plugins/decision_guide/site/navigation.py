"""Generated pages in the site navigation.

A site's ``nav`` names only the index pages (``criteria/index.md``); each is expanded here into a
section holding the index and one entry per entity, so a new criterion appears in the sidebar
without anyone editing ``mkdocs.yml``. Pure data in, data out: MkDocs builds the nav from it.
"""

from __future__ import annotations

from html import escape
from typing import Any

from decision_guide.knowledge.base import KnowledgeBase
from decision_guide.knowledge.references import referring
from decision_guide.site.locations import entity_page, index_page

NavEntry = Any


def nav_children(kb: KnowledgeBase) -> dict[str, list[NavEntry]]:
    """For each generated index page, the nav entries to list under it. Titles are HTML-escaped
    because themes print navigation titles without escaping them."""
    groups = [(escape(g.title), [{escape(c.title): entity_page("criteria", c.id)}
                                 for c in referring(kb.criteria, "criterion_groups", g.id)])
              for g in kb.guide.criterion_groups]
    return {
        index_page("criteria"): [{title: items} for title, items in groups if items],
        index_page("patterns"): [{escape(p.name): entity_page("patterns", p.id)}
                                                 for p in kb.patterns],
        index_page("use_cases"): [{escape(u.name): entity_page("use_cases", u.id)}
                                                  for u in kb.use_cases],
    }


def expand_nav(nav: list[NavEntry] | None, children: dict[str, list[NavEntry]]) -> list[NavEntry] | None:
    """``nav`` with each ``{title: "<index>.md"}`` entry turned into a section of its pages."""
    if nav is None:
        return None
    return [_expand(entry, children) for entry in nav]


def _expand(entry: NavEntry, children: dict[str, list[NavEntry]]) -> NavEntry:
    if isinstance(entry, dict) and len(entry) == 1:
        (title, value), = entry.items()
        if isinstance(value, str) and value in children:
            return {title: [value, *children[value]]}
        if isinstance(value, list):
            return {title: [_expand(item, children) for item in value]}
    return entry
