"""A rating or matrix tick the guide inferred is marked as such, with what it was inferred from;
where sources disagree, every side is shown with its own citations."""

from __future__ import annotations

import datetime as dt

from corpus import BASE_FILES, TODAY, knowledge_problems
from decision_guide.knowledge.base import KnowledgeBase, load_knowledge_files
from decision_guide.site.markers import expand_markers
from decision_guide.site.pages import generated_pages
from decision_guide.site.render import Renderer, RenderSettings

ENTITIES = "content/knowledge/entities.yml"
INFERRED_RATING = (
    "      api: {rating: fair, note: Simple per-token pricing that never falls.}\n",
    "      api:\n        rating: fair\n        note: Simple per-token pricing that never falls.\n"
    "        inferred_from:\n          basis: the survey remarks on list prices\n"
    "          sources: [survey]\n")
INFERRED_TICK = (
    '      - {id: "yes", label: "Yes", scores: {self-host: 3, api: 0}}\n',
    '      - id: "yes"\n        label: "Yes"\n        scores: {self-host: 3, api: 0}\n'
    "        inferred_from: {basis: the GPU price list volume discounts, sources: [gpu-prices]}\n")
DISAGREEMENT = """disagreements:
  - id: gpu-share
    claim: How many teams host their own model?
    sides:
      - {value: Most, says: The survey says most teams do., sources: [survey]}
      - {value: Few, says: "The price list implies few can afford it: {cost:gpu-hour}", sources: [gpu-prices]}
    reading: The guide follows the survey.
    criteria: [data-control]
    costs: [gpu-hour]
    facts: [self-host-share]
"""


def _files(*edits: tuple[str, str], extra: str | None = None) -> dict[str, bytes | str]:
    raw = BASE_FILES[ENTITIES]
    text = raw.decode() if isinstance(raw, bytes) else str(raw)
    for old, new in edits:
        assert old in text
        text = text.replace(old, new)
    files: dict[str, bytes | str] = {**BASE_FILES, ENTITIES: text}
    if extra is not None:
        files["content/knowledge/disagreements.yml"] = extra
    return files


def _kb(*edits: tuple[str, str], extra: str | None = None) -> KnowledgeBase:
    return load_knowledge_files(_files(*edits, extra=extra), today=TODAY)


def _expand(kb: KnowledgeBase, marker: str) -> str:
    renderer = Renderer(kb, RenderSettings(today=dt.date(2026, 11, 21)))
    html, problems = expand_markers(marker, renderer.context("guide/page.md"), "page.md")
    assert problems == []
    return html


def test_an_inferred_rating_is_marked_in_the_table_and_explained_under_it() -> None:
    html = _expand(_kb(INFERRED_RATING), "<!-- guide:comparison -->")
    assert html.count('class="dg-cell--inferred"') == 1
    cell = html.split('class="dg-cell--inferred"')[1].split("</td>")[0]
    assert "Fair" in cell and ">inferred</a>" in cell
    note = html.split('<div class="dg-inferred-notes">')[1]
    assert "<strong>API on Cost per token at scale</strong>: inferred from the survey remarks" in note
    assert 'class="dg-cite"' in note
    anchor = cell.split('href="#')[1].split('"')[0]
    assert f'<li id="{anchor}">' in note, "the mark links to its note"


def test_stated_ratings_carry_no_mark_and_no_notes() -> None:
    html = _expand(_kb(), "<!-- guide:comparison -->")
    assert "dg-inferred" not in html and "dg-cell--inferred" not in html


def test_an_inferred_matrix_tick_is_marked_and_explained() -> None:
    html = _expand(_kb(INFERRED_TICK), "<!-- guide:matrix -->")
    tick = html.split('dg-cell--inferred"')[1].split("</td>")[0]
    assert "✓" in tick and ">inferred</a>" in tick
    assert "inferred from the GPU price list volume discounts" in html


def test_two_tables_on_one_page_keep_their_note_anchors_apart() -> None:
    kb = _kb(INFERRED_RATING)
    first = _expand(kb, "<!-- guide:comparison -->")
    second = _expand(kb, "<!-- guide:comparison group=money -->")
    ids = {part.split('"')[0] for part in (first + second).split(' id="')[1:]}
    assert len(ids) == (first + second).count(' id="')


def test_the_sources_an_inference_names_are_checked_like_any_reference() -> None:
    old, new = INFERRED_RATING
    broken = _files((old, new.replace("[survey]", "[surveys]")))[ENTITIES]
    problems = knowledge_problems({"entities.yml": broken})
    assert any("criteria[0].assessments.api.inferred_from.sources[0]: unknown source id 'surveys'" in p
               for p in problems), problems


def test_a_disagreement_shows_every_side_with_its_citations_on_its_criterion_and_list_pages() -> None:
    kb = _kb(extra=DISAGREEMENT)
    pages = {p.src_uri: p.content for p in generated_pages(Renderer(kb, RenderSettings(today=TODAY)))}
    for uri in ("reference/disagreements.md", "criteria/data-control.md"):
        page = pages[uri]
        assert "How many teams host their own model?" in page
        most, few = page.split('<li class="dg-side">')[1:3]
        assert "Most" in most and "The survey says most teams do." in most and "dg-cite" in most
        assert "Few" in few and 'class="dg-figure"' in few
        assert few.count('class="dg-cite"') == 1, "the figure's citation is not repeated for the side"
        assert "The guide follows the survey." in page
    assert "How many teams" not in pages["criteria/unit-cost.md"]


def test_a_disagreement_needs_two_sides_and_known_ids() -> None:
    one_side = DISAGREEMENT.split("      - {value: Few")[0] + "    criteria: [data-contrl]\n"
    problems = knowledge_problems({"disagreements.yml": one_side})
    assert any("sides" in p and "at least 2" in p for p in problems), problems
    misspelt = DISAGREEMENT.replace("[data-control]", "[data-contrl]")
    problems = knowledge_problems({"disagreements.yml": misspelt})
    assert any("disagreements[0].criteria[0]: unknown criterion id 'data-contrl'" in p
               for p in problems), problems


def test_a_side_with_a_bare_figure_is_refused() -> None:
    problems = knowledge_problems({"disagreements.yml": DISAGREEMENT.replace("most teams do.", "61% do.")})
    assert any("[bare-figure]" in p and "sides[0].says" in p for p in problems), problems


def test_the_figures_a_disagreement_concerns_link_to_it_where_they_are_listed() -> None:
    kb = _kb(extra=DISAGREEMENT)
    link = 'class="dg-disputed" href="../../reference/disagreements/#disagreement-gpu-share"'
    facts = _expand(kb, "<!-- guide:facts -->")
    assert facts.split('id="fact-self-host-share"')[1].split("</li>")[0].count(link) == 1
    costs = _expand(kb, "<!-- guide:costs -->")
    row = next(r for r in costs.split("<tr>") if "#cost-gpu-hour" in r)
    assert link in row
    assert _expand(_kb(), "<!-- guide:facts -->").count("dg-disputed") == 0
