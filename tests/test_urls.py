"""Links between pages are relative, matching MkDocs' URLs, so the site works from any sub-path."""

from __future__ import annotations

import pytest
from decision_guide.site.urls import Linker, page_url


@pytest.mark.parametrize(("src", "directory_urls", "url"), [
    ("index.md", True, ""),
    ("criteria/index.md", True, "criteria/"),
    ("criteria/latency.md", True, "criteria/latency/"),
    ("criteria/latency.md", False, "criteria/latency.html"),
    ("index.md", False, "index.html"),
])
def test_page_urls_follow_mkdocs(src: str, directory_urls: bool, url: str) -> None:
    assert page_url(src, use_directory_urls=directory_urls) == url


@pytest.mark.parametrize(("here", "target", "href"), [
    ("index.md", "criteria/latency.md", "criteria/latency/"),
    ("criteria/latency.md", "criteria/setup-cost.md", "../setup-cost/"),
    ("criteria/latency.md", "index.md", "../../"),
    ("criteria/index.md", "criteria/latency.md", "latency/"),
    ("costs.md", "reference/prices.md", "../reference/prices/"),
    ("criteria/latency.md", "criteria/latency.md", "./"),
])
def test_links_are_relative_to_the_page(here: str, target: str, href: str) -> None:
    assert Linker(here).to_page(target) == href


def test_anchors_and_assets() -> None:
    linker = Linker("criteria/latency.md")
    assert linker.to_page("reference/sources.md", "source-x") == "../../reference/sources/#source-x"
    assert Linker("criteria/latency.md", False).to_page("index.md") == "../index.html"
