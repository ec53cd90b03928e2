"""Nothing of the five source articles is lost: each of their tables, lists, checklist items and
numbers (tests/fidelity/articles.yml) is found where the table says the guide carries it, with
the value it gives, unless the table says why not (``deviation``).

The table holds the articles' items itself; the project never reads the articles.
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, TODAY
from decision_guide.knowledge.base import KnowledgeBase, load_knowledge
from decision_guide.knowledge.references import cites
from pydantic import BaseModel

TABLE = Path(__file__).parent / "fidelity" / "articles.yml"
PAGES = ROOT / "content" / "pages"
ARTICLES = ("article-when-to-use", "article-how-to-choose", "article-knowledge-note",
            "article-enterprise-guide", "article-tetrate")
ITEM_KEYS = {"says", "at", "field", "expected", "contains", "deviation"}


def _table() -> list[dict[str, Any]]:
    return yaml.safe_load(TABLE.read_text(encoding="utf-8"))["articles"]  # type: ignore[no-any-return]


def _items() -> list[tuple[str, dict[str, Any]]]:
    found = []
    for article in _table():
        for section in article["sections"]:
            for number, item in enumerate(section["items"], start=1):
                found.append((f"{article['source']}: {section['title']} #{number}",
                              {**item, "article": article["source"]}))
    return found


@cache
def _kb() -> KnowledgeBase:
    return load_knowledge(ROOT / "content" / "knowledge", project_root=ROOT, today=TODAY)


def _step(value: Any, key: str) -> Any:
    if isinstance(value, BaseModel):
        return getattr(value, key)
    if isinstance(value, dict):
        return value[key]
    if isinstance(value, (list, tuple)):
        return value[int(key)]
    raise KeyError(key)


def _equal(found: Any, expected: Any) -> bool:
    if isinstance(expected, (int, float)) and isinstance(found, (int, float)):
        return math.isclose(found, expected, rel_tol=1e-9)
    return bool(found == expected)


def _contains(found: Any, text: Any) -> bool:
    wanted = str(text).casefold()
    if isinstance(found, (list, tuple)):
        return any(wanted in str(part).casefold() for part in found)
    return wanted in str(found).casefold()


def check(item: dict[str, Any], kb: KnowledgeBase, page_text: Any) -> str | None:
    """Why ``item`` is not carried as the table says, or None when it is."""
    if "at" not in item:
        return None if item.get("deviation") else "no 'at' and no deviation saying why"
    where = str(item["at"])
    if where.startswith("page:"):
        path = PAGES / where.removeprefix("page:")
        if not path.is_file():
            return f"page {path.name} is gone"
        found: Any = page_text(path)
    else:
        section, _, entity_id = where.partition("/")
        try:
            entity = kb.get(section, entity_id)
        except KeyError:
            return f"{where} is gone"
        found = entity
        for key in str(item.get("field", "")).split(".") if item.get("field") else []:
            try:
                found = _step(found, key)
            except (KeyError, IndexError, ValueError, AttributeError):
                return f"{where} has no {item['field']}"
        if not item.get("deviation") and item["article"] not in cites(entity, "sources"):
            return f"{where} carries it but does not cite {item['article']}"
    if "expected" in item and not _equal(found, item["expected"]):
        return f"{where} {item.get('field', '')}: expected {item['expected']!r}, found {found!r}"
    if "contains" in item and not _contains(found, item["contains"]):
        return f"{where} {item.get('field', '')}: {item['contains']!r} not in {str(found)[:200]!r}"
    if not item.get("deviation") and "expected" not in item and "contains" not in item:
        return "no expected value: give 'expected' or 'contains', or a deviation saying why"
    return None


@cache
def _page_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("where", "item"), _items(), ids=[name for name, _ in _items()])
def test_each_article_item_is_carried_as_the_table_says(where: str, item: dict[str, Any]) -> None:
    assert check(item, _kb(), _page_text) is None, f"{item['says']}: {check(item, _kb(), _page_text)}"


def test_the_table_covers_the_five_articles_section_by_section() -> None:
    table = _table()
    assert [article["source"] for article in table] == list(ARTICLES)
    for article in table:
        assert article["sections"], article["source"]
        for section in article["sections"]:
            assert section["items"], f"{article['source']}: {section['title']} lists no items"
            for item in section["items"]:
                assert set(item) <= ITEM_KEYS, f"unknown keys in {item}"
                assert item.get("says"), item


def test_a_changed_value_fails_until_the_table_says_why() -> None:
    kb = _kb()
    item = {"article": "article-knowledge-note", "says": "Total ~$0.032/query",
            "at": "costs/rag-per-query-article", "field": "value", "expected": 0.031}
    assert check(item, kb, _page_text) == ("costs/rag-per-query-article value: expected 0.031, "
                                           "found 0.032")
    assert check({**item, "expected": 0.032}, kb, _page_text) is None


def test_a_dropped_entity_or_field_fails() -> None:
    kb = _kb()
    gone = {"article": "article-tetrate", "says": "x", "at": "patterns/no-such", "contains": "x"}
    assert check(gone, kb, _page_text) == "patterns/no-such is gone"
    no_field = {"article": "article-tetrate", "says": "x", "at": "patterns/ensemble",
                "field": "sides.0", "contains": "x"}
    assert check(no_field, kb, _page_text) == "patterns/ensemble has no sides.0"
    unsaid = {"article": "article-tetrate", "says": "x"}
    assert check(unsaid, kb, _page_text) == "no 'at' and no deviation saying why"
    assert check({**unsaid, "deviation": "left out: advertising"}, kb, _page_text) is None


def test_a_carrier_that_does_not_cite_the_article_fails() -> None:
    item = {"article": "article-how-to-choose", "says": "dual pipeline",
            "at": "patterns/dual-pipeline", "field": "summary", "contains": "tuned model"}
    assert check(item, _kb(), _page_text) == ("patterns/dual-pipeline carries it but does not cite "
                                              "article-how-to-choose")
