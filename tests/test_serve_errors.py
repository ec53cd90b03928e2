"""Under `mkdocs serve`, a YAML mistake never stops the server: every page shows the problem
list until the YAML is fixed, and then the guide comes back by itself."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT
from serving import mkdocs_serve

pytestmark = [pytest.mark.slow, pytest.mark.browser]

GOOD_UNIT = "    unit: usd-per-gpu-hour\n"
BAD_UNIT = "    unit: usd-per-gpu-hr\n"


def _replace_once(path: Path, old: str, new: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def test_a_broken_save_shows_the_problems_on_every_page_until_fixed(
        browser, project_copy: Callable[[Path], Path]) -> None:  # type: ignore[no-untyped-def]
    project = project_copy(ROOT)
    costs = project / "content" / "knowledge" / "costs.yml"
    with mkdocs_serve(project) as url:
        page = browser.new_page()
        page.goto(url)
        assert page.locator(".dg-banner").count() == 0
        page.evaluate("window.__beforeReload = true")
        line = _replace_once(costs, GOOD_UNIT, BAD_UNIT)
        page.wait_for_function("() => !window.__beforeReload", timeout=60_000)
        banner = page.locator(".dg-banner")
        expected = (f"content/knowledge/costs.yml:{line}:11: costs[")
        assert expected in banner.inner_text()
        assert "unknown unit id 'usd-per-gpu-hr'; did you mean 'usd-per-gpu-hour'" in banner.inner_text()
        for path in ("criteria/latency/", "costs/", "reference/prices/"):
            page.goto(url + path)
            assert "usd-per-gpu-hr" in page.locator(".dg-banner").inner_text(), path
            assert page.locator("article h1").count() == 1  # the page itself still renders
        page.evaluate("window.__beforeReload = true")
        _replace_once(costs, BAD_UNIT, GOOD_UNIT)
        page.wait_for_function("() => !window.__beforeReload", timeout=60_000)
        assert page.locator(".dg-banner").count() == 0
        page.close()


def test_serve_starts_even_when_the_yaml_is_broken_from_the_start(
        browser, project_copy: Callable[[Path], Path]) -> None:  # type: ignore[no-untyped-def]
    project = project_copy(ROOT)
    sources = project / "content" / "knowledge" / "sources.yml"
    _replace_once(sources, "    title:", "    titel:")
    with mkdocs_serve(project) as url:
        page = browser.new_page()
        page.goto(url)
        text = page.locator(".dg-banner").inner_text()
        assert "unknown key 'titel'; did you mean 'title'?" in text
        page.goto(url + "criteria/")
        assert "does not load yet" in page.locator("article").inner_text()
        page.close()
