"""What the reader's browser does: recompute time of every calculator, in Chromium, and
Lighthouse's mobile scores (performance, accessibility) of chosen pages.

Recompute: the time of one input event's handling (the runtime recomputes and redraws
synchronously), repeated with changing values; the first runs warm the JIT up and are dropped.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

RECOMPUTE = """([calc, runs]) => {
  const root = document.querySelector(`[data-calculator="${calc}"]`);
  const times = [];
  if (root.dataset.calculatorKind === "wizard") {
    const groups = {};
    for (const radio of root.querySelectorAll('input[type="radio"]')) (groups[radio.name] ??= []).push(radio);
    const choices = Object.values(groups)[0];
    for (let i = 0; i < runs; i += 1) {
      const radio = choices[i % choices.length];
      radio.checked = true;
      const start = performance.now();
      radio.dispatchEvent(new Event("change", { bubbles: true }));
      times.push(performance.now() - start);
    }
    return times;
  }
  const input = root.querySelector('input[type="number"], input[inputmode]');
  const base = Number(input.value) || 1;
  for (let i = 0; i < runs; i += 1) {
    input.value = String(base * (1 + (i % 50) / 100));
    const start = performance.now();
    input.dispatchEvent(new Event("input", { bubbles: true }));
    times.push(performance.now() - start);
  }
  return times;
}"""


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure_recompute(base: str, pages: list[str], runs: int = 400,
                      warmup: int = 50) -> dict[str, dict[str, float]]:
    """For every calculator on ``pages`` (URLs relative to ``base``): median and p95 in ms."""
    from conftest import CHROMIUM, CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright

    results: dict[str, dict[str, float]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        for path in pages:
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            for calc in page.eval_on_selector_all("[data-calculator]",
                                                  "roots => roots.map(r => r.dataset.calculator)"):
                page.locator(f'[data-calculator="{calc}"][data-calculator-mounted]').wait_for()
                times = page.evaluate(RECOMPUTE, [calc, runs + warmup])[warmup:]
                results[calc] = {"page": path, "median_ms": percentile(times, 0.5),  # type: ignore[dict-item]
                                 "p95_ms": percentile(times, 0.95)}
        browser.close()
    return results


def lighthouse(root: Path, url: str, out: Path) -> dict[str, float]:
    """Lighthouse's mobile (its default) performance and accessibility scores of ``url``."""
    binary = root / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        raise FileNotFoundError("Lighthouse is not installed: run `npm ci` in the project")
    env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    subprocess.run([str(binary), url, "--quiet", "--output=json", f"--output-path={out}",
                    "--only-categories=performance,accessibility",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                   env=env, check=True, capture_output=True, timeout=300)
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {name: category["score"] for name, category in report["categories"].items()}
    failing = [audit_id for audit_id, audit in report["audits"].items()
               if audit.get("score") is not None and audit["score"] < 1
               and audit.get("scoreDisplayMode") == "binary"]
    return {**scores, "failing_audits": failing}  # type: ignore[dict-item]
