"""One guide, three engines: MkDocs and ProperDocs run the plugin; Zensical, which ignores MkDocs
plugins, builds what ``decision-guide generate`` writes and expands markers with the Markdown
extension. Each guide is built once per engine (strict) and every comparison reads those builds:
the same pages, no marker left, the same calculator results, the same main text on every page.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from article_text import article_tokens, first_differences
from browsing import DESKTOP
from conftest import ROOT, SECOND_GUIDE, TODAY, build_project
from site_scan import figures, html_pages, resources
from static_server import serve_site

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
ENGINES = ("mkdocs", "properdocs", "zensical")
GUIDES = {"default": ROOT, "second": SECOND_GUIDE}
ENV = {**os.environ, "DECISION_GUIDE_TODAY": TODAY.isoformat(), "NO_MKDOCS_2_WARNING": "1",
       "DISABLE_MKDOCS_2_WARNING": "true"}
OUTPUT = re.compile(r'<output data-output="(?P<id>[^"]+)">(?P<text>[^<]*)</output>')
MARKER = re.compile(r"(<|&lt;)!--\s*guide:")
CODE = re.compile(r"<(pre|code)\b.*?</\1>", re.DOTALL)  # markers shown as code are documentation

Sites = dict[str, Path]


def run(command: list[str], cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)


def finish(process: subprocess.Popen[str]) -> None:
    output, _ = process.communicate(timeout=600)
    assert process.returncode == 0, f"{' '.join(map(str, process.args))} failed:\n{output}"


_BUILT: dict[str, Sites] = {}


@pytest.fixture(scope="module", params=sorted(GUIDES))
def sites(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Sites:
    return built(request.param, tmp_path_factory)


def built(guide: str, tmp_path_factory: pytest.TempPathFactory) -> Sites:
    """The guide built by each engine, once per session; ProperDocs and Zensical run while
    MkDocs builds."""
    if guide not in _BUILT:
        _BUILT[guide] = build_everywhere(GUIDES[guide], tmp_path_factory.mktemp(guide))
    return _BUILT[guide]


def build_everywhere(project: Path, work: Path) -> Sites:
    config = str(project / "mkdocs.yml")
    generated = work / "zensical"
    finish(run([str(BIN / "decision-guide"), "-f", config, "generate", "-o", str(generated)], project))
    others = [
        run([str(BIN / "properdocs"), "build", "--strict", "-f", config, "-d", str(work / "properdocs")],
            project),
        run([str(BIN / "zensical"), "build", "--strict", "-f", str(generated / "mkdocs.yml")],
            generated),
    ]
    build_project(project, work / "mkdocs")
    for process in others:
        finish(process)
    return {"mkdocs": work / "mkdocs", "properdocs": work / "properdocs", "zensical": generated / "site"}


def pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def page_url(page: str) -> str:
    return page.removesuffix("index.html")


def read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def each_page(sites: Sites) -> Iterator[tuple[str, dict[str, str]]]:
    for page in pages(sites["mkdocs"]):
        yield page, {engine: read(site, page) for engine, site in sites.items()}


def test_every_engine_builds_the_same_pages(sites: Sites) -> None:
    expected = pages(sites["mkdocs"])
    assert len(expected) > 5
    for engine in ENGINES[1:]:
        assert pages(sites[engine]) == expected, engine


def test_no_page_keeps_an_unexpanded_marker(sites: Sites) -> None:
    left = [f"{engine}: {page}" for engine, site in sites.items() for page in pages(site)
            if MARKER.search(CODE.sub("", read(site, page)))]
    assert left == []


def test_every_engine_shows_the_same_calculator_results(sites: Sites) -> None:
    results = {engine: {page: OUTPUT.findall(read(site, page)) for page in pages(site)}
               for engine, site in sites.items()}
    for engine in ENGINES[1:]:
        assert results[engine] == results["mkdocs"], engine
    if (sites["mkdocs"] / "costs" / "index.html").is_file():  # the default guide
        for engine in ENGINES:
            assert ("article_total", "$0.022") in results[engine]["costs/index.html"], engine


def test_every_page_has_the_same_main_text_on_every_engine(sites: Sites) -> None:
    """Whitespace, the theme's chrome and the spelling of links aside, the article of each page
    is the same; every page that differs is reported with where it starts to differ."""
    differing = []
    for page, html in each_page(sites):
        expected = article_tokens(html["mkdocs"], page_url(page))
        assert expected, f"{page}: no article"
        for engine in ENGINES[1:]:
            actual = article_tokens(html[engine], page_url(page))
            if actual != expected:
                differing.append(f"{engine}: {page}\n{first_differences(expected, actual)}")
    assert differing == [], "\n\n".join(differing)


def test_the_zensical_site_ships_the_assets_and_loads_nothing_from_outside(sites: Sites) -> None:
    site = sites["zensical"]
    for path in html_pages(site):  # 404.html links from the site's root, wherever it is shown
        page = path.relative_to(site).as_posix()
        loaded, _ = resources(read(site, page))
        outside = [url for url in loaded if re.match(r"^(https?:)?//", url)]
        assert outside == [], f"{page}: {outside}"
        own = [url for url in loaded if "assets/decision-guide/" in url]
        assert own, f"{page} loads none of the guide's scripts and styles"
        for url in own:
            assert (site / page).parent.joinpath(url).resolve().is_file(), f"{page}: {url}"


@pytest.mark.browser
def test_the_calculators_and_the_wizard_work_on_the_zensical_site(  # type: ignore[no-untyped-def]
        browser, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Served from a sub-path under ``script-src 'self'``, as the MkDocs site is tested."""
    site = built("default", tmp_path_factory)["zensical"]
    context = browser.new_context(viewport=DESKTOP)
    errors: list[str] = []
    context.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    context.on("weberror", lambda e: errors.append(str(e.error)))
    try:
        with serve_site(site) as base:
            page = context.new_page()
            page.goto(base + "costs/")
            total = page.locator('[data-calculator-mounted] output[data-output="monthly_total"]').first
            before = total.text_content()
            page.locator('input[name="queries"]').first.fill("200000")
            page.wait_for_function("(b) => document.querySelector("
                                   "'output[data-output=\"monthly_total\"]').textContent !== b", arg=before)
            assert (before, total.text_content()) == (
                python_twin("rag-cost", "monthly_total"),
                python_twin("rag-cost", "monthly_total", "queries=200000"))
            page.goto(base + "decision-framework/")
            page.wait_for_selector("[data-calculator-mounted]")
    finally:
        context.close()
    assert errors == []


