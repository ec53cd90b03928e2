"""Budgets, measured honestly on this machine: whole cold processes, paired and interleaved,
medians with their min and max. ``make bench`` runs everything; ``--only`` picks parts and
``--scales`` the knowledge-base sizes. Results go to ``bench/results.json`` too.

1. build: a cold build with the plugin against its plain twin (the same pages as plain Markdown
   and HTML, plugin off), by CPU and wall time; budget 1.10 (median of the paired CPU ratios).
2. import: the plugin module's import in a fresh process after MkDocs' own; budget 0.1 s.
3. scale: the knowledge base copied 1, 10 and 100 times (``scale.py``): CPU time per entity
   must not rise (N times the data within N times the 1x CPU time); the largest page of one
   entity at the largest scale under 3 times the largest at 1x.
4. serve: save-to-reload of a one-value YAML edit under ``mkdocs serve --dirty`` (``serve.py``:
   cold serve processes, three edits each); budget 1 s median.
5. size: the project's own JS and CSS, gzipped; budget 20 KB.
6. recompute: every calculator's recompute time in Chromium; budget p95 2 ms.
7. lighthouse: mobile performance >= 0.95 and accessibility 1.0 on the home page, a
   calculator page and the wizard; the median of several runs per page.

The load average is printed at the start and end: on a shared machine every figure moves with it.

Exits 1 when a budget is missed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "plugins"), str(Path(__file__).parent)]

from cold import cold_build, paired, plugin_import_time  # noqa: E402
from scale import scaled_project  # noqa: E402

BUILD_RATIO = 1.10
IMPORT_SECONDS = 0.1
ENTITY_PAGE_GROWTH = 3.0
RELOAD_SECONDS = 1.0
SIZE_BYTES = 20 * 1024
RECOMPUTE_P95_MS = 2.0
LIGHTHOUSE = {"performance": 0.95, "accessibility": 1.0}
LIGHTHOUSE_PAGES = {"home": "", "calculator": "costs/", "wizard": "decision-framework/"}
CALCULATOR_PAGES = ["costs/", "latency/", "decision-framework/"]
ENTITY_FOLDERS = ("criteria", "patterns", "use-cases")
PARTS = ("build", "import", "scale", "serve", "size", "recompute", "lighthouse")


class Report:
    """Prints each measurement as it comes, keeps it for the JSON, and counts missed budgets."""

    def __init__(self) -> None:
        self.results: dict[str, Any] = {}
        self.missed: list[str] = []

    def record(self, part: str, data: Any, line: str, ok: bool) -> None:
        self.results[part] = {"result": data, "met": ok}
        print(f"{part}: {line} [{'ok' if ok else 'MISSED'}]", flush=True)  # noqa: T201
        if not ok:
            self.missed.append(part)


def largest_page(site: Path, folders: tuple[str, ...] | None = None) -> tuple[int, str]:
    """The largest HTML page's size in bytes and path, among entity pages if ``folders``."""
    pages = [p for p in site.rglob("index.html")
             if folders is None or (p.parent.parent.name in folders and p.parent.parent.parent == site)]
    biggest = max(pages, key=lambda p: p.stat().st_size)
    return biggest.stat().st_size, biggest.parent.relative_to(site).as_posix()


def bench_build(report: Report, work: Path, runs: int) -> None:
    from twin import plain_twin

    site = work / "site"
    cold_build(ROOT / "mkdocs.yml", site)
    twin = plain_twin(ROOT / "mkdocs.yml", site, work / "twin")
    result = paired(ROOT / "mkdocs.yml", twin, work, runs)
    cpu, wall = result["cpu"], result["wall"]
    ratio = cpu["median_paired_ratio"]  # type: ignore[index]
    report.record("build", result,
                  f"CPU {cpu['first']['median']:.2f} s with the plugin, {cpu['second']['median']:.2f} s "  # type: ignore[index]
                  f"plain twin: ratio {ratio:.2f} (wall {wall['median_paired_ratio']:.2f}; "  # type: ignore[index]
                  f"{runs} paired cold runs), budget {BUILD_RATIO}", ratio <= BUILD_RATIO)


