"""The core in one call: load the knowledge base and calculators, ready to render.

The MkDocs plugin and the CLI both go through ``load_guide`` and ``Guide.expand``, so the
command line reports exactly what a build would.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from decision_guide.calculators.compile import load_calculators
from decision_guide.knowledge.base import KnowledgeBase, load_knowledge
from decision_guide.knowledge.words import Words, load_words
from decision_guide.problems import Problem, ProblemsFound, errors_only
from decision_guide.site.blocks import BLOCKS, BlockSpec
from decision_guide.site.calculator_blocks import calculator_block
from decision_guide.site.markers import expand_markers
from decision_guide.site.page_check import ExpandedPages, SourcePage, expand_pages
from decision_guide.site.prose import page_bare_figures
from decision_guide.site.render import Renderer, RenderSettings

GUIDE_BLOCKS: dict[str, BlockSpec] = {
    **BLOCKS,
    "calculator": BlockSpec(calculator_block, frozenset({"id"}), frozenset({"id"})),
}


@dataclass
class Guide:
    kb: KnowledgeBase
    renderer: Renderer
    warnings: list[Problem] = field(default_factory=list)

    def expand(self, markdown: str, src_uri: str, display_path: str, *,
               line_offset: int = 0) -> tuple[str, list[Problem]]:
        """Expand the markers of one page (``src_uri`` relative to the docs folder).

        Hand-written pages are also checked for bare figures; generated pages (shown as
        "(generated) …") are not, since their text comes from YAML already checked at load."""
        html, problems = expand_markers(markdown, self.renderer.context(src_uri), display_path,
                                        line_offset=line_offset, blocks=GUIDE_BLOCKS)
        if display_path.startswith("(generated) "):
            return html, problems
        return html, [*problems, *page_bare_figures(markdown, display_path, line_offset=line_offset)]

    def expand_pages(self, pages: Iterable[SourcePage]) -> ExpandedPages:
        """Every page's markers at once, before anything is written (see ``page_check``)."""
        return expand_pages(lambda text, uri, shown, offset: self.expand(
            text, uri, shown, line_offset=offset), pages)


def load_guide(knowledge_dir: Path, calculators_dir: Path | None, *, project_root: Path,
               settings: RenderSettings) -> Guide:
    """Load everything; raise ``ProblemsFound`` with every error of every file at once."""
    words, word_problems = _words(settings, project_root)
    try:
        kb = load_knowledge(knowledge_dir, project_root=project_root, today=settings.today,
                            max_bytes=settings.max_yaml_bytes)
    except ProblemsFound as found:
        raise ProblemsFound([*word_problems, *found.problems]) from None
    calculators, problems = ({}, []) if calculators_dir is None else load_calculators(
        calculators_dir, kb, project_root=project_root, max_bytes=settings.max_yaml_bytes)
    if errors_only(problems) or word_problems:
        raise ProblemsFound([*word_problems, *problems, *kb.warnings])
    # Numbers' unit words ("2 months") are words of the guide too.
    settings = replace(settings, number_style=replace(settings.number_style, units=words.section("units")))
    renderer = Renderer(kb, settings, calculators=calculators, words=words)
    return Guide(kb, renderer, warnings=[*kb.warnings, *problems])


def _words(settings: RenderSettings, project_root: Path) -> tuple[Words, list[Problem]]:
    """The guide's words (English with its ``words`` file), or English and the file's problems."""
    locale = settings.number_style.locale
    try:
        return load_words(settings.words_file, project_root=project_root, locale=locale), []
    except ProblemsFound as found:
        return load_words(None, project_root=project_root, locale=locale), found.problems
