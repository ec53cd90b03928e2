"""Chromium's ICU gives the golden strings too: the browser, not only node, is the twin that
``formats.py`` must match, and its ICU may be a different version from node's."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

CONTRACTS = Path(__file__).resolve().parent / "contracts" / "formats"
FORMAT_JS = Path(__file__).resolve().parents[1] / "plugins/decision_guide/calculators/runtime/format.js"

MISMATCHES = """async ([source, anchors, grid]) => {
  const { DEFAULT_STYLE, formatValue } = await import(`data:text/javascript;base64,${source}`);
  const wrong = [];
  for (const c of anchors) {
    const style = { ...DEFAULT_STYLE, locale: c.locale, currency: c.currency };
    const text = formatValue(c.value, c.format, style, c.decimals);
    if (text !== c.text) wrong.push([c.locale, c.currency, c.format, c.value, c.text, text]);
  }
  for (const c of grid.cases) {
    const text = formatValue(c.value, c.format, grid.styles[c.style], c.decimals);
    if (text !== c.text) wrong.push([c.style, c.format, c.value, c.text, text]);
  }
  return wrong;
}"""


@pytest.mark.browser
def test_chromium_formats_every_golden_case_alike(browser) -> None:  # type: ignore[no-untyped-def]
    source = base64.b64encode(FORMAT_JS.read_bytes()).decode()
    anchors = json.loads((CONTRACTS / "anchors.json").read_text(encoding="utf-8"))["cases"]
    grid = json.loads((CONTRACTS / "localised.json").read_text(encoding="utf-8"))
    page = browser.new_page()
    try:
        assert page.evaluate(MISMATCHES, [source, anchors, grid]) == []
    finally:
        page.close()
