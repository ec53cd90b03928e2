"""Rendering context shared by generated pages and page markers.

Templates receive prepared data and a ``PageContext`` with small helpers (links, citations,
figures, ratings) so that every figure on every page carries its source and date the same way.
The Jinja environment autoescapes: YAML text reaches HTML only through ``SafeMarkdown`` or
escaping, never raw.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from decision_guide.calculators.formats import DEFAULT_STYLE, NumberStyle
from decision_guide.knowledge.base import KnowledgeBase
from decision_guide.knowledge.figures import Freshness, freshness
from decision_guide.knowledge.inline_refs import REFERENCE
from decision_guide.knowledge.words import Words, default_words
from decision_guide.knowledge.yaml_source import MAX_FILE_BYTES
from decision_guide.site.evidence import Evidence
from decision_guide.site.locations import anchor, location
from decision_guide.site.paging import ListPage, entry_pages, list_pages
from decision_guide.site.safe_markdown import SafeMarkdown
from decision_guide.site.template_cache import template_bytecode_cache
from decision_guide.site.urls import LinkBase, Linker

SHARED_MARKDOWN = SafeMarkdown()
"""Rendering YAML text is pure, so one renderer and its cache serve every build in the process."""


@dataclass(frozen=True)
class RenderSettings:
    """What loading and rendering need beyond the knowledge base; all of it comes from the plugin
    config."""

    today: dt.date
    max_age_months: int = 12
    use_directory_urls: bool = True
    template_dirs: tuple[Path, ...] = ()
    links_relative_to: LinkBase = "page"
    """``"file"`` for engines that rewrite every relative link as written from the Markdown file
    (Zensical); see ``urls``."""
    number_style: NumberStyle = DEFAULT_STYLE
    """Locale, currency and unit words of calculator values (``calculators/formats.py``)."""
    max_yaml_bytes: int = MAX_FILE_BYTES
    """The largest YAML file read (knowledge and calculators); larger ones are refused."""
    words_file: Path | None = None
    """The guide's overrides of the plugin's words (``words`` option); ``load_guide`` reads it."""


@functools.lru_cache(maxsize=8)
def make_environment(template_dirs: tuple[Path, ...] = ()) -> jinja2.Environment:
    """Templates from the site's ``templates_dir`` first, then the package's own.

    One environment per folder set for the whole process: `serve` rebuilds and repeated builds
    reuse compiled templates (Jinja still reloads a template whose file changed), and a new
    process reads them compiled from ``template_cache``."""
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader([str(d) for d in template_dirs])]
    loaders.append(jinja2.PackageLoader("decision_guide", "templates"))
    env = jinja2.Environment(loader=jinja2.ChoiceLoader(loaders), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=True,
                             bytecode_cache=template_bytecode_cache())
    env.filters["heading"] = escape_heading
    return env


@dataclass
class Renderer:
    """Everything needed to render blocks and pages for one knowledge base."""

    kb: KnowledgeBase
    settings: RenderSettings
    calculators: Mapping[str, Any] = field(default_factory=dict)
    """Compiled calculators by id, for the ``calculator`` marker."""
    markdown: SafeMarkdown = field(default_factory=lambda: SHARED_MARKDOWN)
    words: Words = field(default_factory=default_words)
    """The plugin's words with the guide's overrides (``knowledge/words.py``); templates call it as ``w``."""

    def __post_init__(self) -> None:
        self.env = make_environment(self.settings.template_dirs)
        self._templates: dict[str, jinja2.Template] = {}

    def template(self, name: str) -> jinja2.Template:
        """A template, looked up once per renderer (one build): Jinja checks a template's file
        for changes on every lookup, a thousand times a build for the inline ones."""
        found = self._templates.get(name)
        if found is None:
            found = self._templates[name] = self.env.get_template(name)
        return found

    def context(self, page_src_uri: str) -> PageContext:
        return PageContext(self, Linker(page_src_uri, self.settings.use_directory_urls,
                                        self.settings.links_relative_to))

    def render(self, template: str, page_src_uri: str, **data: Any) -> str:
        ctx = self.context(page_src_uri)
        return self.template(template).render(ctx=ctx, kb=self.kb, w=self.words, **data)

    def freshness(self, as_of: str) -> Freshness:
        return freshness(as_of, self.settings.today, self.settings.max_age_months)

    @functools.cached_property
    def list_pages(self) -> dict[str, list[ListPage]]:
        """The pages of every list of a whole section (``paging``)."""
        return list_pages(self.kb)

    @functools.cached_property
    def entry_pages(self) -> dict[tuple[str, str], str]:
        """Which page of its reference list shows each entry."""
        return entry_pages(self.list_pages)


@dataclass(frozen=True)
class PageContext(Evidence):
    """What templates call while rendering one page: the page's text (Markdown from YAML),
    links and templates here; how evidence reads (citations, figures, facts, ratings) in
    ``Evidence``, which only blocks and pages that show evidence use."""

    renderer: Renderer
    linker: Linker

    @property
    def kb(self) -> KnowledgeBase:
        return self.renderer.kb

    @property
    def words(self) -> Words:
        return self.renderer.words

    @property
    def number_style(self) -> NumberStyle:
        return self.renderer.settings.number_style

    @property
    def max_age_months(self) -> int:
        return self.renderer.settings.max_age_months

    def freshness(self, as_of: str) -> Freshness:
        return self.renderer.freshness(as_of)

    def template(self, name: str, **data: Any) -> Markup:
        """Render an HTML template as one raw-HTML block for Markdown: no blank lines and no
        indentation that Markdown could read as a code block."""
        html = self.renderer.template(name).render(ctx=self, kb=self.kb, w=self.words, **data)
        # split on '\n' only: str.splitlines() also splits inside text at U+2028 and U+2029
        return Markup("\n".join(line.strip() for line in html.split("\n") if line.strip()))  # noqa: S704

    def count(self, number: int) -> str:
        """A whole number of things (entries on a page) with the locale's digit grouping."""
        from decision_guide.calculators.formats import format_value

        return format_value(number, "number", self.number_style)

    def md(self, text: str | None) -> Markup:
        return self._with_references(text, self.renderer.markdown.inline)

    def md_block(self, text: str | None) -> Markup:
        return self._with_references(text, self.renderer.markdown.block)

    def _with_references(self, text: str | None, render: Callable[[str], Markup]) -> Markup:
        """YAML text as HTML, each ``{cost:ID}``/``{fact:ID}`` shown as the cited figure.

        References become placeholder words before Markdown runs (Markdown with raw HTML off
        would escape the figure's markup) and the figures replace them afterwards."""
        if not text:
            return Markup("")
        found: list[re.Match[str]] = []

        def hold(match: re.Match[str]) -> str:
            found.append(match)
            return f"DGREF{len(found) - 1}REFDG"

        html = str(render(REFERENCE.sub(hold, text)))
        for index, match in enumerate(found):
            shown = self.figure(match["id"]) if match["kind"] == "cost" else self.fact(match["id"])
            html = html.replace(f"DGREF{index}REFDG", str(shown))
        return Markup(html)  # noqa: S704 (rendered safe Markdown plus our own figure markup)

    def href(self, section: str, entity_id: str, *, for_browser: bool = False) -> str:
        """Where an entity is shown: its own page, or its anchor on a reference page.

        ``for_browser`` is for links in data the browser reads (a calculator's or the wizard's
        JSON): no engine rewrites those, so they are always relative to the page's URL."""
        linker = replace(self.linker, relative_to="page") if for_browser else self.linker
        page, fragment = location(section, entity_id)
        if fragment is not None:  # an entry on a list that may run over several pages
            page = self.renderer.entry_pages.get((section, entity_id), page)
        return linker.to_page(page, fragment)

    def anchor(self, section: str, entity_id: str) -> str:
        """The id an entity's entry carries on its reference page (what ``href`` links to)."""
        return anchor(section, entity_id)

    def page(self, src_uri: str, anchor: str | None = None) -> str:
        return self.linker.to_page(src_uri, anchor)

    def inline(self, name: str, **data: Any) -> Markup:
        """One of the ``inline/`` templates: HTML that sits inside a sentence (one line)."""
        template = self.renderer.template(f"inline/{name}.html")
        return Markup(template.render(w=self.words, **data).rstrip("\n"))  # noqa: S704

    def link(self, section: str, entity_id: str, label: str | None = None) -> Markup:
        entity = self.kb.get(section, entity_id)
        text = label or getattr(entity, "name", None) or getattr(entity, "title", entity_id)
        return self.inline("link", href=self.href(section, entity_id), text=text)


def escape_heading(text: str) -> str:
    """Text safe inside a Markdown heading: HTML escaped, Markdown punctuation neutralised."""
    escaped = str(escape(text))
    return "".join(f"\\{ch}" if ch in "\\`*_[]#!|{}" else ch for ch in escaped)
