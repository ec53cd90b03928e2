"""JSON Schema for editors' YAML tooling, generated from the pydantic models."""

from __future__ import annotations

import json
from typing import Any

from .models import KnowledgeFile



def knowledge_schema() -> dict[str, Any]:
    schema = KnowledgeFile.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Decision Guide knowledge file", **schema}


def schema_text() -> str:
    """The schema as committed: stable key order and a final newline, so diffs stay small."""
    return json.dumps(knowledge_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
