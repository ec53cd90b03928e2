"""Honest provenance: no figure is dated beyond its sources, every non-article source has a URL,
and an undated figure says so instead of showing an invented date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from decision_guide.knowledge.base import KnowledgeBase, load_knowledge
from decision_guide.knowledge.freshness import stale_figures
from decision_guide.knowledge.provenance import URL_OPTIONAL_KINDS, latest_day
from decision_guide.site.render import Renderer, RenderSettings

ROOT = Path(__file__).parent.parent
TODAY = dt.date(2026, 11, 21)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge(ROOT / "content" / "knowledge", project_root=ROOT, today=TODAY)


def test_a_partial_date_lasts_until_its_last_day() -> None:
    assert latest_day("2025") == dt.date(2025, 12, 31)
    assert latest_day("2024-02") == dt.date(2024, 2, 29)
    assert latest_day("2026-11-04") == dt.date(2026, 11, 4)
    assert latest_day("undated") is None


def test_every_source_but_an_article_names_its_url_and_publisher(kb: KnowledgeBase) -> None:
    without_url = [s.id for s in kb.sources if s.url is None and s.kind not in URL_OPTIONAL_KINDS]
    assert without_url == []
    assert all(s.publisher.strip() for s in kb.sources)


def test_the_five_articles_say_their_date_is_not_stated(kb: KnowledgeBase) -> None:
    articles = [s for s in kb.sources if s.id.startswith("article-")]
    assert len(articles) == 5
    assert {s.date for s in articles} == {"undated"}


def test_no_figure_from_an_undated_article_carries_a_date(kb: KnowledgeBase) -> None:
    undated_sources = {s.id for s in kb.sources if s.date == "undated"}
    dated_inputs = {c.id for c in kb.costs if c.as_of != "undated"}
    invented = [c.id for c in kb.costs if c.source in undated_sources and c.as_of != "undated"
                and not set(c.derived_from) & dated_inputs]
    assert invented == []


def test_an_undated_figure_shows_no_as_of_date_and_is_flagged(kb: KnowledgeBase) -> None:
    ctx = Renderer(kb, RenderSettings(today=TODAY)).context("costs.md")
    html = str(ctx.figure("ft-compute-7b-article"))
    assert "as of" not in html and "dg-undated" in html and ">undated<" in html
    dated = str(ctx.figure("gpu-h100-runpod-community"))
    assert "as of 2026-11-09" in dated and "dg-undated" not in dated


def test_check_tells_undated_figures_apart_from_stale_ones(kb: KnowledgeBase) -> None:
    by_cost = {p.message.split("'")[1]: p for p in stale_figures(kb, TODAY, 12)}
    assert by_cost["ft-compute-7b-article"].code == "undated-figure"
    assert "states no date" in by_cost["ft-compute-7b-article"].message
    assert by_cost["ft-openai-gpt-4-1-training"].code == "stale-figure"
    assert "15 months ago" in by_cost["ft-openai-gpt-4-1-training"].message


def test_the_media_use_case_is_carried(kb: KnowledgeBase) -> None:
    media = kb.get("use_cases", "media-summaries-headlines")
    assert media.recommended == "fine-tuning"
    assert "article-enterprise-guide" in media.sources
