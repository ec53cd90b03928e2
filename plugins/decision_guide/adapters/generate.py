"""``decision-guide generate``: the guide as plain files, for engines that run Python-Markdown
extensions but not MkDocs plugins (Zensical).

It writes one self-contained folder (``build/zensical/`` by default), never the site's own
``docs_dir``:

    build/zensical/
      mkdocs.yml     the site's mkdocs.yml with docs_dir → docs, the nav expanded with the
                     generated pages, the assets in extra_css / extra_javascript, and the Markdown
                     extension that expands markers (adapters/markdown_ext.py) instead of the plugin
      docs/          the hand-written pages (copied, markers left for the extension), the
                     generated pages and the assets
      .gitignore     '*': the folder is output, never committed
      site/          where ``zensical build -f build/zensical/mkdocs.yml`` puts the site

Running it again rewrites only what changed and removes what is no longer generated, so it is
idempotent and Zensical's own cache stays warm. It refuses a non-empty folder it did not make.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from decision_guide import __version__
from decision_guide.adapters.markdown_ext import stamp_line
from decision_guide.guide import Guide, load_guide
from decision_guide.problems import Problem, ProblemsFound, errors_only
from decision_guide.site import assets
from decision_guide.site.markers import MARKER
from decision_guide.site.pages import generated_pages
from decision_guide.site.render import RenderSettings

DEFAULT_OUTPUT = Path("build") / "zensical"
STAMP = ".decision-guide-generated"
EXTENSION = "decision_guide.adapters.markdown_ext"
PLUGIN_NAMES = ("decision-guide", "decision_guide")
Paths = tuple[str, ...]


class GenerateError(Exception):
    """The output folder cannot be written as asked; the message says why."""


@dataclass(frozen=True)
class SiteSources:
    """What generate reads: the site's config file, its pages and the plugin's folders."""

    config_file: Path
    docs_dir: Path
    knowledge_dir: Path
    calculators_dir: Path | None
    documents: Mapping[str, bytes]
    """The docs folder's files that a build includes, by path (``adapters/pages.site_documents``)."""

    @property
    def root(self) -> Path:
        return self.config_file.resolve().parent


@dataclass(frozen=True)
class Generated:
    """What one run changed in the output folder (paths relative to it), and the warnings."""

    output: Path
    written: Paths
    removed: Paths
    unchanged: int
    warnings: tuple[Problem, ...]


def generate(sources: SiteSources, settings: RenderSettings, output: Path) -> Generated:
    """Load and check the guide as a build would, then write the folder an engine without
    plugins builds it from. Raises ``ProblemsFound`` (nothing written) when the YAML or a
    page's markers have errors, ``GenerateError`` when ``output`` is not a folder to write."""
    output = output.resolve()
    _check_output(sources, output)
    settings = replace(settings, links_relative_to="file")
    guide = load_guide(sources.knowledge_dir, sources.calculators_dir, project_root=sources.root,
                       settings=settings)
    docs = dict(sources.documents)
    problems = [*guide.warnings, *_marker_problems(guide, sources, docs)]
    if errors_only(problems):
        raise ProblemsFound(problems)
    stamp = stamp_line(data_digest(sources, settings)).encode()
    for src_uri, content in docs.items():
        if src_uri.endswith(".md") and MARKER.search(content.decode("utf-8")):
            docs[src_uri] = content.rstrip(b"\n") + b"\n\n" + stamp + b"\n"
    with_runtime = sources.calculators_dir is not None
    for page in generated_pages(guide.renderer):
        if page.src_uri in docs:
            raise GenerateError(f"{_display(sources.docs_dir / page.src_uri, sources.root)} has "
                                "the path of a generated page; rename it")
        docs[page.src_uri] = page.content.encode("utf-8")
    for path, text in assets.shipped_files(with_runtime=with_runtime).items():
        docs[path] = text.encode("utf-8")
    files = {f"docs/{path}": content for path, content in docs.items()}
    files["mkdocs.yml"] = engine_config(sources, guide, output).encode("utf-8")
    files[".gitignore"] = b"# Output of decision-guide generate: rebuilt on every run.\n*\n"
    files[STAMP] = (f"Written by 'decision-guide generate' from {sources.config_file.name}; "
                    "edit the site's own files and run it again.\n").encode()
    written, removed = _sync(output, files, managed="docs")
    return Generated(output, written, removed, len(files) - len(written), tuple(problems))


