"""Reading a built site in tests: pages, links and figures, with the standard library only."""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

# Inside a sentence the figure's markup is written as character references (site/inert.py), so
# "__" in a class name may read "&#95;&#95;".
FIGURE = re.compile(r'<span class="dg-figure" data-cost="(?P<id>[^"]+)">'
                    r'<a class="dg-figure(?:__|&#95;&#95;)value" href="[^"]*">(?P<amount>[^&<]+)&nbsp;')


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def figures(html: str) -> list[tuple[str, str]]:
    """Every inline figure on a page as (cost id, amount as shown)."""
    return [(m["id"], m["amount"]) for m in FIGURE.finditer(html)]


class _Resources(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.loaded: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in ("script", "img", "iframe", "source", "audio", "video") and values.get("src"):
            self.loaded.append(values["src"] or "")
        if tag == "link" and values.get("href") and values.get("rel") not in ("canonical",):
            self.loaded.append(values["href"] or "")
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")


def resources(html: str) -> tuple[list[str], list[str]]:
    """(URLs the page loads, URLs it links to)."""
    parser = _Resources()
    parser.feed(html)
    return parser.loaded, parser.links


def folder_digest(folder: Path) -> str:
    """One hash of every file's path and bytes under ``folder``: equal digests, equal sites."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
