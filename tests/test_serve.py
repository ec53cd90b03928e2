"""Live editing: under a real `mkdocs serve`, saving YAML rebuilds and reloads the browser."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT
from serving import mkdocs_serve

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def _set_cost(project: Path, cost_id: str, value: str) -> None:
    costs = project / "content" / "knowledge" / "costs.yml"
    text = costs.read_text(encoding="utf-8")
    pattern = re.compile(rf"(- id: {re.escape(cost_id)}\n(?:    .*\n)*?    value: )[0-9.]+")
    costs.write_text(pattern.sub(rf"\g<1>{value}", text, count=1), encoding="utf-8")


def test_saving_a_knowledge_file_reloads_the_page_with_the_new_figure(
        browser, project_copy: Callable[[Path], Path]) -> None:  # type: ignore[no-untyped-def]
    project = project_copy(ROOT)
    with mkdocs_serve(project) as url:
        page = browser.new_page()
        page.goto(url + "reference/prices/")
        figure = page.locator('[data-cost="llm-sonnet-5-input"] .dg-figure__value').first
        assert figure.inner_text().startswith("2.00")
        page.evaluate("window.__beforeReload = true")
        _set_cost(project, "llm-sonnet-5-input", "2.45")
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
