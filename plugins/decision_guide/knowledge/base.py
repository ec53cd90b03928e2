"""The knowledge base: every YAML file under the knowledge folder, validated and merged.

``load_knowledge`` is the only way in: it reads each file (``yaml_source``), checks it against the
schema (``models`` via ``schema_check``), merges the sections, then checks what spans files
(``crossref``). It returns the typed, immutable ``KnowledgeBase`` or raises ``ProblemsFound`` with
every problem of every file at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from pydantic import ValidationError

from decision_guide.knowledge import crossref
from decision_guide.knowledge.file_cache import by_content
from decision_guide.knowledge.files import display_path, read_folder
from decision_guide.knowledge.located import Located, Origin
from decision_guide.knowledge.models import (
    SECTIONS,
    Cost,
    Criterion,
    Disagreement,
    Fact,
    GuideMeta,
    KnowledgeFile,
    Kpi,
    Option,
    Pattern,
    QualityMetric,
    Question,
    Source,
    UseCase,
)
from decision_guide.knowledge.schema_check import validate_document
from decision_guide.knowledge.yaml_source import MAX_FILE_BYTES, YamlDocument, decode_yaml
from decision_guide.problems import Problem, ProblemsFound, errors_only


@dataclass(frozen=True)
class KnowledgeBase:
    """The validated guide data. Entities keep the order of the files; look-ups are by id."""

    guide: GuideMeta
    options: tuple[Option, ...]
    criteria: tuple[Criterion, ...]
    costs: tuple[Cost, ...]
    patterns: tuple[Pattern, ...]
    use_cases: tuple[UseCase, ...]
    questions: tuple[Question, ...]
    kpis: tuple[Kpi, ...]
    sources: tuple[Source, ...]
    facts: tuple[Fact, ...]
    quality: tuple[QualityMetric, ...]
    disagreements: tuple[Disagreement, ...]
    origins: Mapping[tuple[str, str], Origin] = field(repr=False)
    field_positions: Mapping[tuple[str, str, str], tuple[int, int]] = field(repr=False,
                                                                             default_factory=dict)
    """Line and column of each top-level field of each entity, for problems about a value."""
    warnings: tuple[Problem, ...] = ()

    def section(self, name: str) -> tuple[Any, ...]:
        return getattr(self, name)  # type: ignore[no-any-return]

    def get(self, section: str, entity_id: str) -> Any:
        """The entity of ``section`` with ``entity_id``; ``KeyError`` if there is none."""
        return self._index[section][entity_id]

    def ids(self, section: str) -> list[str]:
        return [entity.id for entity in self.section(section)]

    def origin(self, section: str, entity_id: str) -> Origin:
        return self.origins[(section, entity_id)]

    def position(self, section: str, entity_id: str, field_name: str) -> tuple[str, int, int]:
        """Where one field of an entity is written: path, line, column."""
        origin = self.origins[(section, entity_id)]
        line, col = self.field_positions.get((section, entity_id, field_name), (origin.line, 1))
        return origin.path, line, col

    @property
    def _index(self) -> dict[str, dict[str, Any]]:
        cached = self.__dict__.get("_index_cache")
        if cached is None:
            cached = {name: {e.id: e for e in self.section(name)} for name in SECTIONS}
            object.__setattr__(self, "_index_cache", cached)
        return cached

    def unit_label(self, unit_id: str) -> str:
        return next(u.label for u in self.guide.units if u.id == unit_id)


def load_knowledge(folder: Path, *, project_root: Path | None = None,
                   today: dt.date | None = None, max_bytes: int = MAX_FILE_BYTES) -> KnowledgeBase:
    """Load and check the knowledge base in ``folder``; raise ``ProblemsFound`` on any error.

    Paths in problems and origins are relative to ``project_root`` (default: the folder's
    parent's parent, i.e. the project holding ``content/knowledge``) so they read the same on
    every machine and open from the project root. ``max_bytes`` is the largest file read (the
    plugin's ``max_yaml_bytes``).
    """
    root = project_root or folder.parent.parent
    files, found = read_folder(folder, root, max_bytes=max_bytes)
    return load_knowledge_files(files, today=today, folder=display_path(folder, root), found=found,
                                max_bytes=max_bytes)


def load_knowledge_files(files: Mapping[str, bytes | str], *, today: dt.date | None = None,
                         folder: str = "content/knowledge",
                         found: Sequence[Problem] = (),
                         max_bytes: int = MAX_FILE_BYTES) -> KnowledgeBase:
    """Load and check a knowledge base given as ``{display path: YAML bytes or text}``, in path
    order; raise ``ProblemsFound`` on any error. ``folder`` names the whole in problems that
    belong to no one file; ``found`` are problems already met reading the folder (links, odd or
    unreadable files). Tests build knowledge bases this way, in memory."""
    today = today or dt.date.today()
    guide: Located | None = None
    located: dict[str, list[Located]] = {name: [] for name in SECTIONS}
    known_ids: dict[str, set[str]] = {name: set() for name in SECTIONS}
    problems = list(found)
    if not files:
        raise ProblemsFound([*problems, Problem(folder, 1, 1, "no YAML files in the knowledge folder",
                                                "no-files")])
    for path in sorted(files):
        raw = files[path]
        # Text that cannot be UTF-8 (a lone surrogate) becomes bytes the reader reports as such.
        data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
        document, file_problems, file_guide, records = by_content(_read_file, path, data, max_bytes)
        problems += file_problems
        if document is None:
            continue
        _collect_ids(document, known_ids)
        if file_guide is not None:
            if guide is not None:
                problems.append(document.problem(("guide",), "a second 'guide' section; "
                                                 f"the first is in {guide.document.path}",
                                                 "duplicate-guide", key=True))
            else:
                guide = Located("guide", file_guide, document, ("guide",))
        for name, items in records.items():
            located[name] += [Located(name, entity, document, (name, index))
                              for index, entity in items]
    if guide is None and not errors_only(problems):
        problems.append(Problem(folder, 1, 1,
                                "no file has a 'guide' section (title, ratings, groups, units)",
                                "missing-guide"))
    if guide is not None:
        # A file that failed to read or to validate has records, hence ids, missing: references
        # to them are checked once it is fixed, rather than reported as its echoes.
        problems += crossref.check(guide, located, known_ids, today,
                                   complete=not errors_only(problems))
    if errors_only(problems):
        raise ProblemsFound(problems)
    assert guide is not None
    return KnowledgeBase(
        guide=guide.entity,
        **{name: tuple(item.entity for item in located[name]) for name in SECTIONS},
        origins=MappingProxyType({(name, item.entity.id): item.origin
                                  for name in SECTIONS for item in located[name]}
                                 | {("guide", "guide"): guide.origin}),
        field_positions=MappingProxyType({
            (name, item.entity.id, key): item.document.position((*item.loc, key))
            for name in SECTIONS for item in located[name]
            for key in item.entity.model_fields_set}),
        warnings=tuple(problems),
    )


def _read_file(path: str, raw: bytes, max_bytes: int
               ) -> tuple[YamlDocument | None, list[Problem], GuideMeta | None, Records]:
    """One file on its own: its document, its problems (reading, then schema), and its guide
    section and records (the valid ones, when the file fails its schema)."""
    document, problems = decode_yaml(raw, path, max_bytes=max_bytes)
    if document is None:
        return None, problems, None, {}
    parsed, schema_problems = validate_document(document, KnowledgeFile)
    file_guide, records = _records(parsed) if parsed else _salvage(document)
    return document, [*problems, *schema_problems], file_guide, records


def _collect_ids(document: YamlDocument, known_ids: dict[str, set[str]]) -> None:
    """Note every id written in the file, valid or not, so that a record with a schema error
    does not also turn every reference to it into a second, misleading 'unknown id' problem."""
    if not isinstance(document.data, dict):
        return
    for name in SECTIONS:
        items = document.data.get(name)
        if isinstance(items, list):
            known_ids[name] |= {item["id"] for item in items
                                if isinstance(item, dict) and isinstance(item.get("id"), str)}


Records = dict[str, list[tuple[int, Any]]]


def _records(parsed: KnowledgeFile) -> tuple[GuideMeta | None, Records]:
    return parsed.guide, {name: list(enumerate(getattr(parsed, name))) for name in SECTIONS}


def _salvage(document: YamlDocument) -> tuple[GuideMeta | None, Records]:
    """The records of a file that failed validation which are valid on their own.

    Their problems are already reported; keeping the valid records (at their own index, so
    positions stay right) lets the cross-file checks run in the same pass.
    """
    data = document.data if isinstance(document.data, dict) else {}
    records: Records = {}
    for name in SECTIONS:
        items = data.get(name)
        model = KnowledgeFile.model_fields[name].annotation.__args__[0]  # type: ignore[union-attr]
        if isinstance(items, list):
            records[name] = [(index, entity) for index, item in enumerate(items)
                             if (entity := _valid_or_none(model, item)) is not None]
    return _valid_or_none(GuideMeta, data.get("guide")), records


def _valid_or_none(model: Any, value: Any) -> Any:
    try:
        return model.model_validate(value) if value is not None else None
    except ValidationError:
        return None
