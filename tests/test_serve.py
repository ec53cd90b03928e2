"""Live editing: under a real `mkdocs serve`, saving YAML rebuilds and reloads the browser."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, set_cost_value
from serving import mkdocs_serve

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def test_saving_a_knowledge_file_reloads_the_page_with_the_new_figure(
        browser, project_copy: Callable[[Path], Path]) -> None:  # type: ignore[no-untyped-def]
    project = project_copy(ROOT)
    with mkdocs_serve(project) as url:
        page = browser.new_page()
        page.goto(url + "reference/prices/")
        figure = page.locator('[data-cost="llm-sonnet-5-input"] .dg-figure__value').first
        assert figure.inner_text().startswith("2.00")
        page.evaluate("window.__beforeReload = true")
        set_cost_value(project, "llm-sonnet-5-input", "2.45")
        page.wait_for_function("() => !window.__beforeReload", timeout=60_000)
        page.locator('[data-cost="llm-sonnet-5-input"] .dg-figure__value').first.wait_for()
        assert page.locator('[data-cost="llm-sonnet-5-input"] .dg-figure__value').first \
            .inner_text().startswith("2.45")
        page.close()


def test_saving_a_calculator_file_reloads_the_page(
        browser, project_copy: Callable[[Path], Path]) -> None:  # type: ignore[no-untyped-def]
    project = project_copy(ROOT)
    with mkdocs_serve(project) as url:
        page = browser.new_page()
        page.goto(url + "latency/")
        page.evaluate("window.__beforeReload = true")
        definition = project / "calculators" / "latency-budget.yml"
        definition.write_text(definition.read_text(encoding="utf-8").replace(
            "does not fit.", "does not fit. Edited while serving."), encoding="utf-8")
        page.wait_for_function("() => !window.__beforeReload", timeout=60_000)
        assert "Edited while serving." in page.locator("[data-calculator=latency-budget]").inner_text()
        page.close()


def test_saving_the_words_file_reloads_the_page_with_the_new_words(
        browser, project_copy: Callable[[Path], Path]) -> None:  # type: ignore[no-untyped-def]
    project = project_copy(ROOT)
    words = project / "words.yml"
    words.write_text("calculator:\n  reset: Start over\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - decision-guide:\n", "  - decision-guide:\n      words: words.yml\n", 1), encoding="utf-8")
    with mkdocs_serve(project) as url:
        page = browser.new_page()
        page.goto(url + "latency/")
        reset = page.locator("[data-calculator=latency-budget] button[data-reset]")
        assert reset.inner_text() == "Start over"
        page.evaluate("window.__beforeReload = true")
        words.write_text("calculator:\n  reset: Begin again\n", encoding="utf-8")
        page.wait_for_function("() => !window.__beforeReload", timeout=60_000)
        assert reset.inner_text() == "Begin again"
        page.close()
