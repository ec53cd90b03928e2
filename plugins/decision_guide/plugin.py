"""The MkDocs adapter: each hook hands plain data to plain functions and nothing more."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import assets
from .config import GuideConfig
from .guide import Guide, load_guide
from .navigation import expand_nav, nav_children
from .pages import generated_pages
from .problems import ProblemsFound, format_problems
from .render import RenderSettings

log = get_plugin_logger(__name__)


class DecisionGuidePlugin(BasePlugin[GuideConfig]):
    """Loads the knowledge base, generates its pages, expands markers, ships the assets."""

    def __init__(self) -> None:
        self.guide: Guide | None = None
        self.project_root = Path.cwd()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.project_root = Path(config.config_file_path).resolve().parent
        settings = RenderSettings(
            today=resolve_today(self.config.today), max_age_months=self.config.max_age_months,
            use_directory_urls=config.use_directory_urls,
            template_dirs=tuple(Path(d) for d in [self.config.templates_dir] if d))
        calculators = self.config.calculators_dir
        try:
            self.guide = load_guide(Path(self.config.knowledge_dir),
                                    Path(calculators) if calculators else None,
                                    project_root=self.project_root, settings=settings)
        except ProblemsFound as found:
            raise PluginError(f"the guide's YAML has problems:\n{found}") from None
        for warning in self.guide.warnings:
            log.warning("%s", warning)
        assets.register(config, with_runtime=self._runtime() is not None)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.guide is not None
        docs_dir = Path(config.docs_dir).resolve()
        for page in generated_pages(self.guide.renderer):
            file = File.generated(config, page.src_uri, content=page.content)
            file.edit_uri = os.path.relpath(self.project_root / page.edit_path, docs_dir).replace(
                os.sep, "/")
            files.append(file)
        config.nav = expand_nav(config.nav, nav_children(self.guide.kb))
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        assert self.guide is not None
        path = Path(config.docs_dir) / page.file.src_uri
        display = os.path.relpath(path, self.project_root) if not page.file.generated_by else (
            f"(generated) {page.file.src_uri}")
        expanded, problems = self.guide.expand(
            markdown, page.file.src_uri, display,
            line_offset=front_matter_lines(page.file.content_string, markdown))
        if problems:
            raise PluginError(f"markers in {display} have problems:\n{format_problems(problems)}")
        return expanded

    def on_post_build(self, config: MkDocsConfig) -> None:
        assets.write(Path(config.site_dir), self._runtime())

    def _runtime(self) -> Path | None:
        calculators = self.config.calculators_dir
        return assets.runtime_folder(Path(calculators) if calculators else None)

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(Path(self.config.knowledge_dir).resolve()))
        if self.config.calculators_dir:
            server.watch(str(Path(self.config.calculators_dir).resolve()))
        return server


def resolve_today(configured: str | None) -> dt.date:
    """The configured date, else DECISION_GUIDE_TODAY, else the real date."""
    text = configured or os.environ.get("DECISION_GUIDE_TODAY")
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise PluginError(f"decision-guide: 'today' must be YYYY-MM-DD; got {text!r}") from None


def front_matter_lines(source: str, markdown: str) -> int:
    """How many lines MkDocs removed above the Markdown (the YAML front matter)."""
    if markdown and source.endswith(markdown):
        return source[: len(source) - len(markdown)].count("\n")
    return 0
