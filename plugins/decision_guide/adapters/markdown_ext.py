"""The Python-Markdown adapter: expands ``<!-- guide:… -->`` markers wherever Python-Markdown
runs, which is how the guide builds on engines that run Markdown extensions but not MkDocs
plugins (Zensical).

    markdown_extensions:
      - decision_guide.adapters.markdown_ext:
          knowledge_dir: /site/content/knowledge
          calculators_dir: /site/calculators
          project_root: /site

``decision-guide generate`` writes this entry (with the generated pages, the assets and the nav)
into the configuration it prepares for such an engine; see ``adapters/generate.py``. Under MkDocs
the plugin expands markers itself and this extension is not listed.

Links inside a block are relative to the page, so the extension needs to know which page it is
converting. Python-Markdown does not say; Zensical does, through the rendering-context
preprocessor it registers on every conversion (``page.path``, relative to the docs folder). Any
other caller passes the page as the ``page`` option.

The guide is loaded once and reused for every page while its YAML files are unchanged (Zensical
creates a new ``Markdown`` object, and so a new extension, for every page).

``generate`` ends each copied page that has markers with a stamp of the guide's data
(``stamp_line``), so that an engine that caches pages by their file (Zensical does) renders the
page again when only the YAML behind its blocks changed. The extension drops the stamp.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from decision_guide.calculators.formats import NumberStyle, StyleError, check_style
from decision_guide.guide import Guide, load_guide
from decision_guide.knowledge.dates import resolve_today
from decision_guide.knowledge.yaml_source import MAX_FILE_BYTES
from decision_guide.problems import ProblemsFound, format_problems
from decision_guide.site.markers import front_matter_lines
from decision_guide.site.render import RenderSettings

log = logging.getLogger("decision_guide")

#: Before Python-Markdown stashes raw HTML (``html_block``, 20) and reads fenced code (25), so a
#: marker's block enters the page as one raw HTML block, as it does under MkDocs.
PRIORITY = 32


STAMP = re.compile(r"^<!-- decision-guide data [0-9a-f]{16} -->$")


def stamp_line(digest: str) -> str:
    """The line ``generate`` appends to a page whose blocks depend on the guide's data."""
    return f"<!-- decision-guide data {digest[:16]} -->"


class GuideMarkdownError(Exception):
    """The knowledge base or a page's markers have problems; the message lists them all as
    ``path:line:col: message [code]``."""


@dataclass(frozen=True)
class GuideOptions:
    """The extension's options, resolved: what ``load_guide`` and the pages need."""

    knowledge_dir: Path
    calculators_dir: Path | None
    project_root: Path
    docs_dir: Path | None
    settings: RenderSettings


