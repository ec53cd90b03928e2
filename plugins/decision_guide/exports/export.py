"""The resolved knowledge base as JSON: every entity, where it is defined, and its references
resolved to the entities they name. For other tools (search indexes, reviews, diffs)."""

from __future__ import annotations

from typing import Any

from decision_guide.knowledge.base import KnowledgeBase
from decision_guide.knowledge.models import SECTIONS
from decision_guide.knowledge.references import references


def export_knowledge(kb: KnowledgeBase) -> dict[str, Any]:
    """A JSON-ready dict: ``{"guide": ..., "<section>": [entity, ...]}``."""
    result: dict[str, Any] = {"guide": {**kb.guide.model_dump(mode="json"),
                                        "origin": _origin(kb, "guide", "guide")}}
    for section in SECTIONS:
        result[section] = [_entity(kb, section, entity) for entity in kb.section(section)]
    return result


def _entity(kb: KnowledgeBase, section: str, entity: Any) -> dict[str, Any]:
    """The entity as JSON with each reference to another entity (as declared on the models)
    replaced by that entity's id, section, label and origin. References into the guide's own
    lists (ratings, units, groups) and ids used as keys stay as written."""
    data: dict[str, Any] = entity.model_dump(mode="json", exclude_none=True)
    for reference in references(entity):
        if reference.kind in SECTIONS and not reference.is_key:
            *parents, last = reference.loc
            container: Any = data
            for step in parents:
                container = container[step]
            container[last] = resolve(kb, reference.kind, reference.id)
    data["origin"] = _origin(kb, section, entity.id)
    return data


def resolve(kb: KnowledgeBase, section: str, value: str) -> dict[str, Any]:
    """An id as ``{id, section, label, origin}``."""
    entity = kb.get(section, value)
    label = (getattr(entity, "name", None) or getattr(entity, "title", None)
             or getattr(entity, "item", None) or getattr(entity, "statement", None)
             or getattr(entity, "metric", None) or getattr(entity, "text", None))
    return {"id": value, "section": section, "label": label,
            "origin": _origin(kb, section, value)}


def _origin(kb: KnowledgeBase, section: str, entity_id: str) -> dict[str, Any]:
    origin = kb.origin(section, entity_id)
    return {"path": origin.path, "line": origin.line}
