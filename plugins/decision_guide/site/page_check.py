"""Every page's markers expanded once, up front, so a mistake stops the build before MkDocs
empties the site folder.

MkDocs cleans ``site/`` right after ``on_config`` and calls ``on_page_markdown`` much later: a
marker error raised there would leave the editor with no site at all. So the adapter hands every
page to ``expand_pages`` while the configuration is being read; the expansions are kept, keyed by
page and text, and ``on_page_markdown`` only looks its page up. A page whose text changed on the
way (another plugin edited it) is simply expanded again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from decision_guide.problems import Problem

Expander = Callable[[str, str, str, int], tuple[str, list[Problem]]]
"""``(markdown, src_uri, display_path, line_offset) -> (expanded, problems)``."""


@dataclass(frozen=True)
class SourcePage:
    """One page as the engine will hand it over: Markdown without its front matter."""

    src_uri: str
    display_path: str
    markdown: str
    line_offset: int = 0
    """Lines above ``markdown`` in the file (the front matter), so problems name file lines."""


@dataclass
class ExpandedPages:
    """The result of expanding a set of pages: the new text of each, and every problem."""

    texts: dict[tuple[str, str], str] = field(default_factory=dict)
    problems: dict[str, list[Problem]] = field(default_factory=dict)

    def lookup(self, src_uri: str, markdown: str) -> tuple[str, list[Problem]] | None:
        """The expansion of this page's text, if that exact text was expanded."""
        expanded = self.texts.get((src_uri, markdown))
        return None if expanded is None else (expanded, self.problems.get(src_uri, []))

    def all_problems(self) -> list[Problem]:
        return [problem for problems in self.problems.values() for problem in problems]


def expand_pages(expand: Expander, pages: Iterable[SourcePage]) -> ExpandedPages:
    """Expand every page's markers, collecting the problems of all pages in one pass."""
    result = ExpandedPages()
    for page in pages:
        expanded, problems = expand(page.markdown, page.src_uri, page.display_path,
                                    page.line_offset)
        result.texts[(page.src_uri, page.markdown)] = expanded
        if problems:
            result.problems[page.src_uri] = problems
    return result
