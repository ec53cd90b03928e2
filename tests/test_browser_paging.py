"""A list that runs over several pages, in the browser: the guide's knowledge base copied ten
times (the bench's scaler), built strictly. Its pages pass axe-core at desktop and phone width
without scrolling sideways, their captions as wide as their tables, and a reader goes from page
to page with the pager, which marks the page they are on."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from conftest import ROOT, build_project
from static_server import serve_site
from test_browser_accessibility import AXE, NARROW_CAPTIONS, RUN_AXE, WIDTHS

sys.path.insert(0, str(ROOT / "bench"))
from scale import scaled_project  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.browser]

PAGED = ["reference/prices/", "reference/prices/2/", "reference/prices/4/", "reference/sources/2/",
         "reference/facts/2/"]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    work = tmp_path_factory.mktemp("paging")
    config, _ = scaled_project(ROOT, work / "project", 10)
    site = build_project(config.parent, work / "site")
    with serve_site(site) as url:
        yield url


@pytest.mark.parametrize("width", WIDTHS, ids=list(WIDTHS))
def test_the_pages_of_a_long_list_have_no_axe_violations(browser, base: str, width: str) -> None:  # type: ignore[no-untyped-def]
    axe = AXE.read_text(encoding="utf-8")
    context = browser.new_context(viewport=WIDTHS[width], bypass_csp=True)
    page = context.new_page()
    found = {}
    for path in PAGED:
        page.goto(base + path)
        page.add_script_tag(content=axe)
        violations = page.evaluate(RUN_AXE)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        problems = [*violations, *([f"scrolls sideways by {overflow} px"] if overflow > 0 else []),
                    *page.evaluate(NARROW_CAPTIONS)]
        if problems:
            found[path] = problems
    context.close()
    assert found == {}


def test_the_pager_leads_from_page_to_page(browser, base: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(base + "reference/prices/")
    pager = page.get_by_role("navigation", name="Prices: pages", exact=True)
    assert pager.locator('[aria-current="page"]').inner_text() == "1"
    pager.get_by_role("link", name="Next").click()
    page.wait_for_url("**/reference/prices/2/")
    pager = page.get_by_role("navigation", name="Prices: pages", exact=True)
    assert pager.locator('[aria-current="page"]').inner_text() == "2"
    pager.get_by_role("link", name="Page 4").click()
    page.wait_for_url("**/reference/prices/4/")
    assert page.get_by_role("navigation", name="Prices: pages", exact=True).get_by_role(
        "link", name="Next").count() == 0
    page.close()
