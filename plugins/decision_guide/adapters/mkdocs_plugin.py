"""The MkDocs adapter: each hook hands plain data to plain functions and nothing more."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from decision_guide.adapters.config import GuideConfig, resolve_today
from decision_guide.adapters.mkdocs_support import add_generated_files, normalize_url_path, register_assets
from decision_guide.guide import Guide, load_guide
from decision_guide.problems import Problem, ProblemsFound, format_problems
from decision_guide.site import assets
from decision_guide.site.banner import banner_html
from decision_guide.site.markers import front_matter_lines
from decision_guide.site.navigation import expand_nav, nav_children
from decision_guide.site.pages import generated_pages, placeholder_pages
from decision_guide.site.render import RenderSettings

log = get_plugin_logger(__name__)


class DecisionGuidePlugin(BasePlugin[GuideConfig]):
    """Loads the knowledge base, generates its pages, expands markers, ships the assets."""

    def __init__(self) -> None:
        self.guide: Guide | None = None
        self.problems: list[Problem] = []
        self.serving = False
        self._page_problems: dict[str, list[Problem]] = {}
        self.project_root = Path.cwd()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defining this hook keeps one plugin object across `serve` rebuilds, which is what
        lets a broken save fall back to the last guide that loaded."""
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.project_root = Path(config.config_file_path).resolve().parent
        settings = RenderSettings(
            today=resolve_today(self.config.today), max_age_months=self.config.max_age_months,
            use_directory_urls=config.use_directory_urls,
            template_dirs=tuple(Path(d) for d in [self.config.templates_dir] if d))
        calculators = self.config.calculators_dir
        self.problems = []
        self._page_problems = {}
        try:
            self.guide = load_guide(Path(self.config.knowledge_dir),
                                    Path(calculators) if calculators else None,
                                    project_root=self.project_root, settings=settings)
        except ProblemsFound as found:
            if not self.serving:
                raise PluginError(f"the guide's YAML has problems:\n{found}") from None
            self.problems = list(found.problems)
            log.info("the guide's YAML has problems (shown on every page until fixed):\n%s", found)
            if self.guide is None:
                # Nothing ever loaded, so links to generated pages cannot resolve; under
                # `strict` their warnings would abort the build and leave the editor with no
                # page to read the problem list on.
                config.validation.links.not_found = logging.INFO
                config.validation.links.anchors = logging.INFO
                config.validation.nav.not_found = logging.INFO
        else:
            for warning in self.guide.warnings:
                log.warning("%s", warning)
        register_assets(config, with_runtime=self._with_runtime())
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        knowledge = Path(self.config.knowledge_dir).resolve().relative_to(self.project_root)
        pages = (generated_pages(self.guide.renderer) if self.guide is not None
                 else placeholder_pages(knowledge.as_posix()))
        add_generated_files(files, config, pages, self.project_root)
        if self.guide is not None:
            config.nav = expand_nav(config.nav, nav_children(self.guide.kb))
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        if self.guide is None:  # serving with YAML that never loaded: markers stay invisible
            return markdown
        path = Path(config.docs_dir) / page.file.src_uri
        display = os.path.relpath(path, self.project_root) if not page.file.generated_by else (
            f"(generated) {page.file.src_uri}")
        expanded, problems = self.guide.expand(
            markdown, page.file.src_uri, display,
            line_offset=front_matter_lines(page.file.content_string, markdown))
        if problems and not self.serving:
            raise PluginError(f"markers in {display} have problems:\n{format_problems(problems)}")
        self._page_problems[page.file.src_uri] = problems
        return expanded

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        problems = self.problems + self._page_problems.get(page.file.src_uri, [])
        if not problems:
            return html
        return str(banner_html(problems, showing_last_good=self.guide is not None)) + html

    def on_page_context(self, context: dict[str, Any], page: Page, config: MkDocsConfig,
                        nav: Any) -> dict[str, Any]:
        if page.edit_url and page.file.generated_by:
            page.edit_url = normalize_url_path(page.edit_url)
        return context

    def on_post_build(self, config: MkDocsConfig) -> None:
        assets.write(Path(config.site_dir), with_runtime=self._with_runtime())

    def _with_runtime(self) -> bool:
        """The calculators' runtime ships whenever the site has calculators."""
        return bool(self.config.calculators_dir)

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(Path(self.config.knowledge_dir).resolve()))
        if self.config.calculators_dir:
            server.watch(str(Path(self.config.calculators_dir).resolve()))
        return server
