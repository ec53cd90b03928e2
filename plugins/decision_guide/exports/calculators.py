"""The compiled calculators and the wizard as JSON, each with where it is defined (file:line),
its defaults as the site computes them, the costs they are bound to and the questions the
wizard asks, resolved to the entities they name; the same shape as the knowledge export."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from decision_guide.calculators.compile import Compiled, CompiledCalculator
from decision_guide.exports.export import resolve
from decision_guide.knowledge.base import KnowledgeBase


def export_calculators(kb: KnowledgeBase, calculators: Mapping[str, Compiled]) -> list[dict[str, Any]]:
    """One entry per calculator or wizard, in id order."""
    return [_calculator(kb, calculators[key]) for key in sorted(calculators)]


def _calculator(kb: KnowledgeBase, compiled: Compiled) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": compiled.id,
        "kind": "calculator" if isinstance(compiled, CompiledCalculator) else "wizard",
        "origin": {"path": compiled.origin.path, "line": compiled.origin.line},
        "definition": compiled.definition.model_dump(mode="json", by_alias=True, exclude_none=True),
    }
    if isinstance(compiled, CompiledCalculator):
        data["defaults"] = dict(compiled.defaults)
        data["default_costs"] = {input_id: resolve(kb, "costs", cost.id)
                                 for input_id, cost in compiled.default_costs.items()}
        data["evaluation_order"] = [value.definition.id for value in compiled.values]
    else:
        data["questions"] = [resolve(kb, "questions", question.id) for question in compiled.questions]
    return data
