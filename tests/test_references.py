"""References are declared once, as ``Ref`` metadata on the model fields, and every reader (the
cross-file checks, the JSON export, "cited by" lists, navigation) walks that declaration."""

from __future__ import annotations

import typing
from typing import Any

from corpus import base_knowledge, knowledge_problems
from decision_guide.exports.export import export_knowledge
from decision_guide.knowledge import models
from decision_guide.knowledge.models import Assessment, Criterion, Threshold
from decision_guide.knowledge.references import Reference, field_ref, references
from pydantic import BaseModel

#: Fields that hold an id but point at no record: the record's own id, a free topic label, and
#: a price feed's name (an installed plug-in, checked by `decision-guide prices`).
NOT_REFERENCES = {("Identified", "id"), ("Fact", "topic"), ("Feed", "name")}


def _holds_ids(annotation: Any) -> bool:
    """Whether a field's type is an Id, a list of Ids, or a dict keyed by Ids."""
    text = str(annotation)
    return "pattern='^[a-z0-9]+(?:-[a-z0-9]+)*$'" in text and "Text" not in text


def _models() -> list[type[BaseModel]]:
    return [m for m in vars(models).values()
            if isinstance(m, type) and issubclass(m, BaseModel) and m.__module__ == models.__name__]


def test_every_field_holding_ids_declares_what_it_references() -> None:
    undeclared = []
    for model in _models():
        hints = typing.get_type_hints(model, include_extras=True)
        for name, info in model.model_fields.items():
            owner = next(base.__name__ for base in model.__mro__ if name in base.__dict__.get(
                "__annotations__", {}))
            if (owner, name) in NOT_REFERENCES or field_ref(info) is not None:
                continue
            if _holds_ids(hints[name]):
                undeclared.append(f"{model.__name__}.{name}")
    assert undeclared == []


def test_references_walk_nested_records_with_their_paths() -> None:
    criterion = Criterion(
        id="latency", title="Latency", group="performance", question="How fast?", summary="Speed.",
        assessments={"rag": Assessment(rating="weak", note="Retrieval adds time.")},
        thresholds=[Threshold(when="under 200 ms", favours="fine-tuning", sources=["bench"])],
        sources=["paper", "bench"], related=["cost"])
    assert list(references(criterion)) == [
        Reference(("group",), "criterion_groups", "performance"),
        Reference(("assessments", "rag"), "options", "rag", is_key=True),
        Reference(("assessments", "rag", "rating"), "ratings", "weak"),
        Reference(("thresholds", 0, "favours"), "options", "fine-tuning"),
        Reference(("thresholds", 0, "sources", 0), "sources", "bench"),
        Reference(("sources", 0), "sources", "paper"),
        Reference(("sources", 1), "sources", "bench"),
        Reference(("related", 0), "criteria", "cost"),
    ]


def test_a_dangling_reference_in_a_nested_record_is_reported_where_it_is_written() -> None:
    problems = knowledge_problems({"extra.yml": (
        "patterns:\n"
        "  - id: p\n    name: P\n    summary: S.\n    description: D.\n    components: [c]\n"
        "    when_to_use: [w]\n    strengths: [s]\n    weaknesses: [w]\n"
        "    options: [no-such-option]\n    sources: [no-such-source]\n")})
    unknown = [p.split(": unknown ")[0] + ": unknown " + p.split(": unknown ")[1].split("'")[0]
               for p in problems if ": unknown " in p]
    assert unknown == ["content/knowledge/extra.yml:10:15: patterns[0].options[0]: unknown option id ",
                       "content/knowledge/extra.yml:11:15: patterns[0].sources[0]: unknown source id "]


def test_the_export_resolves_every_declared_reference_to_another_entity() -> None:
    kb = base_knowledge()
    exported = export_knowledge(kb)
    for section in models.SECTIONS:
        for entity, data in zip(kb.section(section), exported[section], strict=True):
            for reference in references(entity):
                *parents, last = reference.loc
                parent: Any = data
                for step in parents:
                    parent = parent[step]
                if reference.is_key:
                    assert last in parent, "ids used as keys stay keys"
                elif reference.kind not in models.SECTIONS:
                    assert parent[last] == reference.id, "ids of the guide's own lists stay as written"
                else:
                    resolved = parent[last]
                    assert (resolved["id"], resolved["section"]) == (reference.id, reference.kind)
                    assert resolved["origin"]["path"].startswith("content/knowledge/")
