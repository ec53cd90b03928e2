"""The pages generated from the knowledge base: one per criterion, pattern and use case, an
index for each kind, and the reference pages (prices, sources, facts).

``generated_pages`` is a plain function from a knowledge base to page sources; the plugin turns
them into MkDocs files. Each page remembers the YAML file behind it, for its edit link.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from decision_guide.knowledge.base import KnowledgeBase
from decision_guide.knowledge.references import cites, referring
from decision_guide.site.blocks import BLOCKS
from decision_guide.site.locations import (
    DISAGREEMENTS_PAGE,
    FACTS_PAGE,
    INDEX_PAGES,
    PRICES_PAGE,
    SOURCES_PAGE,
    entity_page,
    index_page,
)
from decision_guide.site.paging import SOURCE_KIND_TITLES, ListPage
from decision_guide.site.render import PageContext, Renderer


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    content: str
    edit_path: str
    """The YAML file (relative to the project) an editor changes to change this page."""


@dataclass(frozen=True)
class Citation:
    """One place that cites a source, as a link label and a target."""

    label: str
    section: str
    entity_id: str

    def href(self, ctx: PageContext) -> str:
        if self.section in ("questions",):
            return ctx.href("criteria", ctx.kb.get("questions", self.entity_id).criterion)
        if self.section in ("kpis", "quality", "options"):
            return ctx.page(SOURCES_PAGE)
        return ctx.href(self.section, self.entity_id)


class _Blocks:
    """Lets templates call blocks as ``blocks.comparison(group='cost')``."""

    def __init__(self, ctx: PageContext) -> None:
        self._ctx = ctx

    def __getattr__(self, name: str) -> Callable[..., Markup]:
        spec = BLOCKS[name.replace("_", "-")]
        return lambda **args: spec.render(self._ctx, {k.replace("_", "-"): v for k, v in args.items()})


def page_front_matter(title: str) -> str:
    """Front matter giving the page its title, HTML-escaped: MkDocs and Material print page
    titles into headers, tabs and the navigation without escaping them."""
    return f"---\ntitle: {json.dumps(html.escape(title))}\n---\n\n"


def generated_pages(renderer: Renderer) -> Iterator[GeneratedPage]:
    """Every generated page of the guide."""
    kb = renderer.kb

    def page(src_uri: str, template: str, edit: tuple[str, str], title: str | None = None,
             **data: Any) -> GeneratedPage:
        ctx = renderer.context(src_uri)
        content = renderer.env.get_template(f"pages/{template}").render(
            ctx=ctx, kb=kb, blocks=_Blocks(ctx), **data)
        front = page_front_matter(title or INDEX_PAGES[src_uri])
        return GeneratedPage(src_uri, front + content, kb.origin(*edit).path)

    first = _first_origin(kb)
    lists = renderer.list_pages

    def listed(first_page: str, template: str, section: str,
               data: Callable[[ListPage], dict[str, Any]] = lambda part: {}) -> Iterator[GeneratedPage]:
        """Every page of one list (``paging``), each with its own entries and the pager. A
        section without entities gets no pages: an empty "All patterns" list helps no reader."""
        if not kb.section(section):
            return
        for part in lists[first_page]:
            title = INDEX_PAGES[first_page]
            if len(part.uris) > 1:
                title = f"{title}, page {part.number} of {len(part.uris)}"
            yield page(part.src_uri, template, first(section), title, entries=part.entries,
                       pager=_pager(renderer, part, INDEX_PAGES[first_page]), **data(part))

    yield from listed(index_page("criteria"), "criteria_index.md", "criteria")
    for criterion in kb.criteria:
        questions = referring(kb.questions, "criteria", criterion.id)
        yield page(entity_page("criteria", criterion.id), "criterion.md",
                   ("criteria", criterion.id), criterion.title, criterion=criterion, questions=questions,
                   disagreements=referring(kb.disagreements, "criteria", criterion.id))
    yield from listed(index_page("patterns"), "patterns_index.md", "patterns")
    for pattern in kb.patterns:
        use_cases = referring(kb.use_cases, "patterns", pattern.id)
        yield page(entity_page("patterns", pattern.id), "pattern.md", ("patterns", pattern.id),
                   pattern.name, pattern=pattern, use_cases=use_cases)
    yield from listed(index_page("use_cases"), "use_cases_index.md", "use_cases")
    for use_case in kb.use_cases:
        yield page(entity_page("use_cases", use_case.id), "use_case.md",
                   ("use_cases", use_case.id), use_case.name, use_case=use_case)
    yield from listed(PRICES_PAGE, "prices.md", "costs",
                      lambda part: {"max_age_months": renderer.settings.max_age_months})
    cited = citations(kb)
    yield from listed(SOURCES_PAGE, "sources.md", "sources",
                      lambda part: {"groups": _sources_by_kind(part.entries, cited)})
    yield from listed(FACTS_PAGE, "facts.md", "facts",
                      lambda part: {"groups": _facts_by_topic(part.entries)})
    if kb.disagreements:
        yield page(DISAGREEMENTS_PAGE, "disagreements.md", first("disagreements"))


def _pager(renderer: Renderer, part: ListPage, title: str) -> dict[str, Markup]:
    """Previous, next and every page by number, above and below a list of more than one page
    (each landmark with its own name), or nothing."""
    if len(part.uris) == 1:
        return {"top": Markup(""), "bottom": Markup("")}
    ctx = renderer.context(part.src_uri)
    return {where: ctx.template("blocks/pager.html", part=part, label=f"{title}: pages{suffix}")
            for where, suffix in (("top", ""), ("bottom", " (end of list)"))}


def placeholder_pages(knowledge_path: str) -> Iterator[GeneratedPage]:
    """Stand-ins for the index pages while the knowledge base has never loaded (under `serve`),
    so the navigation still works and each page can show the problem list."""
    for src_uri, title in INDEX_PAGES.items():
        yield GeneratedPage(src_uri, page_front_matter(title) + f"# {title}\n\n"
                                     "This page is generated from the knowledge "
                                     "base, which does not load yet: see the problems above.\n",
                            knowledge_path)


def _first_origin(kb: KnowledgeBase) -> Callable[[str], tuple[str, str]]:
    def first(section: str) -> tuple[str, str]:
        items = kb.section(section)
        return (section, items[0].id) if items else ("guide", "guide")
    return first


#: How each kind of entity is named where a source lists what cites it, in the order listed.
CITING_LABELS: dict[str, Callable[[Any], str]] = {
    "criteria": lambda c: c.title,
    "costs": lambda c: f"{c.item} price",
    "patterns": lambda p: p.name,
    "use_cases": lambda u: u.name,
    "questions": lambda q: f"wizard: {q.text}",
    "facts": lambda f: f"fact: {f.statement[:60]}{'…' if len(f.statement) > 60 else ''}",
    "kpis": lambda k: f"KPI: {k.name}",
    "quality": lambda m: f"quality: {m.metric}",
    "disagreements": lambda d: f"disagreement: {d.claim}",
}


def citations(kb: KnowledgeBase) -> dict[str, list[Citation]]:
    """For each source id, everything that cites it (any field declared as a reference to
    sources, nested ones included), in knowledge-base order."""
    cited: dict[str, list[Citation]] = {s.id: [] for s in kb.sources}
    for section, label in CITING_LABELS.items():
        for entity in kb.section(section):
            for source_id in cites(entity, "sources"):
                cited[source_id].append(Citation(label(entity), section, entity.id))
    return cited


def _sources_by_kind(sources: tuple[Any, ...], cited: dict[str, list[Citation]]
                     ) -> list[tuple[str, list[tuple[Any, list[Citation]]]]]:
    groups = []
    for kind, title in SOURCE_KIND_TITLES.items():
        items = [(s, cited[s.id]) for s in sources if s.kind == kind]
        if items:
            groups.append((title, items))
    return groups


def _facts_by_topic(facts: tuple[Any, ...]) -> list[tuple[str, list[Any]]]:
    topics: dict[str, list[Any]] = {}
    for fact in facts:
        title = (fact.topic or "general").replace("-", " ").capitalize()
        topics.setdefault(title, []).append(fact)
    return list(topics.items())
