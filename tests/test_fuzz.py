"""About 5,000 seeded mutations, byte-level and structure-aware, over knowledge files,
calculators and pages: each either loads or yields well-formed problems, never a traceback; and
whatever loads renders to HTML (through Python-Markdown with the site's extensions, as a build
would) with no live script, event handler or javascript: URL.

Files are mutated and loaded in memory (``load_knowledge_files``, ``compile_calculators``), so an
example costs a load, not a copied tree; the site of a mutated knowledge base that loads is
rendered for one example in four.
"""

from __future__ import annotations

import random
from collections.abc import Iterable

import markdown
import pytest
from conftest import ROOT, SECOND_GUIDE, TODAY
from decision_guide.calculators.compile import compile_calculators, load_calculators
from decision_guide.guide import GUIDE_BLOCKS, Guide
from decision_guide.knowledge.base import KnowledgeBase, load_knowledge, load_knowledge_files
from decision_guide.problems import Problem, ProblemsFound
from decision_guide.site.markers import expand_markers
from decision_guide.site.pages import generated_pages
from decision_guide.site.render import Renderer, RenderSettings
from fuzzing import mutate_page, mutate_yaml
from html_check import live_code, site_extensions
from mkdocs.utils.meta import get_data

pytestmark = pytest.mark.slow

SEED = 20261202
SETTINGS = RenderSettings(today=TODAY)


class _Html:
    """Markdown to HTML as a build renders a page's body, one converter reused."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(extensions=list(site_extensions()))

    def live(self, page: str) -> list[str]:
        self._md.reset()
        return live_code(self._md.convert(get_data(page)[0]))


def _well_formed(problems: Iterable[Problem], folder: str, what: str) -> None:
    problems = list(problems)
    assert problems, f"{what}: a failed load must say why"
    for problem in problems:
        assert problem.path.startswith(folder) and problem.line >= 1 and problem.col >= 1, (what, problem)
        assert "Traceback" not in problem.message and len(problem.message) < 2_000, (what, problem)


def _render_all(kb: KnowledgeBase, pages: dict[str, str], html: _Html, what: str) -> None:
    renderer = Renderer(kb, SETTINGS)
    for page in generated_pages(renderer):
        assert html.live(page.content) == [], (what, page.src_uri)
    for src_uri, text in pages.items():
        expanded, _ = expand_markers(text, renderer.context(src_uri), src_uri, blocks=GUIDE_BLOCKS)
        assert html.live(expanded) == [], (what, src_uri)


def test_mutated_knowledge_loads_or_reports_and_renders_nothing_live() -> None:
    knowledge = SECOND_GUIDE / "content" / "knowledge"
    originals = {f"content/knowledge/{p.name}": p.read_bytes() for p in sorted(knowledge.glob("*.yml"))}
    pages = {p.name: p.read_text(encoding="utf-8")
             for p in (SECOND_GUIDE / "content" / "pages").glob("*.md")}
    rng, html, loaded = random.Random(SEED), _Html(), 0
    for example in range(2_500):
        path = rng.choice(sorted(originals))
        data = mutate_yaml(originals[path].decode("utf-8"), rng)
        what = f"seed {SEED}, example {example}, {path}: {data[:300]!r}"
        try:
            kb = load_knowledge_files({**originals, path: data}, today=TODAY)
        except ProblemsFound as found:
            _well_formed(found.problems, "content/knowledge", what)
        else:
            loaded += 1
            if loaded % 4 == 1:
                _render_all(kb, pages, html, what)
    assert loaded >= 100  # the hostile values that load are rendered, not only refused


def test_mutated_calculators_load_or_report_and_render_nothing_live() -> None:
    kb = load_knowledge(ROOT / "content" / "knowledge", project_root=ROOT, today=TODAY)
    originals = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "calculators").glob("*.yml"))]
    rng, html, compiled_count = random.Random(SEED + 1), _Html(), 0
    for example in range(1_500):
        data = mutate_yaml(rng.choice(originals), rng)
        what = f"seed {SEED + 1}, example {example}: {data[:300]!r}"
        compiled, problems = compile_calculators({"calculators/calculator.yml": data}, kb)
        if problems and any(p.severity == "error" for p in problems):
            _well_formed(problems, "calculators/", what)
            continue
        compiled_count += 1
        if compiled_count % 3 == 1:
            renderer = Renderer(kb, SETTINGS, calculators=compiled)
            for calculator_id in compiled:
                page = f"<!-- guide:calculator id={calculator_id} -->\n"
                expanded, marker_problems = expand_markers(page, renderer.context("page.md"),
                                                           "page.md", blocks=GUIDE_BLOCKS)
                assert marker_problems == [], what
                assert html.live(expanded) == [], what
    assert compiled_count >= 100


def test_mutated_pages_expand_or_report_and_render_nothing_live() -> None:
    kb = load_knowledge(ROOT / "content" / "knowledge", project_root=ROOT, today=TODAY)
    calculators, _ = load_calculators(ROOT / "calculators", kb, project_root=ROOT)
    guide = Guide(kb, Renderer(kb, SETTINGS, calculators=calculators))
    pages = {p.relative_to(ROOT / "content" / "pages").as_posix(): p.read_text(encoding="utf-8")
             for p in sorted((ROOT / "content" / "pages").rglob("*.md"))}
    rng, html, expanded_count = random.Random(SEED + 2), _Html(), 0
    for example in range(1_000):
        src_uri = rng.choice(sorted(pages))
        text = mutate_page(pages[src_uri], rng)
        what = f"seed {SEED + 2}, example {example}, {src_uri}"
        expanded, problems = guide.expand(text, src_uri, f"content/pages/{src_uri}")
        lines = text.count("\n") + 1
        for problem in problems:
            assert problem.path == f"content/pages/{src_uri}" and 1 <= problem.line <= lines, (what, problem)
        if not problems:  # a page with problems stops the build: it never reaches the site
            assert html.live(expanded) == [], what
            expanded_count += 1
    assert expanded_count >= 100
