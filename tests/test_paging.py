"""Lists of a whole section stay bounded: past ``LIST_ROWS`` entries they continue on further
pages with a pager, and every link to an entry finds the page that holds it.

The big knowledge bases are the bench's own scaler (``bench/scale.py``) applied in memory to the
default guide: copies of every entity with suffixed ids, references kept inside each copy.
"""

from __future__ import annotations

import functools
import posixpath
import re
import sys

import pytest
import yaml
from conftest import ROOT, TODAY
from decision_guide.knowledge.base import KnowledgeBase, load_knowledge_files
from decision_guide.site.locations import INDEX_PAGES, PRICES_PAGE, SOURCES_PAGE
from decision_guide.site.navigation import entity_sections
from decision_guide.site.pages import generated_pages
from decision_guide.site.paging import LIST_ROWS, LISTS, page_uri, paginate
from decision_guide.site.render import Renderer, RenderSettings

sys.path.insert(0, str(ROOT / "bench"))
from scale import PER_FILE, read_sections, scaled  # noqa: E402


@functools.cache
def scaled_knowledge(factor: int) -> KnowledgeBase:
    sections = scaled(read_sections(ROOT / "content" / "knowledge"), factor)
    files: dict[str, bytes | str] = {}
    for name, records in sections.items():
        if name == "guide":
            files["content/knowledge/guide.yml"] = yaml.safe_dump({"guide": records[0]}, sort_keys=False)
            continue
        for start in range(0, len(records), PER_FILE):
            files[f"content/knowledge/{name}-{start:05d}.yml"] = yaml.safe_dump(
                {name: records[start:start + PER_FILE]}, sort_keys=False)
    return load_knowledge_files(files, today=TODAY)


@functools.cache
def pages_at(factor: int) -> dict[str, str]:
    renderer = Renderer(scaled_knowledge(factor), RenderSettings(today=TODAY))
    return {page.src_uri: page.content for page in generated_pages(renderer)}


def test_a_list_is_cut_into_pages_of_at_most_the_limit_in_its_order() -> None:
    pages = paginate("reference/prices.md", list(range(450)), rows=200)
    assert [p.entries for p in pages] == [tuple(range(200)), tuple(range(200, 400)),
                                          tuple(range(400, 450))]
    assert [(p.start, p.end, p.total) for p in pages] == [(1, 200, 450), (201, 400, 450),
                                                          (401, 450, 450)]
    assert [p.src_uri for p in pages] == ["reference/prices.md", "reference/prices/2.md",
                                          "reference/prices/3.md"]
    assert [(p.previous, p.next) for p in pages] == [
        (None, "reference/prices/2.md"), ("reference/prices.md", "reference/prices/3.md"),
        ("reference/prices/2.md", None)]


def test_an_empty_or_short_list_is_one_page() -> None:
    assert [(p.src_uri, p.entries) for p in paginate("patterns/index.md", [])] == [
        ("patterns/index.md", ())]
    assert len(paginate("patterns/index.md", list(range(LIST_ROWS)))) == 1


def test_further_pages_are_named_where_no_entity_page_can_be() -> None:
    # ids are lower-case words joined by hyphens: never a path with a slash
    assert page_uri("criteria/index.md", 2) == "criteria/index/2.md"
    assert page_uri("reference/sources.md", 12) == "reference/sources/12.md"


def test_the_default_guide_lists_each_section_on_one_page_without_pager() -> None:
    pages = pages_at(1)
    assert not any("/2.md" in uri for uri in pages)
    assert not any('class="dg-pager"' in content for content in pages.values())


@pytest.mark.slow
def test_at_ten_times_every_list_page_holds_at_most_the_limit_and_every_entry_once() -> None:
    kb, pages = scaled_knowledge(10), pages_at(10)
    for first, (section, _) in LISTS.items():
        uris = [uri for uri in pages if uri == first or uri.startswith(first.removesuffix(".md") + "/")]
        expected = -(-len(kb.section(section)) // LIST_ROWS)
        assert len(uris) == max(expected, 1), first
    prices = [content for uri, content in pages.items()
              if uri == PRICES_PAGE or uri.startswith("reference/prices/")]
    shown = [match for content in prices for match in re.findall(r'<dt id="cost-([a-z0-9-]+)"', content)]
    assert sorted(shown) == sorted(kb.ids("costs"))
    assert max(len(re.findall(r'<dt id="cost-', content)) for content in prices) == LIST_ROWS


def url_of(src_uri: str) -> str:
    """The page's URL under ``use_directory_urls`` (the default)."""
    path = src_uri.removesuffix(".md")
    return "" if path == "index" else path.removesuffix("index") if path.endswith("/index") \
        else path + "/"


@pytest.mark.slow
def test_at_ten_times_a_link_to_an_entry_finds_the_page_that_holds_it() -> None:
    pages = pages_at(10)
    holder = {match: uri for uri, content in pages.items()
              for match in re.findall(r'<dt id="((?:cost|source)-[a-z0-9-]+)"', content)}
    assert {uri for uri in holder.values()} > {PRICES_PAGE, SOURCES_PAGE}, "several pages each"
    checked = 0
    for uri, content in pages.items():
        for target, anchor in re.findall(r'href="([^"#]*)#((?:cost|source)-[a-z0-9-]+)"', content):
            resolved = posixpath.normpath(posixpath.join(url_of(uri), target)) + "/"
            assert resolved == url_of(holder[anchor]), (uri, target, anchor)
            checked += 1
    assert checked > 1000


@pytest.mark.slow
def test_at_ten_times_the_pager_links_every_page_and_marks_the_current_one() -> None:
    pages = pages_at(10)
    second = pages["reference/prices/2.md"]
    assert 'title: "Prices, page 2 of 4"' in second
    assert second.count('aria-current="page"') == 2  # above and below the list
    assert 'rel="prev"' in second and 'rel="next"' in second
    assert 'aria-label="Prices: pages"' in second and 'aria-label="Prices: pages (end of list)"' in second
    assert "entries 201–400 of 740" in second


@pytest.mark.slow
def test_the_further_pages_are_filed_under_the_first_in_the_navigation() -> None:
    sections = entity_sections(scaled_knowledge(10))
    assert sections["reference/prices/4.md"] == PRICES_PAGE
    assert sections["reference/sources/2.md"] == SOURCES_PAGE
    assert set(INDEX_PAGES) - set(sections) == set(INDEX_PAGES)  # first pages stay in the nav


@pytest.mark.slow
def test_the_largest_list_page_stops_growing_with_the_knowledge_base() -> None:
    def largest_list_page(factor: int) -> int:
        return max(len(content) for uri, content in pages_at(factor).items()
                   if uri in INDEX_PAGES or any(uri.startswith(first.removesuffix(".md") + "/")
                                                for first in INDEX_PAGES))
    # Linear growth would double it. Entries differ in size (a criterion with inferred ratings
    # carries their notes), so which entries share a page moves the largest page by up to a third.
    assert largest_list_page(20) <= 1.5 * largest_list_page(10)