def data_digest(sources: SiteSources, settings: RenderSettings) -> str:
    """A digest of everything a page's blocks are made from besides its own text: the YAML,
    the templates, the words file, the settings and the engine's version."""
    digest = hashlib.sha256(f"{__version__}\n{settings}\n".encode())
    if settings.words_file is not None and settings.words_file.is_file():
        digest.update(settings.words_file.read_bytes())
    folders = [sources.knowledge_dir, sources.calculators_dir, *settings.template_dirs]
    for folder in folders:
        if folder is None:
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(f"{path.relative_to(folder).as_posix()}\n".encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def _marker_problems(guide: Guide, sources: SiteSources, docs: Mapping[str, bytes]) -> list[Problem]:
    """Every hand-written page's markers, checked before anything is written."""
    problems: list[Problem] = []
    for src_uri, content in docs.items():
        if src_uri.endswith(".md"):
            display = _display(sources.docs_dir / src_uri, sources.root)
            problems += guide.expand(content.decode("utf-8"), src_uri, display)[1]
    return problems


def engine_config(sources: SiteSources, guide: Guide, output: Path) -> str:
    """The site's config as an engine without the plugin needs it, next to ``docs/``.

    It starts from the file as written (tags such as ``!ENV`` and ``!!python/name:`` kept) so
    that everything the plugin does not touch reaches the engine unchanged."""
    config = read_config(sources.config_file)
    back = Path(os.path.relpath(sources.root, output))
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    theme = config.get("theme")
    if isinstance(theme, dict) and isinstance(theme.get("custom_dir"), str):
        theme["custom_dir"] = (back / theme["custom_dir"]).as_posix()
    if isinstance(config.get("INHERIT"), str):
        config["INHERIT"] = (back / config["INHERIT"]).as_posix()
    if isinstance(config.get("watch"), list):
        config["watch"] = [(back / item).as_posix() if isinstance(item, str) else item
                           for item in config["watch"]]
    config["plugins"] = [entry for entry in config.get("plugins") or [] if not _is_ours(entry)]
    config["extra_css"] = _added(config.get("extra_css"), assets.stylesheets())
    present = {item.get("path") if isinstance(item, dict) else item
               for item in config.get("extra_javascript") or []}
    config["extra_javascript"] = [*(config.get("extra_javascript") or []),
                                  *(path for path in assets.scripts() if path not in present)]
    config["markdown_extensions"] = [*(config.get("markdown_extensions") or []),
                                     {EXTENSION: extension_options(sources, guide)}]
    header = (f"# Written by 'decision-guide generate' from {_display(sources.config_file, sources.root)}"
              "; do not edit:\n# change that file and run generate again.\n")
    body: str = yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    return header + body


def extension_options(sources: SiteSources, guide: Guide) -> dict[str, Any]:
    """The Markdown extension's options: the plugin's, with 'today' fixed to the day the pages
    were generated so the blocks in hand-written pages and the generated pages agree."""
    root = sources.root

    def relative(path: Path | None) -> str:
        return "" if path is None else os.path.relpath(path.resolve(), root).replace(os.sep, "/")

    settings = guide.renderer.settings
    templates = settings.template_dirs[0] if settings.template_dirs else None
    return {"project_root": str(root), "knowledge_dir": relative(sources.knowledge_dir),
            "calculators_dir": relative(sources.calculators_dir), "docs_dir": relative(sources.docs_dir),
            "templates_dir": relative(templates), "max_age_months": settings.max_age_months,
            "today": settings.today.isoformat(), "use_directory_urls": settings.use_directory_urls,
            "links_relative_to": settings.links_relative_to, "max_yaml_bytes": settings.max_yaml_bytes,
            "currency": settings.number_style.currency, "locale": settings.number_style.locale,
            "words": relative(settings.words_file)}


def _check_output(sources: SiteSources, output: Path) -> None:
    docs = sources.docs_dir.resolve()
    if output == sources.root or output.is_relative_to(docs) or docs.is_relative_to(output):
        raise GenerateError(f"{output} would mix generated files with the site's own; "
                            "choose a folder of its own, such as build/zensical")
    if output.exists() and any(output.iterdir()) and not (output / STAMP).is_file():
        raise GenerateError(f"{output} is not empty and was not written by decision-guide "
                            "generate; choose another folder or empty it")


def _sync(output: Path, files: Mapping[str, bytes], *, managed: str) -> tuple[Paths, Paths]:
    """Make ``output`` hold ``files``: write what differs, and remove files under ``managed``
    that are no longer wanted (the engine's ``site/`` and caches are left alone)."""
    written = []
    for path, content in sorted(files.items()):
        target = output / path
        if target.is_file() and target.read_bytes() == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        written.append(path)
    removed = []
    root = output / managed
    for existing in sorted(root.rglob("*"), reverse=True):  # files before their folders
        relative = existing.relative_to(output).as_posix()
        if existing.is_file() and relative not in files:
            existing.unlink()
            removed.append(relative)
        elif existing.is_dir() and not any(existing.iterdir()):
            existing.rmdir()
    return tuple(written), tuple(sorted(removed))


def _added(existing: Iterable[Any] | None, paths: list[str]) -> list[Any]:
    items = list(existing or [])
    return items + [path for path in paths if path not in items]


def _is_ours(entry: Any) -> bool:
    name = entry if isinstance(entry, str) else next(iter(entry), None) if isinstance(entry, dict) else None
    return name in PLUGIN_NAMES


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class Tagged:
    """A YAML value with a tag the engine resolves (``!ENV``, ``!!python/name:…``), kept as
    written."""

    tag: str
    value: Any


class _Loader(yaml.SafeLoader):
    """Reads a config file keeping every tag it does not know as ``Tagged``."""


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    value: Any
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        assert isinstance(node, yaml.MappingNode)
        value = loader.construct_mapping(node, deep=True)
    return Tagged(node.tag, value)


_Loader.add_multi_constructor("!", _construct_tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)


class _Dumper(yaml.SafeDumper):
    """Writes ``Tagged`` values back with their tags."""


def _represent_tagged(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, str(data.value))


_Dumper.add_representer(Tagged, _represent_tagged)


def read_config(config_file: Path) -> dict[str, Any]:
    """The config file as written, tags kept (see ``Tagged``)."""
    with config_file.open(encoding="utf-8") as handle:
        config = yaml.load(handle, Loader=_Loader)  # noqa: S506 (a SafeLoader that keeps tags as data)
    return config if isinstance(config, dict) else {}
