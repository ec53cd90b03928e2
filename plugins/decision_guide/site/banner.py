"""The problem banner `mkdocs serve` shows on every page while the YAML has problems.

Under `serve`, a YAML mistake must not stop the server or blank the site: the pages keep the
last good version of the guide (or placeholders, if there never was one) and each shows the full
problem list at the top, until the next save fixes it.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from decision_guide.problems import Problem, summary_line


def banner_html(problems: Sequence[Problem], *, showing_last_good: bool) -> Markup:
    """A clear, accessible alert listing every problem as path:line:col: message [code]."""
    state = ("The pages below show the last version that loaded." if showing_last_good else
             "Pages generated from the knowledge base are empty until it loads.")
    items = Markup("").join(
        Markup('<li><code>{}:{}:{}:</code> {} <span class="dg-banner__code">[{}]</span></li>').format(
            p.path, p.line, p.col, p.message, p.code) for p in sorted(problems))
    return Markup(
        '<div class="dg-banner" role="alert" data-dg-problems="{count}">'
        '<p class="dg-banner__title"><strong>The guide\'s YAML has problems: {summary}.</strong> '
        '{state} Fix them and save; this page reloads by itself.</p>'
        '<ol class="dg-banner__list">{items}</ol></div>').format(
        count=len(problems), summary=escape(summary_line(problems)), state=state, items=items)
