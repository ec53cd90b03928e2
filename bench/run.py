"""Budgets, measured in one run on this machine (ratios, not absolute timings):

1. size: the project's own JS and CSS as shipped, gzipped file by file, against 20 KB;
2. recompute: median time of one calculator recomputation after an input change, in Chromium,
   against 2 ms;
3. build overhead: the full build against a build of the same pages exported as plain Markdown
   with the plugin off, against 1.25x.

Run with `make bench`; exits 1 when a budget is missed.
"""

from __future__ import annotations

import gzip
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "plugins")]

SIZE_BUDGET = 20 * 1024
RECOMPUTE_BUDGET_MS = 2.0
BUILD_RATIO_BUDGET = 1.25


def build(config_file: Path, site: Path) -> float:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    cwd = Path.cwd()
    os.chdir(config_file.parent)
    try:
        config = load_config(str(config_file), site_dir=str(site))
        start = time.perf_counter()
        mkdocs_build(config)
        return time.perf_counter() - start
    finally:
        os.chdir(cwd)


def own_assets(site: Path) -> list[Path]:
    folder = site / "assets" / "decision-guide"
    return sorted(p for p in folder.rglob("*") if p.suffix in (".js", ".css"))


def measure_size(site: Path) -> int:
    sizes = {p.relative_to(site).as_posix(): len(gzip.compress(p.read_bytes(), 9))
             for p in own_assets(site)}
    for name, size in sizes.items():
        print(f"    {size:6,d} B  {name}")
    return sum(sizes.values())


def measure_recompute(site: Path) -> float:
    from conftest import CHROMIUM, CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright
    from static_server import serve_site

    script = """() => {
      const root = document.querySelector('[data-calculator="break-even"]');
      const input = root.querySelector('input[name="queries"]');
      const times = [];
      for (let i = 0; i < 300; i += 1) {
        input.value = String(100000 + i * 1000);
        const start = performance.now();
        input.dispatchEvent(new Event('input', {bubbles: true}));
        times.push(performance.now() - start);
      }
      return times;
    }"""
    with serve_site(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(base + "costs/")
        page.wait_for_selector('[data-calculator="break-even"][data-calculator-mounted]')
        times = page.evaluate(script)[50:]  # the first runs warm the JIT up
        browser.close()
    return statistics.median(times)


class _TagBlindLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as plain data, dropping ``!ENV`` and ``!!python/name:`` values."""


_TagBlindLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_TagBlindLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def plain_markdown_project(work: Path, built_site: Path) -> Path:
    """The same pages, markers already expanded, as an ordinary MkDocs project without the plugin."""
    from decision_guide.adapters.site import load_site
    from decision_guide.site.navigation import expand_nav, nav_children
    from decision_guide.site.pages import generated_pages

    guide = load_site(ROOT / "mkdocs.yml").load_guide()
    # The raw file, to write back a copy without the plugin; its tags are not needed here.
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=_TagBlindLoader)  # noqa: S506
    docs = work / "docs"
    for page in sorted((ROOT / config["docs_dir"]).rglob("*.md")):
        src_uri = page.relative_to(ROOT / config["docs_dir"]).as_posix()
        expanded, _ = guide.expand(page.read_text(encoding="utf-8"), src_uri, src_uri)
        (docs / src_uri).parent.mkdir(parents=True, exist_ok=True)
        (docs / src_uri).write_text(expanded, encoding="utf-8")
    for page in generated_pages(guide.renderer):
        (docs / page.src_uri).parent.mkdir(parents=True, exist_ok=True)
        (docs / page.src_uri).write_text(page.content, encoding="utf-8")
    shutil.copytree(built_site / "assets" / "decision-guide", docs / "assets" / "decision-guide")
    config["docs_dir"] = "docs"
    config["plugins"] = ["search"]
    config["nav"] = expand_nav(config["nav"], nav_children(guide.kb))
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["extra_css"] = [str(p.relative_to(docs)) for p in sorted(docs.rglob("*.css"))]
    config["extra_javascript"] = [{"path": str(p.relative_to(docs)), "type": "module"}
                                  for p in sorted((docs / "assets" / "decision-guide").glob("*.js"))]
    (work / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return work / "mkdocs.yml"


def main() -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    import logging

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        site = work / "site"
        build(ROOT / "mkdocs.yml", site)

        size = measure_size(site)
        print(f"size: {size:,d} B gzipped, budget {SIZE_BUDGET:,d} B "
              f"({size / SIZE_BUDGET:.0%} of budget)")
        failures += ["size"] if size > SIZE_BUDGET else []

        median = measure_recompute(site)
        print(f"recompute: median {median:.3f} ms, budget {RECOMPUTE_BUDGET_MS} ms "
              f"({median / RECOMPUTE_BUDGET_MS:.0%} of budget)")
        failures += ["recompute"] if median > RECOMPUTE_BUDGET_MS else []

        plain_config = plain_markdown_project(work / "plain", site)
        with_plugin, without = [], []
        for run in range(3):
            with_plugin.append(build(ROOT / "mkdocs.yml", work / f"a{run}"))
            without.append(build(plain_config, work / f"b{run}"))
        ratio = min(with_plugin) / min(without)
        print(f"build: {min(with_plugin):.2f} s with the plugin, {min(without):.2f} s as plain "
              f"Markdown: ratio {ratio:.2f}, budget {BUILD_RATIO_BUDGET}")
        failures += ["build"] if ratio > BUILD_RATIO_BUDGET else []
    print("budgets missed: " + ", ".join(failures) if failures else "all budgets met")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
