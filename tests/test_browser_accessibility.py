"""Every page of the built guide passes axe-core (WCAG 2.2 AA and best practices) with no
violation, at desktop width and on a 375 px phone; every table's caption spans its table (on a
phone, where rows become cards, it read one word per line), and on the phone no page scrolls
sideways.

axe-core comes from npm (the project's package.json, installed by `make test` with `npm ci`).
It is injected as a script, so these pages are opened with the CSP bypassed; the CSP itself is
tested in test_browser_site.py.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, build_project
from site_scan import html_pages
from static_server import serve_site

pytestmark = [pytest.mark.slow, pytest.mark.browser]

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 812}}
NARROW_CAPTIONS = """() => [...document.querySelectorAll("table > caption")]
  .filter((c) => c.getBoundingClientRect().width < c.parentElement.getBoundingClientRect().width - 1)
  .map((c) => `caption "${c.textContent.trim()}" is ${Math.round(c.getBoundingClientRect().width)} px \
wide in a table of ${Math.round(c.parentElement.getBoundingClientRect().width)} px`)"""
RUN_AXE = """async () => {
  const { violations } = await axe.run(document, { resultTypes: ["violations"] });
  return violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3)
    .map((n) => n.target.join(" ")).join(" | ")}`);
}"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_project(ROOT, tmp_path_factory.mktemp("a11y") / "site")


@pytest.fixture(scope="module")
def base(site: Path) -> Iterator[str]:
    with serve_site(site) as url:
        yield url


@pytest.mark.parametrize("width", WIDTHS, ids=list(WIDTHS))
def test_every_page_has_no_axe_violations(browser, site: Path, base: str, width: str) -> None:  # type: ignore[no-untyped-def]
    assert AXE.is_file(), "axe-core is missing: run `npm ci` (make test does)"
    axe = AXE.read_text(encoding="utf-8")
    context = browser.new_context(viewport=WIDTHS[width], bypass_csp=True)
    page = context.new_page()
    found = {}
    for html in html_pages(site):
        path = html.parent.relative_to(site).as_posix()
        url = base + ("" if path == "." else path + "/")
        page.goto(url)
        page.wait_for_load_state("networkidle")
        # axe judges contrast from the laid-out page: what the browser skips until the reader
        # comes near (content-visibility: auto, the tables) it would misread.
        page.add_style_tag(content="* { content-visibility: visible !important; }")
        page.add_script_tag(content=axe)
        violations = page.evaluate(RUN_AXE)
        if violations:
            found[url] = violations
        if width == "phone":
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            if overflow > 0:
                found.setdefault(url, []).append(f"scrolls sideways by {overflow} px")
        if narrow := page.evaluate(NARROW_CAPTIONS):
            found.setdefault(url, []).extend(narrow)
    context.close()
    assert found == {}, json.dumps(found, indent=1)
