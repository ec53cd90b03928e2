"""Every calculator default says where it comes from, and calculator text cites its figures.

A default bound to a cost (``cost:``) cites that cost. Any other default must either name a fact
that supports it (``fact:``) or say, in a sentence, that it is an assumption and why
(``assumption:``): a reader should never mistake "40 ms" or "30 %" typed by an editor for a
measured figure. A currency or percent default with no basis is a bare figure (an error); any
other default with no basis is a warning (``unsourced-default``, an error under --strict).
Free text in a calculator (summary, help) follows the knowledge base's rule: currency amounts
and percentages only as ``{cost:ID}`` or ``{fact:ID}`` references.
"""

from __future__ import annotations

from collections.abc import Callable

from decision_guide.calculators.models import Calculator
from decision_guide.knowledge.base import KnowledgeBase
from decision_guide.knowledge.inline_refs import (
    bare_figure_message,
    bare_figures,
    inline_references,
    text_fields,
)
from decision_guide.problems import suggest

Report = Callable[..., None]


def sourcing_problems(calculator: Calculator, kb: KnowledgeBase, report: Report) -> None:
    """Report unsourced defaults, unknown fact ids, bare figures and unknown references."""
    known_facts = kb.ids("facts")
    for index, item in enumerate(calculator.inputs):
        if item.fact is not None and item.fact not in known_facts:
            report(("inputs", index, "fact"), f"unknown fact id '{item.fact}'"
                   f"{suggest(item.fact, known_facts)}", "unknown-reference")
        if item.cost is None and item.fact is None and item.assumption is None:
            money = item.format in ("currency", "percent")
            report(("inputs", index, "default"),
                   f"{'bare figure: ' if money else ''}default {item.default:g} of '{item.id}' has no "
                   "basis: bind it to a cost ('cost:'), name the fact behind it ('fact:'), or say "
                   "why it is assumed ('assumption:')",
                   "bare-figure" if money else "unsourced-default",
                   severity="error" if money else "warning")
    _text_problems(calculator, kb, report)


def _text_problems(calculator: Calculator, kb: KnowledgeBase, report: Report) -> None:
    known = {"costs": kb.ids("costs"), "facts": kb.ids("facts")}
    for loc, text in text_fields(calculator):
        if loc[-1] == "assumption":  # the editor's own reasoning about their own number
            continue
        where = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in loc).replace(".[", "[")
        for match in bare_figures(text):
            message = bare_figure_message(f"calculator.{where}", text, match)
            report(loc, message.split(": ", 1)[1], "bare-figure")
        for section, entity_id in inline_references(text):
            if entity_id not in known[section]:
                report(loc, f"unknown {section.rstrip('s')} id '{entity_id}'"
                       f"{suggest(entity_id, known[section])}", "unknown-reference")

