"""No traceback, ever: random and mutated YAML either loads or yields a list of problems."""

from __future__ import annotations

import yaml
from corpus import BASE_FILES, TODAY
from decision_guide.knowledge.base import load_knowledge_files
from decision_guide.knowledge.models import KnowledgeFile
from decision_guide.problems import ProblemsFound
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ENTITIES = BASE_FILES["content/knowledge/entities.yml"].decode("utf-8")
FIELD_NAMES = sorted({*KnowledgeFile.model_fields, "id", "title", "value", "range", "low", "high",
                      "unit", "as_of", "sources", "assessments", "rating", "note", "answers"})
YAML_NOISE = list(":-[]{}&*!|>'\"#%@`,?\t\n ") + ["!!python/object:os.system", "*a", "&a",
                                                  "<<: *a", "---", "...", "\x00", "\ufeff", "é"]


def _load(text: str | bytes) -> None:
    """Load the second guide with ``entities.yml`` replaced, in memory; only ProblemsFound may
    escape."""
    try:
        load_knowledge_files({**BASE_FILES, "content/knowledge/entities.yml": text}, today=TODAY)
    except ProblemsFound as found:
        assert found.problems, "a failed load must say why"
        for problem in found.problems:
            assert problem.path.startswith("content/knowledge/") and problem.line >= 1


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = ENTITIES
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "duplicate-line", "truncate"]))
        if action == "insert":
            text = text[:position] + draw(st.sampled_from(YAML_NOISE)) + text[position:]
        elif action == "delete":
            text = text[:position] + text[position + draw(st.integers(1, 40)):]
        elif action == "duplicate-line" and text:
            lines = text.splitlines(keepends=True)
            index = draw(st.integers(0, len(lines) - 1))
            text = "".join(lines[: index + 1] + [lines[index]] + lines[index + 1:])
        elif action == "truncate":
            text = text[:position]
    return text


scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6),
                    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=20),
                    st.sampled_from(["2026-02-30", "undated", "javascript:alert(1)", "gpu-hour"]))
documents = st.recursive(scalars, lambda children: st.one_of(
    st.lists(children, max_size=4),
    st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=8), children, max_size=5)),
    max_leaves=25)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_knowledge_files_never_raise_anything_but_problems(text: str) -> None:
    _load(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_random_documents_never_raise_anything_but_problems(document: object) -> None:
    _load(yaml.safe_dump(document, allow_unicode=True))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_random_bytes_never_raise_anything_but_problems(data: bytes) -> None:
    _load(data)
