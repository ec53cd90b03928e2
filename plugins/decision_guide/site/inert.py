"""HTML that Python-Markdown cannot re-read as Markdown.

A marker inside a sentence (``<!-- guide:cost id=… -->``) becomes inline HTML that Python-Markdown
then processes with the rest of the paragraph. Its inline patterns run before raw HTML is set
aside, so backticks, brackets and braces in YAML text (a unit label, a source's ``cite_as``, its
``title`` in an attribute) would become code spans, live links or attribute lists, and could
break out of an attribute. Writing every such character as a numeric character reference leaves
the browser's reading of the HTML unchanged and gives Markdown nothing to act on.
"""

from __future__ import annotations

import re

from markupsafe import Markup

# Characters any Markdown extension in common use gives a meaning to, inside a line.
_ACTIVE = frozenset("\\`*_[](){}!<>|~^=+:$@\"'")
_TAG = re.compile(r"<[^<>]*>")
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);|&")
_CLASS_NAMES = re.compile(r"[A-Za-z0-9_ -]*")
_ATTRIBUTE = re.compile(r"""(\s[A-Za-z_:][-A-Za-z0-9_:.]*=)(?:"([^"]*)"|'([^']*)')""")


def _encode(text: str) -> str:
    return "".join(f"&#{ord(ch)};" if ch in _ACTIVE else ch for ch in text)


def _encode_tag(tag: str) -> str:
    """Encode attribute values only; the tag's own syntax (``<a href="…">``) stays, and so do
    class names, which come from the templates, never from YAML."""
    def attribute(match: re.Match[str]) -> str:
        value = match[2] if match[2] is not None else match[3]
        if match[1].strip() == "class=" and _CLASS_NAMES.fullmatch(value):
            return f'{match[1]}"{value}"'
        return f'{match[1]}"{_encode_text(value)}"'

    return _ATTRIBUTE.sub(attribute, tag)


def _encode_text(text: str) -> str:
    out: list[str] = []
    position = 0
    for match in _ENTITY.finditer(text):  # entities stay; a bare '&' becomes one
        out.append(_encode(text[position:match.start()]))
        out.append("&amp;" if match[0] == "&" else match[0])
        position = match.end()
    out.append(_encode(text[position:]))
    return "".join(out)


def inert_html(html: str) -> Markup:
    """``html`` with its text and attribute values encoded so Markdown leaves them alone."""
    out: list[str] = []
    position = 0
    for match in _TAG.finditer(html):
        out.append(_encode_text(html[position:match.start()]))
        out.append(_encode_tag(match[0]))
        position = match.end()
    out.append(_encode_text(html[position:]))
    return Markup("".join(out))  # noqa: S704 (only re-encodes characters of escaped HTML)
