"""Where every generated thing lives: the one place for page locations and anchors.

Pages, links, navigation and the edit links all ask here, so moving a kind of page (or renaming
its anchors) is one edit: an entity with its own page (criteria, patterns, use cases) lives at
``<folder>/<id>.md`` with an index beside it; the rest are entries on a reference page, at
``#<kind>-<id>`` (``templates/pages/*.md`` write those ids with ``anchor``).
"""

from __future__ import annotations

PAGE_FOLDERS = {"criteria": "criteria", "patterns": "patterns", "use_cases": "use-cases"}
"""Sections whose entities each get a page, and the folder those pages are in."""

PRICES_PAGE = "reference/prices.md"
SOURCES_PAGE = "reference/sources.md"
FACTS_PAGE = "reference/facts.md"
DISAGREEMENTS_PAGE = "reference/disagreements.md"
REFERENCE_PAGES = {"costs": PRICES_PAGE, "sources": SOURCES_PAGE, "facts": FACTS_PAGE,
                   "disagreements": DISAGREEMENTS_PAGE}
"""Sections whose entities are entries on one reference page."""


def index_page(section: str) -> str:
    return f"{PAGE_FOLDERS[section]}/index.md"


INDEX_PAGES = {index_page("criteria"): "pages.criteria", index_page("patterns"): "pages.patterns",
               index_page("use_cases"): "pages.use_cases", PRICES_PAGE: "pages.prices",
               SOURCES_PAGE: "pages.sources", FACTS_PAGE: "pages.facts",
               DISAGREEMENTS_PAGE: "pages.disagreements"}
"""Every generated page that is not one entity's, with the words entry of its title."""


def entity_page(section: str, entity_id: str) -> str:
    return f"{PAGE_FOLDERS[section]}/{entity_id}.md"


def anchor(section: str, entity_id: str) -> str:
    """The id of an entity's entry on its reference page, e.g. ``cost-gpu-hour``."""
    return f"{section.rstrip('s')}-{entity_id}"


def location(section: str, entity_id: str) -> tuple[str, str | None]:
    """Where an entity is shown: its own page, or its reference page and anchor there."""
    if section in PAGE_FOLDERS:
        return entity_page(section, entity_id), None
    return REFERENCE_PAGES[section], anchor(section, entity_id)