def bench_import(report: Report, work: Path, runs: int) -> None:
    summary = plugin_import_time(max(runs, 5))
    report.record("import", asdict(summary), f"plugin module {summary.text()}, budget "
                  f"{IMPORT_SECONDS} s", summary.median <= IMPORT_SECONDS)


def bench_scale(report: Report, work: Path, scales: list[int]) -> None:
    rows = []
    print("scale:   N  entities   CPU s  wall s  CPU ms/entity  largest entity page  largest page"  # noqa: T201
          "  site MB", flush=True)
    for factor in scales:
        config, entities = scaled_project(ROOT, work / f"scale-{factor}", factor)
        site = work / f"scale-{factor}" / "site"
        run = cold_build(config, site)
        entity_size, entity_page = largest_page(site, ENTITY_FOLDERS)
        size, page = largest_page(site)
        total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        row = {"scale": factor, "entities": entities, "cpu_s": run.cpu, "wall_s": run.wall,
               "cpu_ms_per_entity": 1000 * run.cpu / entities,
               "largest_entity_page": {"bytes": entity_size, "page": entity_page},
               "largest_page": {"bytes": size, "page": page}, "site_bytes": total}
        rows.append(row)
        print(f"scale: {factor:3d}  {entities:8,d}  {run.cpu:6.1f}  {run.wall:6.1f}  "  # noqa: T201
              f"{row['cpu_ms_per_entity']:13.2f}  {entity_size / 1024:7.0f} KB {entity_page:<12.12}"
              f"  {size / 1024:6.0f} KB {page:<18.18}  {total / 2**20:6.1f}", flush=True)
    base = next((r for r in rows if r["scale"] == 1), None)
    top = max(rows, key=lambda r: r["scale"])
    if base is None or top is base:
        report.record("scale", rows, "only one scale measured: no growth to judge", True)
        return
    linear = top["cpu_s"] <= top["scale"] * base["cpu_s"]
    growth = top["largest_entity_page"]["bytes"] / base["largest_entity_page"]["bytes"]
    report.record("scale", rows,
                  f"{top['scale']}x: CPU {top['cpu_s'] / base['cpu_s']:.1f} times the 1x build "
                  f"(budget {top['scale']}), per entity {top['cpu_ms_per_entity']:.2f} ms against "
                  f"{base['cpu_ms_per_entity']:.2f} ms; largest entity page {growth:.2f} times "
                  f"the 1x one (budget < {ENTITY_PAGE_GROWTH})",
                  linear and growth < ENTITY_PAGE_GROWTH)


def bench_serve(report: Report, work: Path, runs: int) -> None:
    from serve import measure_reload, summary

    times = measure_reload(ROOT, work, runs)
    result = summary(times)
    report.record("serve", result, f"save-to-reload median {result['median']:.2f} s (min "
                  f"{result['min']:.2f}, max {result['max']:.2f}; {runs} cold `mkdocs serve --dirty` "
                  f"processes, {len(times)} edits), budget {RELOAD_SECONDS} s",
                  result["median"] <= RELOAD_SECONDS)


def _built_site(work: Path) -> Path:
    site = work / "site"
    if not (site / "index.html").exists():
        cold_build(ROOT / "mkdocs.yml", site)
    return site


def bench_size(report: Report, work: Path, runs: int) -> None:
    folder = _built_site(work) / "assets" / "decision-guide"
    sizes = {p.name: len(gzip.compress(p.read_bytes(), 9))
             for p in sorted(folder.glob("*")) if p.suffix in (".js", ".css")}
    total = sum(sizes.values())
    listing = ", ".join(f"{name} {size:,d} B" for name, size in sizes.items())
    report.record("size", sizes, f"{total:,d} B gzipped ({listing}), budget {SIZE_BYTES:,d} B",
                  total <= SIZE_BYTES)


def bench_recompute(report: Report, work: Path, runs: int) -> None:
    from browser import measure_recompute
    from static_server import serve_site

    with serve_site(_built_site(work)) as base:
        results = measure_recompute(base, CALCULATOR_PAGES)
    worst = max(r["p95_ms"] for r in results.values())
    listing = ", ".join(f"{calc} {r['p95_ms']:.2f}" for calc, r in results.items())
    report.record("recompute", results, f"p95 ms: {listing}; budget {RECOMPUTE_P95_MS} ms",
                  worst <= RECOMPUTE_P95_MS)


