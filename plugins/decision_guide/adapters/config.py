"""The plugin's options in ``mkdocs.yml`` (``plugins: - decision-guide: ...``)."""

from __future__ import annotations

import datetime as dt

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError

from decision_guide.knowledge import dates


class GuideConfig(base.Config):
    knowledge_dir = c.Dir(exists=True, default="content/knowledge")
    """Folder of the knowledge base's YAML files, relative to mkdocs.yml."""

    calculators_dir = c.Optional(c.Dir(exists=True))
    """Folder of calculator definitions (YAML), if any; the browser runtime ships with the plugin."""

    max_age_months = c.Type(int, default=12)
    """Figures whose as-of date is older than this are flagged as stale where they are shown."""

    today = c.Optional(c.Type(str))
    """Pin 'today' (YYYY-MM-DD) for freshness and future-date checks, for reproducible builds.
    Defaults to the DECISION_GUIDE_TODAY environment variable, then the real date."""

    templates_dir = c.Optional(c.Dir(exists=True))
    """Folder whose templates override the package's own (``pages/*.md``, ``blocks/*.html``)."""


def resolve_today(configured: str | None) -> dt.date:
    """The configured date, else DECISION_GUIDE_TODAY, else the real date (``knowledge.dates``),
    with a bad date as MkDocs' own error."""
    try:
        return dates.resolve_today(configured)
    except ValueError as error:
        raise PluginError(str(error)) from None
