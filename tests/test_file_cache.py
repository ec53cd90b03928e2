"""Each YAML file is parsed and validated once per content: loading again reuses what the same
bytes gave, and a changed file is read afresh (what `serve` rebuilds rely on)."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import TODAY
from corpus import BASE_FILES
from decision_guide.knowledge import file_cache
from decision_guide.knowledge.base import load_knowledge_files


def test_the_same_bytes_are_read_once_and_a_changed_file_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    import decision_guide.knowledge.base as base

    file_cache.clear()
    reads: list[str] = []
    real = base._read_file

    def counting(path: str, raw: bytes, max_bytes: int) -> Any:
        reads.append(path)
        return real(path, raw, max_bytes)

    monkeypatch.setattr(base, "_read_file", counting)
    first = load_knowledge_files(BASE_FILES, today=TODAY)
    again = load_knowledge_files(BASE_FILES, today=TODAY)
    assert again == first
    assert sorted(reads) == sorted(BASE_FILES)  # the second load parsed nothing

    texts = {p: raw.decode() if isinstance(raw, bytes) else raw for p, raw in BASE_FILES.items()}
    path = next(p for p, text in texts.items() if "id: gpu-hour" in text)
    text = texts[path]
    edited = load_knowledge_files({**BASE_FILES, path: text.replace("value: 2.5\n", "value: 7.25\n")},
                                  today=TODAY)
    assert reads[len(BASE_FILES):] == [path]
    assert edited.get("costs", "gpu-hour").value == 7.25
    assert first.get("costs", "gpu-hour").value == 2.5


def test_the_size_limit_is_part_of_what_a_file_gave() -> None:
    file_cache.clear()
    load_knowledge_files(BASE_FILES, today=TODAY)
    assert len(BASE_FILES) == sum(1 for _ in file_cache._entries)
    load_knowledge_files(BASE_FILES, today=TODAY, max_bytes=10_000_000)
    assert sum(1 for _ in file_cache._entries) == 2 * len(BASE_FILES)
