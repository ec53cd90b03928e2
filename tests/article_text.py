"""A page's main text (its ``<article>``) in a form that two engines can be compared on.

Tags, attributes (sorted, and classes in each) and text (whitespace collapsed) are kept; the
theme's chrome inside the article is dropped; every link is resolved to the address it opens,
because engines spell the same link differently (``./#x`` and ``#x``, ``./`` and
``../sources/``). Standard library only.
"""

from __future__ import annotations

import difflib
from html.parser import HTMLParser
from urllib.parse import urljoin

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr", "path", "circle", "line", "rect", "polyline"})

#: Attributes that are the theme's or the search index's, not the page's.
CHROME_ATTRIBUTES = frozenset({"data-search-exclude"})


def is_chrome(tag: str, attrs: dict[str, str | None]) -> bool:
    """Theme parts inside the article: Material's edit/view buttons, Zensical's skip target."""
    classes = (attrs.get("class") or "").split()
    return tag == "a" and ("md-content__button" in classes or attrs.get("id") == "__skip")


class _Article(HTMLParser):
    def __init__(self, base: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base = base
        self.tokens: list[str] = []
        self.open = 0  # depth inside the first <article>; 0 before and after it
        self.done = False
        self.skipping = 0  # depth inside a chrome element

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done or (not self.open and tag != "article"):
            return
        values = dict(attrs)
        if self.skipping or is_chrome(tag, values):
            self.skipping += tag not in VOID
            return
        shown = []
        for name, value in sorted(values.items()):
            if name in CHROME_ATTRIBUTES:
                continue
            if name in ("href", "src") and value is not None:
                value = urljoin(self.base, value)
            if name == "class" and value is not None:
                value = " ".join(sorted(value.split()))
            shown.append(f' {name}="{value}"' if value is not None else f" {name}")
        self.tokens.append(f"<{tag}{''.join(shown)}>")
        self.open += tag not in VOID

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.done or not self.open or tag in VOID:
            return
        if self.skipping:
            self.skipping -= 1
            return
        self.tokens.append(f"</{tag}>")
        self.open -= 1
        self.done = self.open == 0

    def handle_data(self, data: str) -> None:
        if self.open and not self.skipping and not self.done and (text := " ".join(data.split())):
            self.tokens.append(text)


def article_tokens(html: str, page_url: str) -> list[str]:
    """The article of ``html`` as tokens; ``page_url`` is the page's address in the site
    (``costs/``), against which links are resolved. Empty when the page has no article."""
    parser = _Article("https://site.invalid/" + page_url)
    parser.feed(html)
    parser.close()
    return parser.tokens


def first_differences(expected: list[str], actual: list[str], *, lines: int = 12) -> str:
    """The start of a unified diff of two token lists, for a readable failure message."""
    diff = difflib.unified_diff(expected, actual, lineterm="", n=1)
    return "\n".join(line[:160] for _, line in zip(range(lines), diff, strict=False))
