"""Figures in free text come from references, never typed in bare.

A sentence in YAML free text (a ``note``, ``details``, ``help``, ``why``…) that needs a price or
a share writes a reference instead of the number: ``{cost:gpu-h100-runpod-community}`` or
``{fact:prompt-reduction}``. Pages render the reference as the figure with its unit, date and
source, exactly as a ``<!-- guide:cost -->`` marker does in a hand-written page, so a figure in
prose can no longer escape the citation and freshness checks.

``bare_figures`` finds what is left: a currency amount (``$5``, ``US$5``, ``€5``, ``5 USD``) or a
percentage (``40 %``, ``40%``, ``40 percent``) outside any reference. The knowledge base, the
calculators and the pages all report such a figure as a ``bare-figure`` error at its file:line.
Numbers that are not money or shares (token counts, milliseconds, document counts) stay free.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from pydantic import BaseModel

from decision_guide.knowledge.located import Located
from decision_guide.knowledge.schema_check import field_path
from decision_guide.problems import Problem, suggest

REFERENCE = re.compile(r"\{(?P<kind>cost|fact):(?P<id>[^{}\s]*)\}")
"""``{cost:ID}`` or ``{fact:ID}`` inside free text."""

REFERENCE_SECTIONS = {"cost": "costs", "fact": "facts"}

BARE_FIGURE = re.compile(
    r"(?:US\$|[$€£])\s?\d(?:[\d,.]*\d)?"                     # $5, US$ 5, €0.10
    r"|\d(?:[\d,.]*\d)?\s?(?:USD|EUR|GBP|dollars?|euros?)\b"   # 5 USD, 5 dollars
    r"|\d(?:[\d,.]*\d)?\s?(?:%|percent\b|per\s?cent\b)",      # 40 %, 40%, 40 percent
    re.IGNORECASE)

STRUCTURED_FIELDS = frozenset({
    "id", "url", "date", "as_of", "unit", "category", "rating", "group", "favours", "recommended",
    "criterion", "kind", "status", "topic", "source", "formula", "cost", "fact", "feed"})
"""Fields that hold ids, dates or codes rather than prose."""

CITED_TEXT = frozenset({("facts", "statement"), ("sources", "title")})
"""Text that is itself the cited claim (a fact's statement, a source's title): exempt."""


def bare_figures(text: str) -> list[re.Match[str]]:
    """Currency amounts and percentages written outside any ``{cost:…}``/``{fact:…}`` reference."""
    blanked = REFERENCE.sub(lambda m: " " * len(m.group(0)), text)
    return list(BARE_FIGURE.finditer(blanked))


def inline_references(text: str) -> Iterator[tuple[str, str]]:
    """The ``(section, id)`` of every reference in ``text``."""
    for match in REFERENCE.finditer(text):
        yield REFERENCE_SECTIONS[match["kind"]], match["id"]


def text_fields(value: Any, loc: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every prose string inside a model, with its path below ``loc``."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name not in STRUCTURED_FIELDS:
                yield from text_fields(getattr(value, name), (*loc, name))
    elif isinstance(value, str):
        yield loc, value
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from text_fields(item, (*loc, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from text_fields(item, (*loc, key))


def text_problems(item: Located, known: Mapping[str, set[str]]) -> list[Problem]:
    """Bare figures and unknown references in one entity's free text."""
    problems: list[Problem] = []
    for loc, text in text_fields(item.entity):
        if (item.section, loc[0]) in CITED_TEXT:
            continue
        path = field_path((*item.loc, *loc))
        for match in bare_figures(text):
            problems.append(item.problem(loc, bare_figure_message(path, text, match), "bare-figure"))
        for section, entity_id in inline_references(text):
            if entity_id not in known[section]:
                problems.append(item.problem(
                    loc, f"{path}: unknown {section.rstrip('s')} id '{entity_id}' in "
                         f"{{{section.rstrip('s')}:…}}{suggest(entity_id, known[section])}",
                    "unknown-reference"))
    return problems


def bare_figure_message(path: str, text: str, match: re.Match[str]) -> str:
    """One wording for every place a bare figure is found."""
    start = max(0, match.start() - 20)
    excerpt = text[start:match.end() + 20].replace("\n", " ").strip()
    return (f"{path}: bare figure '{match.group(0).strip()}' in \"…{excerpt}…\": write it as a "
            "reference ({cost:ID} or {fact:ID} in YAML, <!-- guide:cost id=ID --> in a page) so "
            "it shows its source and date")
