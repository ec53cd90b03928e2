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
from decision_guide.knowledge.words import Words, default_words
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
from decision_guide.site.paging import LISTS, SOURCE_KINDS, ListPage
from decision_guide.site.render import PageContext, Renderer, escape_heading


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
    kb, words = renderer.kb, renderer.words

    def page(src_uri: str, template: str, edit: tuple[str, str], title: str | None = None,
             **data: Any) -> GeneratedPage:
        ctx = renderer.context(src_uri)
        content = renderer.template(f"pages/{template}").render(
            ctx=ctx, kb=kb, w=words, blocks=_Blocks(ctx), **data)
        front = page_front_matter(title or words.say(INDEX_PAGES[src_uri]))
        return GeneratedPage(src_uri, front + content, kb.origin(*edit).path)

    first = _first_origin(kb)
    lists = renderer.list_pages

    def listed(first_page: str, template: str,
               data: Callable[[ListPage], dict[str, Any]] = lambda part: {}) -> Iterator[GeneratedPage]:
        """Every page of one list (``paging``), each with its own entries and the pager. A
        section without entities gets no pages: an empty "All patterns" list helps no reader."""
        section = LISTS[first_page][0]
        if not kb.section(section):
            return
        for part in lists[first_page]:
            title = list_title = words.say(INDEX_PAGES[first_page])
            if len(part.uris) > 1:
                title = words.say("pages.title_of_page", title=title, number=part.number,
                                  pages=len(part.uris))
            yield page(part.src_uri, template, first(section), title, entries=part.entries,
                       pager=_pager(renderer, part, list_title), **data(part))

    yield from listed(index_page("criteria"), "criteria_index.md")
    for criterion in kb.criteria:
        questions = referring(kb.questions, "criteria", criterion.id)
        yield page(entity_page("criteria", criterion.id), "criterion.md",
                   ("criteria", criterion.id), criterion.title, criterion=criterion, questions=questions,
                   disagreements=referring(kb.disagreements, "criteria", criterion.id))
    yield from listed(index_page("patterns"), "patterns_index.md")
    for pattern in kb.patterns:
        use_cases = referring(kb.use_cases, "patterns", pattern.id)
        yield page(entity_page("patterns", pattern.id), "pattern.md", ("patterns", pattern.id),
                   pattern.name, pattern=pattern, use_cases=use_cases)
    yield from listed(index_page("use_cases"), "use_cases_index.md")
    for use_case in kb.use_cases:
        yield page(entity_page("use_cases", use_case.id), "use_case.md",
                   ("use_cases", use_case.id), use_case.name, use_case=use_case)
    yield from listed(PRICES_PAGE, "prices.md",
                      lambda part: {"max_age_months": renderer.settings.max_age_months})
    cited = citations(kb, words)
    yield from listed(SOURCES_PAGE, "sources.md",
                      lambda part: {"groups": _sources_by_kind(part.entries, cited, words)})
    yield from listed(FACTS_PAGE, "facts.md",
                      lambda part: {"groups": _facts_by_topic(part.entries, words)})
    if kb.disagreements:
        yield page(DISAGREEMENTS_PAGE, "disagreements.md", first("disagreements"))


def _pager(renderer: Renderer, part: ListPage, title: str) -> dict[str, Markup]:
    """Previous, next and every page by number, above and below a list of more than one page
    (each landmark with its own name), or nothing."""
    if len(part.uris) == 1:
        return {"top": Markup(""), "bottom": Markup("")}
    ctx = renderer.context(part.src_uri)
    return {where: ctx.template("blocks/pager.html", part=part, label=renderer.words.say(key, title=title))
            for where, key in (("top", "pages.pager"), ("bottom", "pages.pager_end"))}


def placeholder_pages(knowledge_path: str, words: Words | None = None) -> Iterator[GeneratedPage]:
    """Stand-ins for the index pages while the knowledge base has never loaded (under `serve`),
    so the navigation still works and each page can show the problem list."""
    words = words or default_words()
    for src_uri, key in INDEX_PAGES.items():
        title = words.say(key)
        yield GeneratedPage(src_uri, page_front_matter(title) + f"# {escape_heading(title)}\n\n"
                                     f"{html.escape(words.say('pages.not_loaded'))}\n", knowledge_path)


def _first_origin(kb: KnowledgeBase) -> Callable[[str], tuple[str, str]]:
    def first(section: str) -> tuple[str, str]:
        items = kb.section(section)
        return (section, items[0].id) if items else ("guide", "guide")
    return first


#: How each kind of entity is named where a source lists what cites it, in the order listed.
CITING_LABELS: dict[str, Callable[[Any, Words], str]] = {
    "criteria": lambda c, w: c.title,
    "costs": lambda c, w: w.say("pages.cites_cost", item=c.item),
    "patterns": lambda p, w: p.name,
    "use_cases": lambda u, w: u.name,
    "questions": lambda q, w: w.say("pages.cites_question", text=q.text),
    "facts": lambda f, w: w.say("pages.cites_fact",
                                statement=f"{f.statement[:60]}{'…' if len(f.statement) > 60 else ''}"),
    "kpis": lambda k, w: w.say("pages.cites_kpi", name=k.name),
    "quality": lambda m, w: w.say("pages.cites_quality", metric=m.metric),
    "disagreements": lambda d, w: w.say("pages.cites_disagreement", claim=d.claim),
}


def citations(kb: KnowledgeBase, words: Words | None = None) -> dict[str, list[Citation]]:
    """For each source id, everything that cites it (any field declared as a reference to
    sources, nested ones included), in knowledge-base order."""
    words = words or default_words()
    cited: dict[str, list[Citation]] = {s.id: [] for s in kb.sources}
    for section, label in CITING_LABELS.items():
        for entity in kb.section(section):
            for source_id in cites(entity, "sources"):
                cited[source_id].append(Citation(label(entity, words), section, entity.id))
    return cited


def _sources_by_kind(sources: tuple[Any, ...], cited: dict[str, list[Citation]], words: Words
                     ) -> list[tuple[str, list[tuple[Any, list[Citation]]]]]:
    groups = []
    for kind in SOURCE_KINDS:
        items = [(s, cited[s.id]) for s in sources if s.kind == kind]
        if items:
            groups.append((words.say(f"pages.kind_{kind}"), items))
    return groups


def _facts_by_topic(facts: tuple[Any, ...], words: Words) -> list[tuple[str, list[Any]]]:
    topics: dict[str, list[Any]] = {}
    for fact in facts:
        title = fact.topic.replace("-", " ").capitalize() if fact.topic else words.say("pages.general")
        topics.setdefault(title, []).append(fact)
    return list(topics.items())