def bench_lighthouse(report: Report, work: Path, runs: int) -> None:
    """Each page ``runs`` times, the pages in turn (Lighthouse's own advice for its variance: the
    median of several runs); each page's median score, with min and max."""
    from browser import lighthouse
    from web_server import serve_compressed

    runs_each: dict[str, list[dict[str, float]]] = {name: [] for name in LIGHTHOUSE_PAGES}
    with serve_compressed(_built_site(work)) as base:
        for run in range(runs):
            for name, path in LIGHTHOUSE_PAGES.items():
                runs_each[name].append(lighthouse(ROOT, base + path,
                                                  work / f"lighthouse-{name}-{run}.json"))
    scores = {name: {key: {"median": statistics.median(r[key] for r in results),
                           "min": min(r[key] for r in results), "max": max(r[key] for r in results)}
                     for key in LIGHTHOUSE}
              | {"failing_audits": sorted({a for r in results for a in r["failing_audits"]})}  # type: ignore[misc]
              for name, results in runs_each.items()}
    ok = all(s[k]["median"] >= v for s in scores.values() for k, v in LIGHTHOUSE.items())  # type: ignore[index]
    listing = "; ".join(
        f"{name} performance {s['performance']['median']:.2f} ({s['performance']['min']:.2f}-"  # type: ignore[index]
        f"{s['performance']['max']:.2f}), accessibility {s['accessibility']['median']:.2f}"  # type: ignore[index]
        for name, s in scores.items())
    report.record("lighthouse", scores, f"median of {runs} runs: {listing}; budget "
                  f"{LIGHTHOUSE['performance']} and {LIGHTHOUSE['accessibility']}", ok)


def load_average() -> float:
    """The machine's one-minute load average: the figures depend on what else runs."""
    return os.getloadavg()[0]


def main() -> int:
    parser = argparse.ArgumentParser(description="Decision Guide budgets")
    parser.add_argument("--only", default=",".join(PARTS),
                        help=f"comma-separated parts to run (default all: {','.join(PARTS)})")
    parser.add_argument("--scales", default="1,10,100", help="knowledge-base sizes (default 1,10,100)")
    parser.add_argument("--runs", type=int, default=7, help="paired cold builds (default 7)")
    parser.add_argument("--serve-runs", type=int, default=3,
                        help="cold serve processes, 3 edits each (default 3)")
    parser.add_argument("--lighthouse-runs", type=int, default=5,
                        help="Lighthouse runs per page, median reported (default 5, as "
                             "Lighthouse's guide on variance advises)")
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results.json")
    args = parser.parse_args()
    parts = [p.strip() for p in args.only.split(",") if p.strip()]
    unknown = sorted(set(parts) - set(PARTS))
    if unknown:
        parser.error(f"unknown part(s) {', '.join(unknown)}; choose from {', '.join(PARTS)}")
    steps: dict[str, Callable[[Report, Path, Any], None]] = {
        "build": bench_build, "import": bench_import, "scale": bench_scale, "serve": bench_serve,
        "size": bench_size, "recompute": bench_recompute, "lighthouse": bench_lighthouse}
    report = Report()
    counts = {"serve": args.serve_runs, "lighthouse": args.lighthouse_runs}
    report.results["load_average"] = {"start": load_average()}
    print(f"load average at start: {load_average():.2f} (2 cores; figures are noisy above 2)",  # noqa: T201
          flush=True)
    with tempfile.TemporaryDirectory(prefix="decision-guide-bench-") as tmp:
        for part in PARTS:
            if part in parts:
                arg = ([int(s) for s in args.scales.split(",")] if part == "scale"
                       else counts.get(part, args.runs))
                steps[part](report, Path(tmp), arg)
    report.results["load_average"]["end"] = load_average()
    print(f"load average at end: {load_average():.2f}", flush=True)  # noqa: T201
    args.json.write_text(json.dumps(report.results, indent=2) + "\n", encoding="utf-8")
    print("budgets missed: " + ", ".join(report.missed) if report.missed  # noqa: T201
          else "all budgets met")
    return 1 if report.missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
