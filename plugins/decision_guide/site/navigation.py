"""Generated pages in the site navigation.

The nav holds the index pages, never every entity: a site's ``nav`` names the index pages
(``criteria/index.md``) and each index page lists its section's entities. Listing every entity
in the nav would put the whole knowledge base on every page (an entity page grew from 50 KB to
1.2 MB at 100 times the knowledge base). The adapter files each entity page under its index
(``entity_sections``), so the theme still highlights where the reader is; the further pages of
a long list (``paging``) are filed under its first page the same way. Pure data.
"""

from __future__ import annotations

from decision_guide.knowledge.base import KnowledgeBase
from decision_guide.site.locations import PAGE_FOLDERS, entity_page, index_page
from decision_guide.site.paging import continuation_pages, list_pages


def entity_sections(kb: KnowledgeBase) -> dict[str, str]:
    """Each entity page's ``src_uri`` → the index page of its section, and each further page of
    a list → the list's first page."""
    return {**{entity_page(section, item.id): index_page(section)
               for section in PAGE_FOLDERS for item in kb.section(section)},
            **continuation_pages(list_pages(kb))}
