"""The problem banner `mkdocs serve` shows on every page while the YAML has problems.

Under `serve`, a YAML mistake must not stop the server or blank the site: the pages keep the
last good version of the guide (or placeholders, if there never was one) and each shows the full
problem list at the top, until the next save fixes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from markupsafe import Markup

from decision_guide.knowledge.words import Words, default_words
from decision_guide.problems import Problem, summary_line
from decision_guide.site.render import make_environment


def banner_html(problems: Sequence[Problem], *, showing_last_good: bool,
                template_dirs: tuple[Path, ...] = (), words: Words | None = None) -> Markup:
    """A clear, accessible alert listing every problem as path:line:col: message [code]
    (``templates/banner.html``; the knowledge base may not have loaded, so no page context; the
    words are the last good guide's, else English)."""
    html = make_environment(template_dirs).get_template("banner.html").render(
        w=words or default_words(), problems=sorted(problems), summary=summary_line(problems),
        showing_last_good=showing_last_good)
    return Markup(html.rstrip("\n"))  # noqa: S704 (rendered with autoescape)
