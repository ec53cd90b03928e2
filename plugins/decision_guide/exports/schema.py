"""JSON Schemas for editors' YAML tooling, generated from the pydantic models.

Committed under ``content/schema/`` and referenced by a ``# yaml-language-server: $schema=``
line at the top of every YAML file, so editors autocomplete fields and underline mistakes.
A test fails when the committed files fall behind the models.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from decision_guide.calculators.models import CalculatorFile
from decision_guide.knowledge.models import KnowledgeFile

SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "knowledge": (KnowledgeFile, "Decision Guide knowledge file"),
    "calculator": (CalculatorFile, "Decision Guide calculator definition"),
}


def schema(kind: str) -> dict[str, Any]:
    model, title = SCHEMAS[kind]
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema(),
            "title": title}


def schema_text(kind: str) -> str:
    """The schema as committed: stable key order and a final newline, so diffs stay small."""
    return json.dumps(schema(kind), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
