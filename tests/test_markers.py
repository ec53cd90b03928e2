"""Markers in hand-written pages expand to generated blocks, or fail with page:line:col."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest
from conftest import ROOT, TODAY
from decision_guide.guide import load_guide
from decision_guide.knowledge.base import KnowledgeBase, load_knowledge
from decision_guide.site.markers import expand_markers
from decision_guide.site.render import Renderer, RenderSettings

SECOND = Path(__file__).parent / "fixtures" / "second-guide"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge(SECOND / "content" / "knowledge", project_root=SECOND,
                          today=dt.date(2026, 11, 21))


def expand(kb: KnowledgeBase, text: str) -> tuple[str, list[str]]:
    renderer = Renderer(kb, RenderSettings(today=dt.date(2026, 11, 21)))
    html, problems = expand_markers(text, renderer.context("guide/page.md"), "page.md",
                                    line_offset=3)
    return html, [str(p) for p in problems]


def test_a_block_marker_becomes_a_table_with_relative_links(kb: KnowledgeBase) -> None:
    html, problems = expand(kb, "Intro\n\n<!-- guide:comparison group=money -->\n")
    assert problems == []
    assert '<table class="dg-table' in html
    assert 'href="../../criteria/unit-cost/"' in html
    assert "data-control" not in html  # other group


def test_an_inline_marker_renders_figure_unit_date_and_source(kb: KnowledgeBase) -> None:
    html, problems = expand(kb, "A GPU costs <!-- guide:cost id=gpu-hour --> today.")
    assert problems == []
    assert html.startswith("A GPU costs <span class=\"dg-figure\"")
    assert "2.50&nbsp;USD / GPU-hour" in html and "as of 2026-09" in html
    assert "Example Cloud" in html and html.endswith(" today.")


def test_markers_inside_fenced_code_are_left_alone(kb: KnowledgeBase) -> None:
    text = "```markdown\n<!-- guide:comparison -->\n```\n"
    assert expand(kb, text) == (text, [])


def test_an_unknown_id_names_page_line_and_closest_ids(kb: KnowledgeBase) -> None:
    _, problems = expand(kb, "one\n\nPrice: <!-- guide:cost id=gpu-houre -->\n")
    assert problems == ["page.md:6:8: marker '<!-- guide:cost id=gpu-houre -->': unknown costs "
                        "id 'gpu-houre'; did you mean 'gpu-hour'? [bad-marker]"]


@pytest.mark.parametrize(("marker", "message"), [
    ("<!-- guide:compare -->", "unknown block 'compare'; did you mean 'comparison'?"),
    ("<!-- guide:comparison grup=money -->",
     "block 'comparison' has no argument 'grup'; did you mean 'group'?"),
    ("<!-- guide:comparison group=mony -->", "unknown criterion group 'mony'; did you mean 'money'?"),
    ("<!-- guide:cost -->", "block 'cost' needs id"),
    ("<!-- guide:comparison group -->", "expected key=value; got 'group'"),
])
def test_wrong_markers_are_problems_not_plain_text(kb: KnowledgeBase, marker: str,
                                                    message: str) -> None:
    _, problems = expand(kb, marker)
    assert len(problems) == 1 and message in problems[0] and problems[0].startswith("page.md:4:1:")


def test_a_table_block_inside_a_sentence_is_refused(kb: KnowledgeBase) -> None:
    _, problems = expand(kb, "See <!-- guide:matrix --> here")
    assert "must stand alone on its line" in problems[0]


def test_an_unclosed_marker_is_reported(kb: KnowledgeBase) -> None:
    _, problems = expand(kb, "<!-- guide:comparison\n")
    assert "not closed" in problems[0]


def test_yaml_text_is_escaped_in_blocks(kb: KnowledgeBase) -> None:
    option = kb.options[0].model_copy(update={"summary": "<script>alert(1)</script> *safe*"})
    hostile = dataclasses.replace(kb, options=(option, *kb.options[1:]))
    html, _ = expand(hostile, "<!-- guide:options -->")
    assert "<script>" not in html and "&lt;script&gt;" in html and "<em>safe</em>" in html


def test_a_calculator_says_where_each_default_comes_from_in_a_sentence() -> None:
    guide = load_guide(ROOT / "content" / "knowledge", ROOT / "calculators", project_root=ROOT,
                       settings=RenderSettings(today=TODAY))
    html, problems = guide.expand("<!-- guide:calculator id=rag-cost -->\n", "costs.md", "costs.md")
    assert problems == []
    sources = [" ".join(re.sub(r"<[^>]+>", "", s).replace("&nbsp;", " ").split()) for s in re.findall(
        r'<span class="dg-field__source[^"]*">(.*?)</p>', html, re.S)]
    statement = guide.kb.get("facts", "article-query-example").statement
    assert any(s.startswith(f"Default based on: {statement}") for s in sources)  # a fact
    price = re.compile(r"Default from [\d.]+ USD / 1M tokens as of \d{4}-\d\d")
    assert any(price.match(s) for s in sources)  # a price
    assert any(s.startswith("Default assumed: ") for s in sources)  # the author's own value