def python_twin(calculator: str, output: str, *inputs: str) -> str:
    """What `decision-guide calc` shows for ``output``: the browser on every engine must agree,
    whatever today's default prices are."""
    done = subprocess.run([str(BIN / "decision-guide"), "-f", str(ROOT / "mkdocs.yml"), "calc",
                           calculator, "--json", *inputs], cwd=ROOT, capture_output=True,
                          text=True, check=True, timeout=120)
    text: str = json.loads(done.stdout)["outputs"][output]["text"]
    return text


def test_zensical_shows_a_yaml_edit_after_generate_without_a_clean_build(tmp_path: Path) -> None:
    """Zensical keeps rendered pages in a cache keyed by their files; a hand-written page whose
    text did not change must still show the new figure from the YAML behind its markers."""
    project = tmp_path / "guide"
    shutil.copytree(SECOND_GUIDE, project)
    out = project / "build" / "zensical"

    def rebuild() -> dict[str, str]:
        finish(run([str(BIN / "decision-guide"), "generate"], project))
        finish(run([str(BIN / "zensical"), "build", "-f", str(out / "mkdocs.yml")], project))
        return dict(figures((out / "site" / "index.html").read_text(encoding="utf-8")))

    assert rebuild()["gpu-hour"] == "2.50"
    entities = project / "content" / "knowledge" / "entities.yml"
    entities.write_text(entities.read_text(encoding="utf-8").replace("value: 2.5", "value: 7.5", 1),
                        encoding="utf-8")
    assert rebuild()["gpu-hour"] == "7.50"
