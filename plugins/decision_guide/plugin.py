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
from .knowledge import KnowledgeBase, load_knowledge
from .markers import expand_markers
from .pages import generated_pages
from .problems import ProblemsFound, format_problems
from .render import Renderer, RenderSettings

log = get_plugin_logger(__name__)


class DecisionGuidePlugin(BasePlugin[GuideConfig]):
    """Loads the knowledge base, generates its pages, expands markers, ships the assets."""

    def __init__(self) -> None:
        self.kb: KnowledgeBase | None = None
        self.renderer: Renderer | None = None
        self.project_root = Path.cwd()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.project_root = Path(config.config_file_path).resolve().parent
        today = resolve_today(self.config.today)
        try:
            self.kb = load_knowledge(Path(self.config.knowledge_dir), project_root=self.project_root,
                                     today=today)
        except ProblemsFound as found:
            raise PluginError(f"the knowledge base has problems:\n{found}") from None
        for warning in self.kb.warnings:
            log.warning("%s", warning)
        template_dirs = tuple(Path(d) for d in [self.config.templates_dir] if d)
        self.renderer = Renderer(self.kb, RenderSettings(
            today=today, max_age_months=self.config.max_age_months,
            use_directory_urls=config.use_directory_urls, template_dirs=template_dirs))
        assets.register(config)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.renderer is not None
        docs_dir = Path(config.docs_dir).resolve()
        for page in generated_pages(self.renderer):
            file = File.generated(config, page.src_uri, content=page.content)
            file.edit_uri = os.path.relpath(self.project_root / page.edit_path, docs_dir).replace(
                os.sep, "/")
            files.append(file)
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        assert self.renderer is not None
        path = (Path(config.docs_dir) / page.file.src_uri)
        display = os.path.relpath(path, self.project_root) if not page.file.generated_by else (
            f"(generated) {page.file.src_uri}")
        expanded, problems = expand_markers(
            markdown, self.renderer.context(page.file.src_uri), display,
            line_offset=front_matter_lines(page.file.content_string, markdown))
        if problems:
            raise PluginError(f"markers in {display} have problems:\n{format_problems(problems)}")
        return expanded

    def on_post_build(self, config: MkDocsConfig) -> None:
        assets.write(Path(config.site_dir))

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
