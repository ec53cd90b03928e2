"""The resolved knowledge base as JSON: every entity, where it is defined, and its references
resolved to the entities they name. For other tools (search indexes, reviews, diffs)."""

from __future__ import annotations

from typing import Any

from decision_guide.knowledge.base import KnowledgeBase
from decision_guide.knowledge.models import SECTIONS

# Which fields hold ids of which section. Nested fields are written "outer.inner".
REFERENCES: dict[str, dict[str, str]] = {
    "criteria": {"sources": "sources", "related": "criteria", "thresholds.favours": "options",
                 "thresholds.sources": "sources"},
    "costs": {"source": "sources", "conflicts_with": "costs", "derived_from": "costs"},
    "patterns": {"options": "options", "sources": "sources"},
    "use_cases": {"recommended": "options", "patterns": "patterns", "sources": "sources"},
    "questions": {"criterion": "criteria", "sources": "sources"},
    "kpis": {"applies_to": "options", "sources": "sources"},
    "facts": {"sources": "sources"},
    "quality": {"sources": "sources"},
}


def export_knowledge(kb: KnowledgeBase) -> dict[str, Any]:
    """A JSON-ready dict: ``{"guide": ..., "<section>": [entity, ...]}``."""
    result: dict[str, Any] = {"guide": {**kb.guide.model_dump(mode="json"),
                                        "origin": _origin(kb, "guide", "guide")}}
    for section in SECTIONS:
        result[section] = [_entity(kb, section, entity) for entity in kb.section(section)]
    return result


def _entity(kb: KnowledgeBase, section: str, entity: Any) -> dict[str, Any]:
    data: dict[str, Any] = entity.model_dump(mode="json", exclude_none=True)
    for path, target in REFERENCES.get(section, {}).items():
        outer, _, inner = path.partition(".")
        if inner:
            for nested in data.get(outer, []):
                nested[inner] = resolve(kb, target, nested[inner])
        elif outer in data:
            data[outer] = resolve(kb, target, data[outer])
    data["origin"] = _origin(kb, section, entity.id)
    return data


def resolve(kb: KnowledgeBase, section: str, value: str | list[str]) -> Any:
    """An id (or a list of ids) as ``{id, section, label, origin}``."""
    if isinstance(value, list):
        return [resolve(kb, section, item) for item in value]
    entity = kb.get(section, value)
    label = (getattr(entity, "name", None) or getattr(entity, "title", None)
             or getattr(entity, "item", None) or getattr(entity, "statement", None)
             or getattr(entity, "metric", None) or getattr(entity, "text", None))
    return {"id": value, "section": section, "label": label,
            "origin": _origin(kb, section, value)}


def _origin(kb: KnowledgeBase, section: str, entity_id: str) -> dict[str, Any]:
    origin = kb.origin(section, entity_id)
    return {"path": origin.path, "line": origin.line}
