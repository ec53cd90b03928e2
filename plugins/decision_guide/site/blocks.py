"""The blocks a page can embed: tables and card lists generated from the knowledge base.

Each block is a function ``(ctx, args) -> Markup`` registered with the arguments it accepts.
Arguments name ids; a wrong argument or an unknown id raises ``BlockError`` with a message the
marker code turns into ``page:line:col`` — a block never silently renders as plain text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from decision_guide.knowledge.inline_refs import inline_references
from decision_guide.knowledge.references import referring
from decision_guide.problems import suggest
from decision_guide.site.render import PageContext

BlockFunction = Callable[[PageContext, Mapping[str, str]], Markup]


class BlockError(ValueError):
    """A marker's arguments do not fit its block."""


@dataclass(frozen=True)
class BlockSpec:
    render: BlockFunction
    arguments: frozenset[str]
    required: frozenset[str] = frozenset()
    inline: bool = False


def pick(ctx: PageContext, section: str, args: Mapping[str, str], key: str) -> list[Any]:
    """The entities named in ``args[key]`` (comma-separated ids), or all of the section."""
    if key not in args:
        return list(ctx.kb.section(section))
    chosen = []
    known = ctx.kb.ids(section)
    for entity_id in (part.strip() for part in args[key].split(",")):
        if entity_id not in known:
            raise BlockError(f"unknown {section.replace('_', ' ')} id '{entity_id}'"
                             f"{suggest(entity_id, known)}")
        chosen.append(ctx.kb.get(section, entity_id))
    return chosen


def _render(ctx: PageContext, template: str, **data: Any) -> Markup:
    return ctx.template(f"blocks/{template}", **data)


def anchor_prefix(block: str, args: Mapping[str, str]) -> str:
    """Ids for a block's notes, distinct for each block and arguments on a page."""
    digest = hashlib.sha1(repr(sorted(args.items())).encode(), usedforsecurity=False).hexdigest()[:6]
    return f"dg-{block}-{digest}"


def comparison(ctx: PageContext, args: Mapping[str, str]) -> Markup:
    if "group" in args and "criteria" in args:
        raise BlockError("give either 'group' or 'criteria', not both")
    criteria = pick(ctx, "criteria", args, "criteria")
    caption = ctx.words.say("blocks.comparison")
    if "group" in args:
        groups = {g.id: g for g in ctx.kb.guide.criterion_groups}
        if args["group"] not in groups:
            raise BlockError(f"unknown criterion group '{args['group']}'{suggest(args['group'], groups)}")
        criteria = [c for c in criteria if c.group == args["group"]]
        caption = ctx.words.say("blocks.comparison_group", group=groups[args["group"]].title)
    return _render(ctx, "comparison.html", criteria=criteria, caption=args.get("caption", caption),
                   prefix=anchor_prefix("comparison", args))


def matrix(ctx: PageContext, args: Mapping[str, str]) -> Markup:
    rows = []
    for question in pick(ctx, "questions", args, "questions"):
        first = question.answers[0]
        best = max(first.scores.values(), default=0)
        favoured = {o for o, s in first.scores.items() if s == best and best > 0}
        rows.append((question, first, favoured))
    return _render(ctx, "matrix.html", rows=rows, prefix=anchor_prefix("matrix", args))


def quality(ctx: PageContext, args: Mapping[str, str]) -> Markup:
    return _render(ctx, "quality.html", metrics=pick(ctx, "quality", args, "metrics"),
                   prefix=anchor_prefix("quality", args))


def costs(ctx: PageContext, args: Mapping[str, str]) -> Markup:
    chosen = pick(ctx, "costs", args, "costs")
    categories = {g.id: g for g in ctx.kb.guide.cost_categories}
    if "category" in args:
        if args["category"] not in categories:
            raise BlockError(f"unknown cost category '{args['category']}'"
                             f"{suggest(args['category'], categories)}")
        chosen = [c for c in chosen if c.category == args["category"]]
    return _render(ctx, "costs.html", costs=chosen, categories=categories,
                   disputes=_disputes(ctx, "costs", chosen))


