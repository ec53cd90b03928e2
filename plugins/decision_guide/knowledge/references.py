"""Which fields point at which kind of entity, declared once on the models.

A reference field carries a ``Ref`` in its ``Annotated`` metadata, e.g.
``sources: Annotated[list[Id], Ref("sources")]``; a dict whose keys are ids (an assessment per
option) carries ``Ref("options", keys=True)``. ``references(entity)`` walks an entity, nested
records included, and yields every id it names with the path to it, so the cross-file checks,
the JSON export and the "cited by" lists all read the one declaration: a new reference field is
checked, resolved and listed without touching any of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from decision_guide.knowledge.yaml_source import Loc

E = TypeVar("E", bound=BaseModel)


@dataclass(frozen=True)
class Ref:
    """Field metadata: the field holds ids of ``kind`` (a section of the knowledge base, or one of
    the guide's own lists: ratings, criterion_groups, cost_categories, units)."""

    kind: str
    keys: bool = False
    """For a dict: its keys are the ids (its values may hold references of their own)."""


@dataclass(frozen=True)
class Reference:
    """One id named by an entity: where (``loc`` inside the entity), of what kind, which."""

    loc: Loc
    kind: str
    id: str
    is_key: bool = False
    """The id is a dict key (``assessments.<option>``), not a value."""


def field_ref(info: FieldInfo) -> Ref | None:
    """The ``Ref`` declared on a field, if it is a reference field."""
    return next((m for m in info.metadata if isinstance(m, Ref)), None)


def references(entity: BaseModel, loc: Loc = ()) -> Iterator[Reference]:
    """Every id ``entity`` refers to, in field order, nested records included."""
    for name, info in type(entity).model_fields.items():
        value = getattr(entity, name)
        here = (*loc, name)
        ref = field_ref(info)
        if ref is not None:
            yield from _ids(ref, here, value)
        yield from _nested(here, value)


def _ids(ref: Ref, loc: Loc, value: Any) -> Iterator[Reference]:
    if value is None:
        return
    if isinstance(value, dict):
        if ref.keys:
            yield from (Reference((*loc, key), ref.kind, key, is_key=True) for key in value)
    elif isinstance(value, list):
        yield from (Reference((*loc, index), ref.kind, item) for index, item in enumerate(value))
    else:
        yield Reference(loc, ref.kind, value)


def _nested(loc: Loc, value: Any) -> Iterator[Reference]:
    if isinstance(value, BaseModel):
        yield from references(value, loc)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, BaseModel):
                yield from references(item, (*loc, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, BaseModel):
                yield from references(item, (*loc, key))


def cites(entity: BaseModel, kind: str) -> list[str]:
    """The ids of ``kind`` that ``entity`` names anywhere, each once, in field order."""
    return list(_cited(entity, kind))


_CITED: dict[tuple[int, str], tuple[BaseModel, tuple[str, ...]]] = {}


def _cited(entity: BaseModel, kind: str) -> tuple[str, ...]:
    """``cites`` kept per entity object: entities are frozen, and the pages ask the same entity
    again and again (``referring`` walks a whole section for every page of another)."""
    key = (id(entity), kind)
    found = _CITED.get(key)
    if found is not None and found[0] is entity:
        return found[1]
    ids = tuple(dict.fromkeys(r.id for r in references(entity) if r.kind == kind))
    if len(_CITED) > 100_000:  # a long `serve` makes a new knowledge base on every save
        _CITED.clear()
    _CITED[key] = (entity, ids)
    return ids


def referring(entities: Iterable[E], kind: str, target: str) -> list[E]:
    """The entities that name ``target`` (an id of ``kind``), e.g. the use cases of a pattern."""
    return [entity for entity in entities if target in _cited(entity, kind)]
