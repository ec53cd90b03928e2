"""The nav holds index pages, not entities: each entity page is filed under its index."""

from __future__ import annotations

from conftest import ROOT
from decision_guide.knowledge.base import load_knowledge
from decision_guide.site.navigation import entity_sections


def test_every_entity_page_is_filed_under_its_sections_index() -> None:
    kb = load_knowledge(ROOT / "content" / "knowledge")
    sections = entity_sections(kb)
    assert len(sections) == len(kb.criteria) + len(kb.patterns) + len(kb.use_cases)
    assert sections["criteria/latency.md"] == "criteria/index.md"
    assert sections[f"use-cases/{kb.use_cases[0].id}.md"] == "use-cases/index.md"
    assert set(sections.values()) == {"criteria/index.md", "patterns/index.md", "use-cases/index.md"}
