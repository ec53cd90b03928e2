"""Page addresses computed the way MkDocs computes them, without MkDocs.

Generated tables are HTML, which MkDocs does not rewrite, so their links must already be
relative to the page they appear on. Mirroring MkDocs' rule (``a/b.md`` → ``a/b/`` with directory
URLs, ``a/b.html`` without; ``index.md`` → its folder) keeps the core free of MkDocs and makes
every link work from any sub-path.

Zensical instead rewrites every relative link on a page, raw HTML included, as if it were
written relative to the Markdown file (``other.md`` → its URL, ``../`` added for a page that
becomes a folder). For it, links are written that way: ``relative_to="file"``.
"""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass
from typing import Literal

LinkBase = Literal["page", "file"]
"""What a relative link is relative to: the page's URL (the browser's reading, and MkDocs',
which leaves links in raw HTML alone) or the page's Markdown file (Zensical's reading)."""


def page_url(src_uri: str, *, use_directory_urls: bool = True) -> str:
    """The site-relative URL MkDocs gives the page built from ``src_uri``."""
    stem, _ = posixpath.splitext(src_uri)
    folder, name = posixpath.split(stem)
    if not use_directory_urls:
        return f"{stem}.html"
    if name == "index":
        return f"{folder}/" if folder else ""
    return f"{stem}/"


@dataclass(frozen=True)
class Linker:
    """Makes links from one page (``from_src_uri``) to other pages and site files."""

    from_src_uri: str
    use_directory_urls: bool = True
    relative_to: LinkBase = "page"

    def to_page(self, src_uri: str, anchor: str | None = None) -> str:
        if self.relative_to == "file":
            return self._from_file(src_uri, anchor)
        target = page_url(src_uri, use_directory_urls=self.use_directory_urls)
        href = self._relative(target)
        if anchor:
            href = f"{href}#{anchor}" if href else f"#{anchor}"
        return href

    def _from_file(self, src_uri: str, anchor: str | None) -> str:
        """The target's Markdown file relative to this page's file; the engine turns it into a
        URL (and checks that the file exists)."""
        if src_uri == self.from_src_uri and anchor:
            return f"#{anchor}"
        href = posixpath.relpath(src_uri, posixpath.dirname(self.from_src_uri) or ".")
        return f"{href}#{anchor}" if anchor else href

    def _relative(self, target: str) -> str:
        return relative_url(page_url(self.from_src_uri, use_directory_urls=self.use_directory_urls),
                            target)


@functools.lru_cache(maxsize=65536)
def relative_url(here: str, target: str) -> str:
    """The link from the page at site URL ``here`` to the site URL ``target``. A page links to
    the same few hundred places many times over, and ``relpath`` asks the OS for the working
    folder on every call: the answers are kept."""
    here_dir = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
    if here_dir == "/":
        here_dir = ""
    if target == here:
        return "./" if target.endswith("/") or not target else posixpath.basename(target)
    relative = posixpath.relpath(target or ".", here_dir or ".")
    if target.endswith("/") or not target:
        relative = relative.rstrip("/") + "/"
        if relative == "./":
            return "./"
    return relative
