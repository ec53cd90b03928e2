"""Where a record comes from: the file and line behind each entity (``Origin``), and a record
while it is being loaded, with the YAML document that locates its fields (``Located``).

Its own module so that ``base`` (which loads) and ``crossref`` (which checks what spans files)
both use it without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from decision_guide.knowledge.yaml_source import Loc, YamlDocument
from decision_guide.problems import Problem, Severity


@dataclass(frozen=True)
class Origin:
    """Where an entity is defined: the file (relative to the project) and the line."""

    path: str
    line: int


@dataclass(frozen=True)
class Located:
    """An entity during loading, with the document and path that locate its fields."""

    section: str
    entity: Any
    document: YamlDocument
    loc: Loc

    def problem(self, suffix: Loc, message: str, code: str, severity: Severity = "error") -> Problem:
        return self.document.problem((*self.loc, *suffix), message, code, severity=severity)

    @property
    def origin(self) -> Origin:
        return Origin(self.document.path, self.document.position(self.loc)[0])
