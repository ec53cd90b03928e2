"""What a browser would run in a piece of HTML: event-handler attributes, script elements and
links or sources with a scheme other than http(s) or mailto, read after entity decoding (the way
the browser reads them)."""

from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import yaml

_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}


class _Live(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script" and not dict(attrs).get("src"):
            kind = dict(attrs).get("type") or ""
            if kind != "application/json":
                self.found.append("<script> with inline code")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}={value!r}>")
            elif name in _URL_ATTRIBUTES and value is not None:
                url = "".join(ch for ch in value if ch.isprintable() and not ch.isspace()).lower()
                scheme = _SCHEME.match(url)
                if scheme and scheme[1] not in ("http", "https", "mailto"):
                    self.found.append(f"<{tag} {name}={value!r}>")


def live_code(html: str) -> list[str]:
    """Every way ``html`` could run script: an empty list for safe HTML."""
    parser = _Live()
    parser.feed(html)
    parser.close()
    return parser.found


@lru_cache(maxsize=1)
def site_extensions() -> tuple[str, ...]:
    """The Markdown extensions the project's mkdocs.yml turns on (options left at defaults)."""

    class _AnyTag(yaml.SafeLoader):
        pass

    _AnyTag.add_multi_constructor("", lambda loader, suffix, node: None)
    config_file = Path(__file__).resolve().parent.parent / "mkdocs.yml"
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_AnyTag)  # noqa: S506
    return tuple(entry if isinstance(entry, str) else next(iter(entry))
                 for entry in config["markdown_extensions"])
