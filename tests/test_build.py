"""Whole-site builds: the default guide, a second guide on another question, and an edit."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, SECOND_GUIDE, build_project, set_cost_value
from decision_guide.knowledge.base import load_knowledge
from site_scan import figures, html_pages, resources

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def default_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_project(ROOT, tmp_path_factory.mktemp("default") / "site")


def test_every_entity_gets_its_own_page(default_site: Path) -> None:
    kb = load_knowledge(ROOT / "content" / "knowledge")
    for folder, section in (("criteria", kb.criteria), ("patterns", kb.patterns),
                            ("use-cases", kb.use_cases)):
        assert (default_site / folder / "index.html").is_file()
        for entity in section:
            assert (default_site / folder / entity.id / "index.html").is_file(), entity.id
    for page in ("reference/prices", "reference/sources", "reference/facts"):
        assert (default_site / page / "index.html").is_file()


def test_the_site_loads_nothing_from_outside(default_site: Path) -> None:
    for page in html_pages(default_site):
        html = page.read_text(encoding="utf-8")
        loaded, _ = resources(html)
        outside = [url for url in loaded if re.match(r"^(https?:)?//", url)]
        assert outside == [], f"{page}: {outside}"
        assert "fonts.googleapis" not in html and 'class="mermaid"' not in html


def test_internal_links_are_relative_so_the_site_works_from_a_sub_path(default_site: Path) -> None:
    for page in html_pages(default_site):
        loaded, links = resources(page.read_text(encoding="utf-8"))
        rooted = [url for url in loaded + links if url.startswith("/") and not url.startswith("//")]
        assert rooted == [], f"{page}: {rooted}"


def test_a_generated_page_edits_the_yaml_behind_it(default_site: Path) -> None:
    html = (default_site / "criteria" / "latency" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="[^"]*/edit/main/content/knowledge/criteria\.yml"', html)
    prices = (default_site / "reference" / "prices" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="[^"]*/edit/main/content/knowledge/costs\.yml"', prices)


def test_every_figure_on_the_prices_page_shows_source_and_date(default_site: Path) -> None:
    html = (default_site / "reference" / "prices" / "index.html").read_text(encoding="utf-8")
    kb = load_knowledge(ROOT / "content" / "knowledge")
    assert "as of undated" not in html
    for cost in kb.costs:
        assert f'id="cost-{cost.id}"' in html
        entry = html.split(f'id="cost-{cost.id}"')[1].split("</dd>")[0]
        if cost.as_of == "undated":  # the source gives no date: flagged, never invented
            assert "dg-undated" in entry and "as of" not in entry.split("dg-cites")[0]
        else:
            assert f"as of {cost.as_of}" in entry


def test_the_second_guide_builds_with_the_same_plugin(tmp_path: Path) -> None:
    site = build_project(SECOND_GUIDE, tmp_path / "site")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert home.count('<th scope="col">Self-host</th>') >= 1
    assert (site / "criteria" / "unit-cost" / "index.html").is_file()
    assert "checked 2 years ago" in home  # the stale 2024 figure is flagged


def test_nothing_in_the_engine_names_the_default_guides_options() -> None:
    for path in (ROOT / "plugins").rglob("*"):
        if path.is_file() and path.suffix in (".py", ".html", ".md", ".css", ".js"):
            text = path.read_text(encoding="utf-8").lower()
            assert "fine-tun" not in text and "retrieval-augmented" not in text, path
            assert not re.search(r"\brag\b", text), path


def test_an_edited_price_changes_every_page_and_calculator_that_shows_it(
        tmp_path: Path, project_copy: Callable[[Path], Path], default_site: Path) -> None:
    cost_id = "llm-sonnet-5-input"
    before = {p.relative_to(default_site): figures(p.read_text(encoding="utf-8"))
              for p in html_pages(default_site)}
    showing = {page for page, found in before.items() if any(i == cost_id for i, _ in found)}
    assert len(showing) >= 2

    project = project_copy(ROOT)
    data = yaml.safe_load((project / "content" / "knowledge" / "costs.yml").read_text(encoding="utf-8"))
    old = next(c for c in data["costs"] if c["id"] == cost_id)["value"]
    set_cost_value(project, cost_id, 3.37)
    site = build_project(project, tmp_path / "site")

    for page in showing:
        shown = {amount for i, amount in figures((site / page).read_text(encoding="utf-8"))
                 if i == cost_id}
        assert shown == {"3.37"}, page
    for page in html_pages(site):
        shown = {amount for i, amount in figures(page.read_text(encoding="utf-8")) if i == cost_id}
        assert f"{old:.2f}" not in shown
    costs_page = (site / "costs" / "index.html").read_text(encoding="utf-8")
    assert 'name="llm_input_price" type="number" inputmode="decimal" value="3.37"' in costs_page


def test_the_nav_lists_sections_not_every_entity(default_site: Path) -> None:
    """Listing every entity in the nav put the whole knowledge base on every page."""
    kb = load_knowledge(ROOT / "content" / "knowledge")
    home = (default_site / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('<nav class="md-nav md-nav--primary'):home.index('<div class="md-content"')]
    assert 'href="criteria/"' in nav
    for criterion in kb.criteria:
        assert f'href="criteria/{criterion.id}/"' not in nav, criterion.id
    index = (default_site / "criteria" / "index.html").read_text(encoding="utf-8")
    for criterion in kb.criteria:  # the section's index lists them instead
        assert f'href="{criterion.id}/"' in index, criterion.id


def test_an_entity_page_shows_its_section_as_the_current_tab(default_site: Path) -> None:
    html = (default_site / "criteria" / "latency" / "index.html").read_text(encoding="utf-8")
    active = re.search(r'<li class="md-tabs__item md-tabs__item--active">\s*<a href="([^"]+)"', html)
    assert active is not None and active.group(1) == "../"
