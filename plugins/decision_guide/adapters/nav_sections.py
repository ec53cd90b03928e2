"""Entity pages filed under their index page, though the nav does not list them.

The nav holds index pages only (see ``site/navigation.py``). A page MkDocs finds outside the
nav has no parent, so the theme would highlight no tab while it is shown. Giving each entity
page its index page as parent marks the index (and its tab, and the sections above it) active
when the entity page is shown, at no cost per entity on every other page. The index page
stays a plain page rather than a section of one page: Material labels such a section's nav
with an id it never writes, which leaves nameless navigation landmarks (axe: landmark-unique).
"""

from __future__ import annotations

from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation


def keep_out_of_nav(files: Files, sections: dict[str, str]) -> None:
    """Mark the entity pages as meant to be outside the nav, so MkDocs does not list them all
    as pages the nav forgot."""
    for src_uri in sections:
        file = files.get_file_from_path(src_uri)
        if file is not None:
            file.inclusion = InclusionLevel.NOT_IN_NAV


def file_under_sections(nav: Navigation, files: Files, sections: dict[str, str]) -> None:
    """Put each entity page (``src_uri`` → its index's ``src_uri``) under its index page.
    MkDocs has already made a parentless page for every file outside the nav."""
    indexes = {page.file.src_uri: page for page in nav.pages}
    for src_uri, index in sections.items():
        file = files.get_file_from_path(src_uri)
        if file is not None and file.page is not None and index in indexes:
            # MkDocs types a parent as a Section; a Page has what the theme reads of one
            # (title, active, parent), and activating the entity page activates its index.
            file.page.parent = indexes[index]  # type: ignore[assignment]