class GuideExtension(Extension):
    """Registers the marker preprocessor; its options mirror the MkDocs plugin's."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "knowledge_dir": ["content/knowledge", "Folder of the knowledge base's YAML files"],
            "calculators_dir": ["", "Folder of calculator definitions, if any"],
            "project_root": ["", "Paths in problems are relative to this folder (default: cwd)"],
            "docs_dir": ["", "The hand-written pages, for problem locations (the docs folder)"],
            "max_age_months": [12, "Figures older than this are flagged as stale"],
            "max_yaml_bytes": [MAX_FILE_BYTES, "The largest YAML file read, in bytes"],
            "today": ["", "Pin 'today' (YYYY-MM-DD); default DECISION_GUIDE_TODAY, then the date"],
            "templates_dir": ["", "Folder whose templates override the package's own"],
            "currency": ["USD", "ISO 4217 code of the currency values are shown in"],
            "locale": ["en-US", "BCP 47 locale for numbers and for plural forms of the words"],
            "words": ["", "YAML file overriding the plugin's own words"],
            "use_directory_urls": [True, "Pages at a/b/ (true) or a/b.html (false)"],
            "links_relative_to": ["page", "'file' where the engine rewrites links as written "
                                          "from the Markdown file (Zensical), else 'page'"],
            "page": ["index.md", "The page being converted, when the engine does not say"],
        }
        super().__init__(**kwargs)

    def options(self) -> GuideOptions:
        config = self.getConfigs()
        root = Path(config["project_root"] or ".").resolve()

        def folder(value: str) -> Path | None:
            return (root / value).resolve() if value else None

        try:
            today = resolve_today(config["today"] or None)
        except ValueError as error:
            raise GuideMarkdownError(str(error)) from None
        try:
            check_style(str(config["locale"]), str(config["currency"]))
        except StyleError as error:
            raise GuideMarkdownError(f"decision-guide: {error}") from None
        templates = folder(config["templates_dir"])
        base = config["links_relative_to"]
        if base not in ("page", "file"):
            raise GuideMarkdownError(f"decision-guide: 'links_relative_to' must be 'page' or 'file'; "
                                     f"got {base!r}")
        settings = RenderSettings(today=today, max_age_months=int(config["max_age_months"]),
                                  use_directory_urls=bool(config["use_directory_urls"]),
                                  template_dirs=(templates,) if templates else (),
                                  links_relative_to=base,
                                  max_yaml_bytes=int(config["max_yaml_bytes"]),
                                  number_style=NumberStyle(locale=str(config["locale"]),
                                                           currency=str(config["currency"])),
                                  words_file=folder(config["words"]))
        knowledge = folder(config["knowledge_dir"])
        assert knowledge is not None, "knowledge_dir has a default"
        return GuideOptions(knowledge, folder(config["calculators_dir"]), root,
                            folder(config["docs_dir"]), settings)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.preprocessors.register(MarkerPreprocessor(md, self.options(), self.getConfig("page")),
                                  "decision_guide_markers", PRIORITY)


class MarkerPreprocessor(Preprocessor):
    """Replaces the markers of one page with their blocks; any problem stops the conversion."""

    def __init__(self, md: Markdown, options: GuideOptions, fallback_page: str) -> None:
        super().__init__(md)
        self.options = options
        self.fallback_page = fallback_page

    def run(self, lines: list[str]) -> list[str]:
        while lines and not lines[-1].strip():
            lines = lines[:-1]
        if lines and STAMP.match(lines[-1]):
            lines = lines[:-1]
        markdown = "\n".join(lines)
        if "guide:" not in markdown:
            return lines
        guide = cached_guide(self.options)
        src_uri = engine_page(self.md) or self.fallback_page
        display, offset = self._location(src_uri, markdown)
        expanded, problems = guide.expand(markdown, src_uri, display, line_offset=offset)
        if problems:
            raise GuideMarkdownError(f"markers in {display} have problems:\n"
                                     f"{format_problems(problems)}")
        return expanded.split("\n")

    def _location(self, src_uri: str, markdown: str) -> tuple[str, int]:
        """The page's path as the editor knows it, and the lines its front matter took (the
        engine hands over the body only)."""
        if self.options.docs_dir is None:
            return src_uri, 0
        source = self.options.docs_dir / src_uri
        try:
            display = source.relative_to(self.options.project_root).as_posix()
        except ValueError:
            display = source.as_posix()
        if not source.is_file():
            return display, 0
        text = source.read_text(encoding="utf-8").rstrip("\n")
        return display, front_matter_lines(text, markdown.rstrip("\n"))


def engine_page(md: Markdown) -> str | None:
    """The page being converted, as the engine told its own preprocessors: Zensical registers
    one named ``rendering_context`` whose ``page.path`` is relative to the docs folder."""
    if "rendering_context" not in md.preprocessors:
        return None
    page = getattr(md.preprocessors["rendering_context"], "page", None)
    path = getattr(page, "path", None)
    return path.replace("\\", "/") if isinstance(path, str) and path else None


_CACHE: dict[GuideOptions, tuple[tuple[tuple[str, int, int], ...], Guide]] = {}


def cached_guide(options: GuideOptions) -> Guide:
    """The guide for these options, loaded again only when one of its files changed."""
    stamp = fingerprint(options)
    cached = _CACHE.get(options)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    try:
        guide = load_guide(options.knowledge_dir, options.calculators_dir,
                           project_root=options.project_root, settings=options.settings)
    except ProblemsFound as found:
        raise GuideMarkdownError(f"the guide's YAML has problems:\n{found}") from None
    for warning in guide.warnings:
        log.warning("%s", warning)
    _CACHE[options] = (stamp, guide)
    return guide


def fingerprint(options: GuideOptions) -> tuple[tuple[str, int, int], ...]:
    """Name, modification time and size of every file the guide is made from."""
    folders = [options.knowledge_dir, options.calculators_dir, *options.settings.template_dirs]
    stamps = []
    for folder in folders:
        if folder is None or not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                stat = path.stat()
                stamps.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(stamps)


def makeExtension(**kwargs: Any) -> GuideExtension:  # noqa: N802 (Python-Markdown's entry point)
    return GuideExtension(**kwargs)
