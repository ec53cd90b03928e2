"""Markdown from YAML rendered as data, never as code.

Editors may use emphasis, lists and links in descriptions, but the text must not be able to put
markup of its own into the site: raw HTML is not recognised (so ``<script>`` is shown as text and
escaped), links keep only http(s), mailto, in-page and relative targets, and images are dropped
(the site loads nothing from outside).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlparse

import markdown
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.smarty import SmartyExtension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

_SAFE_SCHEMES = {"http", "https", "mailto"}
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_SINGLE_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.DOTALL)
_PLAIN_SENTENCE = re.compile(
    r"(?![-+*>=#\s]|\d+[.)]\s)"  # no list, quote, heading or code-block start
    r"(?:[^*_`\[\]<>&\\!#'\"\x00-\x1f\x7f.-]|\.(?!\.\.)|-(?!-))+")  # no markup, no smart punctuation
"""One line that Markdown would only wrap in a paragraph: no markup characters, none of the
quotes, dashes and ellipses the ``smarty`` extension rewrites, no block start.
Most YAML text is such a sentence; a test checks that Markdown agrees on every one."""


def is_safe_url(url: str) -> bool:
    """True for http(s), mailto, relative and in-page links; false for javascript:, data: etc.

    Read the way a browser reads an ``href``: character references decoded (Markdown keeps
    ``&#58;`` as it is and the browser turns it into ':'), whitespace and control characters
    dropped, the scheme in any case."""
    previous = None
    while previous != url:  # '&amp;#58;' decodes twice on its way through Markdown
        previous, url = url, html.unescape(url)
    cleaned = "".join(ch for ch in url if ch.isprintable() and not ch.isspace())
    scheme = _SCHEME.match(cleaned)
    return scheme is None or scheme[1].lower() in _SAFE_SCHEMES


class _LinkSanitizer(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        for parent in root.iter():
            children = list(parent)
            for index, child in reversed(list(enumerate(children))):
                if child.tag == "img":
                    _remove_keeping_tail(parent, children, index)
                elif child.tag == "a":
                    href = child.get("href", "")
                    if not is_safe_url(href):
                        del child.attrib["href"]
                    elif urlparse(href).scheme in ("http", "https"):
                        child.set("rel", "noopener")


def _remove_keeping_tail(parent: ET.Element, children: list[ET.Element], index: int) -> None:
    tail = children[index].tail or ""
    if index == 0:
        parent.text = (parent.text or "") + tail
    else:
        previous = children[index - 1]
        previous.tail = (previous.tail or "") + tail
    parent.remove(children[index])


class _SafeExtension(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_LinkSanitizer(md), "dg_link_sanitizer", 0)


class SafeMarkdown:
    """A reusable renderer; one Markdown instance, reset between texts for speed."""

    def __init__(self) -> None:
        # Extension objects, not names: a name is looked up among every installed package's
        # entry points, a few hundredths of a second per process.
        self._md = markdown.Markdown(extensions=[_SafeExtension(), SaneListExtension(), SmartyExtension()],
                                     output_format="html")
        self._cache: dict[str, Markup] = {}

    def block(self, text: str) -> Markup:
        """Render paragraphs, lists and emphasis; raw HTML comes out escaped.

        Results are kept: the same note appears in many tables on many pages."""
        html = self._cache.get(text)
        if html is None:
            html = self._cache[text] = (
                Markup(f"<p>{text}</p>") if _PLAIN_SENTENCE.fullmatch(text)  # noqa: S704 (nothing to escape)
                else self.through_markdown(text))
        return html

    def through_markdown(self, text: str) -> Markup:
        """``block`` without its shortcut for plain sentences: what Markdown itself makes."""
        self._md.reset()
        return Markup(self._md.convert(text))  # noqa: S704 (sanitised)

    def inline(self, text: str) -> Markup:
        """Render one line of text; the paragraph wrapper is removed so it fits in a cell."""
        html = str(self.block(text))
        match = _SINGLE_PARAGRAPH.match(html)
        return Markup(match.group(1) if match and "<p>" not in match.group(1) else html)  # noqa: S704
