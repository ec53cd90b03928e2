"""Links between pages are relative, matching MkDocs' URLs, so the site works from any sub-path."""

from __future__ import annotations

import posixpath
from urllib.parse import urljoin, urlsplit

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


PAGES = ["index.md", "costs.md", "criteria/index.md", "criteria/latency.md", "reference/prices.md",
         "reference/sources.md", "use-cases/legal-research.md"]


def browser_reads(href: str, here: str, directory_urls: bool = True) -> str:
    """The address a browser opens for ``href`` on the page built from ``here``."""
    base = "https://site.example/sub/" + page_url(here, use_directory_urls=directory_urls)
    return urljoin(base, href)


def zensical_reads(href: str, here: str, directory_urls: bool = True) -> str:
    """Zensical's rewrite of a relative link (its ``links`` rule: a ``.md`` path becomes its URL,
    and a page that becomes a folder gets ``../`` in front), then the browser's reading."""
    parts = urlsplit(href)
    path = parts.path
    if path.endswith(".md"):
        path = page_url(path, use_directory_urls=directory_urls)
        path = path or "./"
    if path and directory_urls and posixpath.basename(here) != "index.md":
        path = f"../{path}"
    return browser_reads(parts._replace(path=path).geturl(), here, directory_urls)


@pytest.mark.parametrize("directory_urls", [True, False])
@pytest.mark.parametrize("here", PAGES)
def test_links_written_for_zensical_reach_the_same_page_as_links_for_mkdocs(
        here: str, directory_urls: bool) -> None:
    """MkDocs leaves links in raw HTML alone, so the browser reads them from the page's URL;
    Zensical rewrites them as written from the Markdown file. Both must land on one address."""
    for target in PAGES:
        for anchor in (None, "cost-x"):
            for_mkdocs = Linker(here, directory_urls).to_page(target, anchor)
            for_zensical = Linker(here, directory_urls, relative_to="file").to_page(target, anchor)
            assert zensical_reads(for_zensical, here, directory_urls) == browser_reads(
                for_mkdocs, here, directory_urls), (here, target, anchor)


def test_links_written_for_zensical_name_markdown_files() -> None:
    linker = Linker("criteria/latency.md", relative_to="file")
    assert linker.to_page("reference/prices.md", "cost-gpu") == "../reference/prices.md#cost-gpu"
    assert linker.to_page("criteria/latency.md", "thresholds") == "#thresholds"
    assert linker.to_page("criteria/index.md") == "index.md"
