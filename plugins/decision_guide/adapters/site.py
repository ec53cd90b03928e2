"""A site as MkDocs sees it: ``mkdocs.yml`` loaded by MkDocs itself, then the guide and its pages.

``prepare_site`` is the one path from a loaded MkDocs config to a checked guide with every page
expanded: the plugin's ``on_config`` and ``decision-guide check`` both call it, so the build and
the check cannot drift apart.

``decision-guide check`` must say what ``mkdocs build`` would. Rather than re-read
``mkdocs.yml`` (which drifts: unknown options, ``!ENV`` tags, ``strict``, paths relative to the
config file), the CLI calls ``mkdocs.config.load_config``, the function the build calls, and
takes the plugin's validated options from the plugin object MkDocs created. What MkDocs logs
while loading (unknown options, bad values) becomes problems located in ``mkdocs.yml``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from decision_guide.adapters.config import GuideConfig, render_settings
from decision_guide.adapters.pages import generated_sources, source_pages
from decision_guide.guide import Guide, load_guide
from decision_guide.problems import Problem, ProblemsFound
from decision_guide.site.page_check import ExpandedPages
from decision_guide.site.pages import GeneratedPage, generated_pages

PLUGIN_NAMES = ("decision-guide", "decision_guide")


class SiteError(Exception):
    """The site cannot be loaded at all; the message says why, for the person at the terminal."""


@dataclass(frozen=True)
class Site:
    """A site's validated MkDocs config and the decision-guide plugin's options."""

    config: MkDocsConfig
    options: GuideConfig
    warnings: tuple[Problem, ...]

    @property
    def root(self) -> Path:
        return Path(self.config.config_file_path).resolve().parent

    @property
    def docs_dir(self) -> Path:
        return Path(self.config.docs_dir)

    @property
    def strict(self) -> bool:
        return bool(self.config.strict)

    def load_guide(self) -> Guide:
        """The guide exactly as the build loads it; raises ``ProblemsFound``."""
        with _config_errors():
            return guide_from_config(self.config, self.options)

    def prepare(self) -> PreparedSite:
        """Everything the build checks before writing a page (see ``prepare_site``)."""
        with _config_errors():
            return prepare_site(self.config, self.options, serving=False)


@dataclass(frozen=True)
class PreparedSite:
    """A site ready to build, or the reasons it is not: what ``prepare_site`` returns."""

    guide: Guide | None
    """The loaded guide, or None when the knowledge base or the calculators have errors."""
    generated: tuple[GeneratedPage, ...]
    expanded: ExpandedPages
    """Every page's markers expanded, hand-written and generated pages alike."""
    unreadable: tuple[Problem, ...]
    """Pages that cannot be read at all (a link out of the project, bytes that are not UTF-8)."""
    problems: tuple[Problem, ...]
    """Everything that stops a build: unreadable pages, then the guide's or the markers' errors."""


def guide_from_config(config: MkDocsConfig, options: GuideConfig) -> Guide:
    """The guide from a site's config and the plugin's options; raises ``ProblemsFound``."""
    calculators = options.calculators_dir
    return load_guide(Path(options.knowledge_dir), Path(calculators) if calculators else None,
                      project_root=Path(config.config_file_path).resolve().parent,
                      settings=render_settings(config, options))


def prepare_site(config: MkDocsConfig, options: GuideConfig, *, serving: bool) -> PreparedSite:
    """Load the guide, generate its pages and expand the markers of every page MkDocs will
    build, collecting every problem, without writing anything.

    The plugin calls this in ``on_config``, before MkDocs empties the site folder, so a mistake
    leaves the last good site in place; ``decision-guide check`` calls it to say the same."""
    root = Path(config.config_file_path).resolve().parent
    pages, unreadable = source_pages(config, root, serving=serving)
    try:
        guide = guide_from_config(config, options)
    except ProblemsFound as found:
        return PreparedSite(None, (), ExpandedPages(), tuple(unreadable),
                            (*unreadable, *found.problems))
    generated = tuple(generated_pages(guide.renderer))
    expanded = guide.expand_pages([*pages, *generated_sources(generated)])
    return PreparedSite(guide, generated, expanded, tuple(unreadable),
                        (*unreadable, *expanded.all_problems()))


@contextmanager
def _config_errors() -> Iterator[None]:
    """An option MkDocs accepted but the guide cannot use (a bad ``today``) as a ``SiteError``."""
    try:
        yield
    except MkDocsException as error:
        raise SiteError(str(error)) from None


def load_site(config_file: Path, *, strict: bool | None = None) -> Site:
    """Load ``config_file`` through MkDocs, as ``mkdocs build [--strict]`` does.

    Raises ``ProblemsFound`` when MkDocs refuses the config (every error and warning it logged,
    located in the file) and ``SiteError`` when there is no usable config or no plugin."""
    if not config_file.is_file():
        raise SiteError(f"no {config_file} here; run from the site's folder or pass -f PATH/mkdocs.yml")
    display = _display(config_file)
    with _captured("mkdocs") as records:
        try:
            config = load_config(str(config_file), strict=strict)
        except MkDocsException as error:
            problems = _problems(records, config_file, display)
            if not problems:
                raise SiteError(f"{display}: {error}") from None
            raise ProblemsFound(problems) from None
    plugin = next((config.plugins[name] for name in PLUGIN_NAMES if name in config.plugins), None)
    if plugin is None:
        raise SiteError(f"{display} does not use the decision-guide plugin; "
                        "add '- decision-guide' under 'plugins:'")
    options = plugin.config
    assert isinstance(options, GuideConfig)
    return Site(config=config, options=options, warnings=tuple(_problems(records, config_file, display)))


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def _captured(name: str) -> Iterator[list[logging.LogRecord]]:
    """Collect what the logger ``name`` says at WARNING and above instead of printing it."""
    handler = _Collector()
    logger = logging.getLogger(name)
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        yield handler.records
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


_CONFIG_VALUE = re.compile(r"Config value '([^']+)': (.*)", re.DOTALL)
_OPTION = re.compile(r"option '([^']+)'|configuration name: (\S+)")


def _problems(records: list[logging.LogRecord], config_file: Path, display: str) -> list[Problem]:
    """MkDocs' log lines as problems, each at the line of the option it names where it can be
    found (MkDocs does not say where in the file an option is)."""
    lines = config_file.read_text(encoding="utf-8", errors="replace").splitlines()
    problems = []
    for record in records:
        message = record.getMessage()
        match = _CONFIG_VALUE.match(message)
        key = match.group(1) if match else ""
        option = _OPTION.findall(match.group(2)) if match else []
        names = [n for pair in option for n in pair if n] or [key]
        line, col = _find_key(lines, names[-1]) if names and names[-1] else (1, 1)
        problems.append(Problem(
            path=display, line=line, col=col, message=message.replace("\n", " "),
            code="mkdocs-config", severity="error" if record.levelno >= logging.ERROR else "warning"))
    return problems


def _find_key(lines: list[str], key: str) -> tuple[int, int]:
    """Line and column (1-based) of the first ``key:`` in the file, else its start."""
    pattern = re.compile(rf"^(\s*(?:-\s*)?){re.escape(key)}\s*:")
    for number, text in enumerate(lines, 1):
        if match := pattern.match(text):
            return number, len(match.group(1)) + 1
    return 1, 1
