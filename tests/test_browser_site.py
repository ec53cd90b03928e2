"""The built site in Chromium, served from a sub-path under `script-src 'self'`: every page
loads without a console error or CSP violation, and nothing is requested from outside."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, build_project
from site_scan import html_pages
from static_server import serve_site

pytestmark = [pytest.mark.slow, pytest.mark.browser]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_project(ROOT, tmp_path_factory.mktemp("browser") / "site")


def test_no_page_logs_an_error_breaks_the_csp_or_reaches_outside(browser, site: Path) -> None:  # type: ignore[no-untyped-def]
    with serve_site(site) as base:
        page = browser.new_page()
        errors: list[str] = []
        outside: list[str] = []
        page.on("console", lambda m: errors.append(f"{page.url}: {m.text}")
                if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
        page.on("request", lambda r: outside.append(r.url)
                if not r.url.startswith(base) and not r.url.startswith("data:") else None)
        for path in html_pages(site):
            relative = path.relative_to(site).as_posix().removesuffix("index.html")
            page.goto(base + relative, wait_until="load")
        page.close()
    assert errors == []
    assert outside == []


def test_material_keeps_working_without_inline_scripts(browser, site: Path) -> None:  # type: ignore[no-untyped-def]
    with serve_site(site) as base:
        page = browser.new_page()
        page.goto(base)
        assert page.evaluate("typeof __md_get") == "function"
        page.locator("label[for='__palette_1']").first.click()
        assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
        page.goto(base + "comparison/")  # the choice is remembered within the sub-path scope
        assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
        page.close()