def _cards(section: str, key: str) -> BlockFunction:
    def render(ctx: PageContext, args: Mapping[str, str]) -> Markup:
        return _render(ctx, "cards.html", section=section, items=pick(ctx, section, args, key))
    return render


def facts(ctx: PageContext, args: Mapping[str, str]) -> Markup:
    chosen = pick(ctx, "facts", args, "facts")
    if "topic" in args:
        topics = {f.topic for f in ctx.kb.facts if f.topic}
        if args["topic"] not in topics:
            raise BlockError(f"no fact has topic '{args['topic']}'{suggest(args['topic'], topics)}")
        chosen = [f for f in chosen if f.topic == args["topic"]]
    return _render(ctx, "facts.html", facts=chosen, disputes=_disputes(ctx, "facts", chosen))


def _disputes(ctx: PageContext, section: str, entities: list[Any]) -> dict[str, list[Any]]:
    """For each entity, the disagreements that name it, so its figure links to both sides."""
    return {e.id: referring(ctx.kb.disagreements, section, e.id) for e in entities}


def disagreements(ctx: PageContext, args: Mapping[str, str]) -> Markup:
    chosen = pick(ctx, "disagreements", args, "disagreements")
    if "criterion" in args:
        pick(ctx, "criteria", {"id": args["criterion"]}, "id")
        chosen = [d for d in chosen if args["criterion"] in d.criteria]
    return _render(ctx, "disagreements.html", disagreements=[
        (d, [(side, _uncited(ctx, side.says, side.sources)) for side in d.sides]) for d in chosen])


def _uncited(ctx: PageContext, text: str, sources: list[str]) -> list[str]:
    """The sources a side names that its inline figures do not already cite (no cite twice)."""
    shown: set[str] = set()
    for section, entity_id in inline_references(text):
        entity = ctx.kb.get(section, entity_id)
        shown.update(entity.sources if section == "facts" else [entity.source])
    return [source for source in sources if source not in shown]


def thresholds(ctx: PageContext, args: Mapping[str, str]) -> Markup:
    rows = [(c, t) for c in pick(ctx, "criteria", args, "criteria") for t in c.thresholds]
    return _render(ctx, "thresholds.html", rows=rows)


def kpis(ctx: PageContext, args: Mapping[str, str]) -> Markup:
    return _render(ctx, "kpis.html", kpis=pick(ctx, "kpis", args, "kpis"))


def cost(ctx: PageContext, args: Mapping[str, str]) -> Markup:
    return ctx.figure(pick(ctx, "costs", args, "id")[0].id)


def fact(ctx: PageContext, args: Mapping[str, str]) -> Markup:
    return ctx.fact(pick(ctx, "facts", args, "id")[0].id)


BLOCKS: dict[str, BlockSpec] = {
    "comparison": BlockSpec(comparison, frozenset({"group", "criteria", "caption"})),
    "matrix": BlockSpec(matrix, frozenset({"questions"})),
    "quality": BlockSpec(quality, frozenset({"metrics"})),
    "costs": BlockSpec(costs, frozenset({"category", "costs"})),
    "options": BlockSpec(_cards("options", "options"), frozenset({"options"})),
    "patterns": BlockSpec(_cards("patterns", "patterns"), frozenset({"patterns"})),
    "use-cases": BlockSpec(_cards("use_cases", "use-cases"), frozenset({"use-cases"})),
    "facts": BlockSpec(facts, frozenset({"topic", "facts"})),
    "disagreements": BlockSpec(disagreements, frozenset({"disagreements", "criterion"})),
    "thresholds": BlockSpec(thresholds, frozenset({"criteria"})),
    "kpis": BlockSpec(kpis, frozenset({"kpis"})),
    "cost": BlockSpec(cost, frozenset({"id"}), frozenset({"id"}), inline=True),
    "fact": BlockSpec(fact, frozenset({"id"}), frozenset({"id"}), inline=True),
}
