"""Bare figures in hand-written pages: every price or share in page prose comes from a marker.

A page that types "$5" or "40 %" into a sentence shows a number with no source and no date,
which no freshness check will ever revisit. Such a figure is a ``bare-figure`` error at
``page:line:col``; the fix is ``<!-- guide:cost id=ID -->`` or ``<!-- guide:fact id=ID -->``,
which renders the figure with its unit, date and citation. Fenced code, inline code and HTML
comments (the markers themselves) are not prose and are skipped.
"""

from __future__ import annotations

import re

from decision_guide.knowledge.inline_refs import bare_figure_message, bare_figures
from decision_guide.problems import Problem
from decision_guide.site.markers import outside_fences

_NOT_PROSE = re.compile(r"<!--.*?-->|`[^`]*`")


def page_bare_figures(markdown: str, path: str, *, line_offset: int = 0) -> list[Problem]:
    """Every currency amount or percentage typed into the page's prose."""
    problems: list[Problem] = []
    for index, line in outside_fences(markdown.split("\n")):
        prose = _NOT_PROSE.sub(lambda m: " " * len(m.group(0)), line)
        for match in bare_figures(prose):
            message = bare_figure_message("page", line, match).split(": ", 1)[1]
            problems.append(Problem(path, index + 1 + line_offset, match.start() + 1, message,
                                    "bare-figure"))
    return problems
