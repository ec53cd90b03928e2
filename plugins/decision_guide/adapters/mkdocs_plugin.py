"""The MkDocs adapter: each hook hands plain data to plain functions and nothing more."""

from __future__ import annotations

import gc
import logging
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from decision_guide.adapters.config import GuideConfig
from decision_guide.adapters.mkdocs_support import add_generated_files, normalize_url_path, register_assets
from decision_guide.adapters.nav_sections import file_under_sections, keep_out_of_nav
from decision_guide.adapters.serve_rebuilds import (
    THEME_BYTECODE,
    Rebuilds,
    fingerprints,
    quiet_dirty_notice,
    site_fingerprint,
    watch_quickly,
)
from decision_guide.knowledge.files import display_path
from decision_guide.problems import Problem, format_problems
from decision_guide.site.page_check import ExpandedPages

if TYPE_CHECKING:
    from decision_guide.guide import Guide
    from decision_guide.site.pages import GeneratedPage

# The core (pydantic models, templates) is imported in the hooks, not here: MkDocs imports every
# plugin's module on each start, also for commands that never build. A test keeps it so (the
# bench reports this module's import time, budget 0.1 s).

log = get_plugin_logger(__name__)

UNREADABLE_PAGE = "# This page cannot be read\n\nThe problem list above says why.\n"


