"""Prices checked against a kept database: a cost may name a feed, feeds are plug-ins found by
entry point, and ``decision-guide prices`` shows both values and dates and warns on a difference
(an error under --strict)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import genai_prices
import pytest
from conftest import ROOT, TODAY, set_cost_value
from corpus import BASE_FILES
from decision_guide.adapters.cli import main
from decision_guide.knowledge.base import KnowledgeBase, load_knowledge_files
from decision_guide.knowledge.genai_prices_feed import GenaiPricesFeed
from decision_guide.knowledge.price_feeds import FeedPrice, compare, installed_feeds

ENTITIES = "content/knowledge/entities.yml"


class TableFeed:
    """A feed over a fixed table, as a guide on another question might bring."""

    name = "table"

    def __init__(self, prices: dict[tuple[str, str, str], float]) -> None:
        self.prices = prices

    def lookup(self, provider: str, model: str, price: str, on: dt.date) -> FeedPrice | None:
        if (provider, model) not in {(p, m) for p, m, _ in self.prices}:
            raise LookupError(f"no model '{model}'")
        value = self.prices.get((provider, model, price))
        return None if value is None else FeedPrice(value, "USD / GPU-hour", "2026-10-01", "table 1")


def _kb_with_feed(feed_line: str) -> KnowledgeBase:
    raw = BASE_FILES[ENTITIES]
    text = raw.decode() if isinstance(raw, bytes) else str(raw)
    anchor = "  - id: gpu-hour\n"
    start = text.index(anchor)
    confirmed = text.index("    confirmed:", start)
    end = text.index("\n", confirmed) + 1
    text = text[:end] + feed_line + text[end:]
    return load_knowledge_files({**BASE_FILES, ENTITIES: text}, today=TODAY)


BOUND = "    feed: {name: table, provider: example-cloud, model: h100, price: hourly}\n"


def test_a_bound_cost_that_agrees_with_its_feed_raises_nothing() -> None:
    kb = _kb_with_feed(BOUND)
    value = kb.get("costs", "gpu-hour").value
    rows, problems = compare(kb, {"table": TableFeed({("example-cloud", "h100", "hourly"): value})}, TODAY)
    assert problems == []
    assert [(r.cost_id, r.guide_value, r.found.value if r.found else None) for r in rows] == [
        ("gpu-hour", value, value)]
    assert rows[0].guide_as_of == kb.get("costs", "gpu-hour").as_of and rows[0].found
    assert rows[0].found.as_of == "2026-10-01"


def test_a_difference_is_a_warning_at_the_feed_field_naming_both_values() -> None:
    kb = _kb_with_feed(BOUND)
    _, problems = compare(kb, {"table": TableFeed({("example-cloud", "h100", "hourly"): 9.75})}, TODAY)
    [problem] = problems
    path, line, _ = kb.position("costs", "gpu-hour", "feed")
    assert (problem.path, problem.line, problem.severity, problem.code) == (
        path, line, "warning", "price-feed-difference")
    value = kb.get("costs", "gpu-hour").value
    assert (f"gives {value:g} where table gives 9.75 USD / GPU-hour (as of 2026-10-01, table 1)"
            in problem.message)


@pytest.mark.parametrize(("feeds", "message"), [
    ({}, "names feed 'table', which is not installed; installed: none"),
    ({"table": TableFeed({("example-cloud", "a100", "hourly"): 1.0})},
     "table does not know it: no model 'h100'"),
    ({"table": TableFeed({("example-cloud", "h100", "spot"): 1.0})}, "table has no 'hourly' price for it"),
])
def test_a_feed_that_cannot_answer_is_named_in_the_warning(feeds: dict, message: str) -> None:  # type: ignore[type-arg]
    _, problems = compare(_kb_with_feed(BOUND), feeds, TODAY)
    assert [p.message for p in problems] == [f"cost 'gpu-hour' {message}"]


def test_genai_prices_is_installed_as_a_feed_plug_in() -> None:
    assert isinstance(installed_feeds()["genai-prices"], GenaiPricesFeed)


def test_the_genai_prices_feed_reads_the_package_price_per_million_tokens() -> None:
    usage = genai_prices.Usage(input_tokens=1000, output_tokens=1000)
    reference = genai_prices.calc_price(usage, "gpt-4.1-mini", provider_id="openai")
    feed = GenaiPricesFeed()
    found_in = feed.lookup("openai", "gpt-4.1-mini", "input_mtok", TODAY)
    found_out = feed.lookup("openai", "gpt-4.1-mini", "output_mtok", TODAY)
    assert found_in and found_out
    assert found_in.value == pytest.approx(float(reference.input_price) * 1000)
    assert found_out.value == pytest.approx(float(reference.output_price) * 1000)
    assert found_in.unit == "USD / 1M tokens" and found_in.source.startswith("genai-prices ")
    assert feed.lookup("openai", "gpt-4.1-mini", "no_such_price", TODAY) is None
    with pytest.raises(LookupError, match="no model 'no-such-model'"):
        feed.lookup("openai", "no-such-model", "input_mtok", TODAY)


def test_every_bound_price_of_the_default_guide_agrees_with_genai_prices(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-f", str(ROOT / "mkdocs.yml"), "prices", "--strict", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) >= 20, "the default guide binds its model prices"
    assert all(row["difference"] is None and row["found"]["value"] == row["guide"]["value"]
               for row in rows), [row for row in rows if row["difference"]]
    assert {row["guide"]["as_of"] for row in rows} and all(row["found"]["as_of"] for row in rows)


def test_a_changed_price_is_named_and_fails_only_under_strict(
        project_copy: Callable[[Path], Path], capsys: pytest.CaptureFixture[str]) -> None:
    project = project_copy(ROOT)
    set_cost_value(project, "llm-sonnet-5-input", 2.5)
    assert main(["-f", str(project / "mkdocs.yml"), "prices"]) == 0
    out = capsys.readouterr().out
    assert "llm-sonnet-5-input: DIFFERS" in out
    assert "warning: cost 'llm-sonnet-5-input' gives 2.5 where genai-prices gives 2 USD / 1M tokens" in out
    assert "content/knowledge/costs.yml:" in out and "[price-feed-difference]" in out
    assert main(["-f", str(project / "mkdocs.yml"), "prices", "--strict"]) == 1
