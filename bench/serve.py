"""Save-to-reload under ``mkdocs serve``: the time from saving a one-value edit of a YAML file
to the browser showing the page with the new value, in Chromium, on a copy of the project.

Each run is a whole, cold ``mkdocs serve`` process (``--livereload --dirty``, as ``make serve``
starts it; ``--clean`` measures without ``--dirty``) on a fresh copy of the project. Once its
first build is served, the run saves ``edits`` one-value edits of ``content/knowledge/costs.yml``
in turn, each a new value, and times each from the save to the open page (the prices page, which
shows the edited price) showing the new value after MkDocs' live reload. ``python
bench/serve.py`` prints the times; ``bench/run.py`` reports their median, min and max.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "plugins"), str(Path(__file__).parent)]

from scale import PROJECT_FILES  # noqa: E402

COST = "llm-sonnet-5-input"
SHOWN = f'[data-cost="{COST}"] .dg-figure__value'
PAGE = "reference/prices/"


def copy_project(root: Path, project: Path) -> None:
    for name in (*PROJECT_FILES, "content/knowledge"):
        source, target = root / name, project / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy2(source, target)


def one_run(root: Path, work: Path, run: int, edits: int, dirty: bool) -> list[float]:
    """A fresh ``mkdocs serve`` on a fresh copy: seconds from each save to the page showing it."""
    from conftest import CHROMIUM, CHROMIUM_ARGS, set_cost_value
    from playwright.sync_api import Error, sync_playwright
    from serving import mkdocs_serve

    project = work / f"serve-project-{run}"
    copy_project(root, project)
    times = []
    with mkdocs_serve(project, timeout=180, dirty=dirty) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(base + PAGE)
        shown = page.locator(SHOWN).first
        shown.wait_for()
        time.sleep(1)  # let the first build's late file events settle
        for i in range(edits):
            value = f"{3 + run}.{17 + i:02d}"
            saved = time.perf_counter()
            set_cost_value(project, COST, value)
            deadline = saved + 60
            while True:
                try:
                    if value in (shown.text_content(timeout=500) or ""):
                        break
                except Error:  # the page is being replaced by the reload
                    pass
                if time.perf_counter() > deadline:
                    raise RuntimeError(f"the edit to {value} never showed up")
                time.sleep(0.01)
            times.append(time.perf_counter() - saved)
            time.sleep(0.7)  # the next save is a new change, after the reload settled
        browser.close()
    return times


def measure_reload(root: Path, work: Path, runs: int, edits: int = 3, *,
                   dirty: bool = True) -> list[float]:
    """Save-to-reload seconds over ``runs`` cold serve processes of ``edits`` edits each."""
    return [t for run in range(runs) for t in one_run(root, work, run, edits, dirty)]


def summary(times: list[float]) -> dict[str, float | list[float]]:
    return {"median": statistics.median(times), "min": min(times), "max": max(times),
            "times": times}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="cold serve processes (default 3)")
    parser.add_argument("--edits", type=int, default=3, help="edits per process (default 3)")
    parser.add_argument("--clean", action="store_true", help="serve without --dirty")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="decision-guide-serve-") as tmp:
        result = summary(measure_reload(ROOT, Path(tmp), args.runs, args.edits,
                                        dirty=not args.clean))
    print(f"save-to-reload: median {result['median']:.2f} s (min {result['min']:.2f}, "  # noqa: T201
          f"max {result['max']:.2f}) over {len(result['times'])} edits: "  # type: ignore[arg-type]
          + ", ".join(f"{t:.2f}" for t in result["times"]))  # type: ignore[union-attr]


if __name__ == "__main__":
    main()
