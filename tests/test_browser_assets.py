"""What each page loads: one stylesheet and one small script everywhere, the calculators'
runtime only where there is a calculator, and calculators that compute with the built site
opened from disk (file://), where browsers refuse ES modules."""

from __future__ import annotations

from pathlib import Path

import pytest
from browsing import DESKTOP
from conftest import ROOT, build_project
from static_server import serve_site

pytestmark = [pytest.mark.slow, pytest.mark.browser]

OWN = "/assets/decision-guide/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_project(ROOT, tmp_path_factory.mktemp("assets") / "site")


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda message: page.errors.append(message.text)
            if message.type == "error" else None)
    yield page
    context.close()


def own_requests(page, url: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The plugin's own files (not the theme overrides) the page at `url` requests."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return sorted(url.rsplit("/", 1)[1] for url in requested if OWN in url and "/theme/" not in url)


def test_a_page_without_calculators_loads_one_stylesheet_and_one_script(site: Path, page) -> None:  # type: ignore[no-untyped-def]
    with serve_site(site) as base:
        assert own_requests(page, base) == ["decision-guide.css", "decision-guide.js"]
        assert page.errors == []


def test_a_calculator_page_adds_only_the_runtime_bundle(site: Path, page) -> None:  # type: ignore[no-untyped-def]
    with serve_site(site) as base:
        assert own_requests(page, base + "costs/") == [
            "calculators.js", "decision-guide.css", "decision-guide.js"]
        page.locator('[data-calculator="break-even"][data-calculator-mounted]').wait_for()
        assert page.errors == []


def test_a_calculator_computes_with_the_site_opened_from_disk(site: Path, page) -> None:  # type: ignore[no-untyped-def]
    page.goto((site / "costs" / "index.html").as_uri())
    root = page.locator('[data-calculator="rag-cost"][data-calculator-mounted]')
    root.wait_for()
    total = root.locator('output[data-output="monthly_total"]')
    before = total.text_content()
    root.locator('input[name="queries"]').fill("3000000")
    page.wait_for_function("([el, before]) => el.textContent !== before",
                           arg=[total.element_handle(), before])
    assert page.errors == []

