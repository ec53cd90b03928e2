"""The plugin's options in ``mkdocs.yml`` (``plugins: - decision-guide: ...``)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class GuideConfig(base.Config):
    knowledge_dir = c.Dir(exists=True, default="content/knowledge")
    """Folder of the knowledge base's YAML files, relative to mkdocs.yml."""

    calculators_dir = c.Optional(c.Dir(exists=True))
    """Folder of calculator definitions and their client runtime (``runtime/``), if any."""

    max_age_months = c.Type(int, default=12)
    """Figures whose as-of date is older than this are flagged as stale where they are shown."""

    today = c.Optional(c.Type(str))
    """Pin 'today' (YYYY-MM-DD) for freshness and future-date checks, for reproducible builds.
    Defaults to the DECISION_GUIDE_TODAY environment variable, then the real date."""

    templates_dir = c.Optional(c.Dir(exists=True))
    """Folder whose templates override the package's own (``pages/*.md``, ``blocks/*.html``)."""