class DecisionGuidePlugin(BasePlugin[GuideConfig]):  # type: ignore[no-untyped-call]
    """Loads the knowledge base, generates its pages, expands markers, ships the assets."""

    def __init__(self) -> None:
        self.guide: Guide | None = None
        self.problems: list[Problem] = []
        self.serving = False
        self.dirty = False
        self.rebuilds = Rebuilds()
        self._observer: Any = None
        self._page_problems: dict[str, list[Problem]] = {}
        self._refused: set[str] = set()
        self.generated: list[GeneratedPage] = []
        self.expanded = ExpandedPages()
        self.project_root = Path.cwd()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defining this hook keeps one plugin object across `serve` rebuilds, which is what
        lets a broken save fall back to the last guide that loaded."""
        self.serving = command == "serve"
        self.dirty = dirty
        if self.serving and dirty:
            quiet_dirty_notice()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and check everything, every page's markers included, before MkDocs empties the
        site folder: a failed build leaves the last good site as it was."""
        with _collector_paused():
            self._prepare(config)
        register_assets(config)
        # What exists now (the guide, its pages, MkDocs' config) lives until the build ends: the
        # collector need not walk it again in each full collection while the pages render.
        gc.freeze()
        return config

    def _prepare(self, config: MkDocsConfig) -> None:
        from decision_guide.adapters.site import prepare_site

        self.project_root = Path(config.config_file_path).resolve().parent
        self.problems, self._page_problems, self._refused = [], {}, set()
        try:
            prepared = prepare_site(config, self.config, serving=self.serving)
        except Exception as exc:
            if not self.serving:
                raise  # our own bug: a build shows the traceback
            log.exception("decision-guide failed while loading the guide")
            self._keep_serving(config, [Problem(
                "(decision-guide)", 1, 1, f"internal error: {type(exc).__name__}: {exc}; the "
                "traceback is in the terminal", "internal-error")])
        else:
            self._refused = {problem.path for problem in prepared.unreadable}
            if prepared.guide is not None:
                self.guide, self.expanded = prepared.guide, prepared.expanded
                self.generated = list(prepared.generated)
                for warning in prepared.guide.warnings:
                    log.warning("%s", warning)
            if prepared.problems:
                self._keep_serving(config, prepared.problems)
        if self.serving and self.dirty:
            contents = {page.src_uri: page.content for page in self.generated}
            self.rebuilds.note(fingerprints(self.expanded, contents),
                               problems=bool(self.problems) or self.guide is None,
                               site=site_fingerprint(config.config_file_path, config.theme.custom_dir))

    def _keep_serving(self, config: MkDocsConfig, problems: Sequence[Problem]) -> None:
        """Stop a build with every problem; under `serve`, keep the last good guide and show
        ``problems`` on every page until the next save fixes them."""
        if not self.serving:
            raise PluginError(f"the guide has problems:\n{format_problems(problems)}")
        self.problems = list(problems)
        log.info("the guide has problems (shown on every page until fixed):\n%s",
                 format_problems(problems))
        if self.guide is None:
            # Nothing ever loaded, so links to generated pages cannot resolve; under
            # `strict` their warnings would abort the build and leave the editor with no
            # page to read the problem list on.
            config.validation.links.not_found = logging.INFO
            config.validation.links.anchors = logging.INFO
            config.validation.nav.not_found = logging.INFO

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        from decision_guide.site.navigation import entity_sections
        from decision_guide.site.pages import placeholder_pages

        knowledge = display_path(Path(self.config.knowledge_dir), self.project_root)
        for file in files.documentation_pages():  # never read: a link out, or not UTF-8
            if file.abs_src_path and os.path.relpath(file.abs_src_path, self.project_root).replace(
                    os.sep, "/") in self._refused:
                file.content_string = UNREADABLE_PAGE  # keeps the nav whole under `serve`
        pages = self.generated if self.guide is not None else placeholder_pages(knowledge)
        # Outside `serve --dirty` nothing is noted, so no page counts as unchanged.
        add_generated_files(files, config, pages, self.project_root, kept=self.rebuilds.unchanged)
        if self.serving and self.dirty:
            self.rebuilds.drop_stale_outputs(files)
        if self.guide is not None:
            keep_out_of_nav(files, entity_sections(self.guide.kb))
        return files

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        """Under `serve`, the theme's compiled templates outlive each rebuild's environment."""
        if self.serving:
            env.bytecode_cache = THEME_BYTECODE
        return env

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        from decision_guide.site.navigation import entity_sections

        if self.guide is not None:
            file_under_sections(nav, files, entity_sections(self.guide.kb))
        return nav

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        if self.guide is None:  # serving with YAML that never loaded: markers stay invisible
            return markdown
        cached = self.expanded.lookup(page.file.src_uri, markdown)
        if cached is None:  # the text changed since on_config (another plugin edited it)
            from decision_guide.site.markers import front_matter_lines

            display = (f"(generated) {page.file.src_uri}" if page.file.generated_by else
                       os.path.relpath(Path(config.docs_dir) / page.file.src_uri, self.project_root))
            cached = self.guide.expand(markdown, page.file.src_uri, display, line_offset=(
                front_matter_lines(page.file.content_string, markdown)))
            if cached[1] and not self.serving:
                raise PluginError(f"markers in {display} have problems:\n"
                                  f"{format_problems(cached[1])}")
            self._page_problems[page.file.src_uri] = cached[1]
        return cached[0]

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        problems = self.problems + self._page_problems.get(page.file.src_uri, [])
        if not problems:
            return html
        from decision_guide.site.banner import banner_html

        words = self.guide.renderer.words if self.guide is not None else None
        return str(banner_html(problems, showing_last_good=self.guide is not None, words=words)) + html

    def on_page_context(self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        if page.edit_url and page.file.generated_by:
            page.edit_url = normalize_url_path(page.edit_url)
        return context

    def on_post_build(self, config: MkDocsConfig) -> None:
        from decision_guide.site import assets

        gc.unfreeze()  # `serve` goes on, and so may the process that called the build
        assets.write(Path(config.site_dir), with_runtime=self._with_runtime())

    def on_build_error(self, *, error: Exception) -> None:
        gc.unfreeze()

    def _with_runtime(self) -> bool:
        """The calculators' runtime ships whenever the site has calculators."""
        return bool(self.config.calculators_dir)

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        """Watch the YAML (MkDocs watches only ``docs_dir``), polled every 0.1 s."""
        watched = [self.config.knowledge_dir, self.config.calculators_dir, self.config.words]
        self._observer = watch_quickly(server, [str(Path(p).resolve()) for p in watched if p])
        return server

    def on_shutdown(self) -> None:
        if self._observer is not None:
            self._observer.stop()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's garbage collector off while the guide loads: loading makes some hundred thousand
    objects and next to no garbage cycles, and each of the collector's passes over them (a
    tenth of the build's time) would find nothing to free."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
