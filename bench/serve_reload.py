"""Save-to-reload under ``mkdocs serve``: the time from saving a one-value edit of a YAML file
to the browser showing the page with the new value, in Chromium, on a copy of the project.

The page open is the prices page, which shows the edited cost; live reload (MkDocs' own script)
reloads it after the rebuild. Each edit sets a new value, so every measurement waits for a real
change.
"""

from __future__ import annotations

import shutil
import statistics
import time
from pathlib import Path

from scale import PROJECT_FILES

COST = "llm-sonnet-5-input"
SHOWN = f'[data-cost="{COST}"] .dg-figure__value'


def measure_reload(root: Path, work: Path, edits: int) -> list[float]:
    """Seconds from each save to the reloaded page showing its value."""
    from conftest import CHROMIUM, CHROMIUM_ARGS, set_cost_value
    from playwright.sync_api import Error, sync_playwright
    from serving import mkdocs_serve

    project = work / "serve-project"
    for name in (*PROJECT_FILES, "content/knowledge"):
        source, target = root / name, project / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy2(source, target)
    times = []
    with mkdocs_serve(project, timeout=180) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(base + "reference/prices/")
        page.locator(SHOWN).wait_for()
        time.sleep(2)  # let the first build's late file events settle
        for i in range(edits):
            value = f"{3 + i}.{17 + i:02d}"
            saved = time.perf_counter()
            set_cost_value(project, COST, value)
            deadline = saved + 60
            while True:
                try:
                    if value in (page.locator(SHOWN).text_content(timeout=500) or ""):
                        break
                except Error:  # the page is being replaced by the reload
                    pass
                if time.perf_counter() > deadline:
                    raise RuntimeError(f"the edit to {value} never showed up")
                time.sleep(0.01)
            times.append(time.perf_counter() - saved)
            time.sleep(0.5)
        browser.close()
    return times


def summary(times: list[float]) -> dict[str, float]:
    return {"median": statistics.median(times), "min": min(times), "max": max(times)}
