"""What the MkDocs hooks hand to MkDocs, kept out of the hooks so each stays a few lines: the
assets as ``extra_css`` / ``extra_javascript``, the generated pages as MkDocs files with
edit links to the YAML behind them, and edit URLs with their ``..`` resolved."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from decision_guide.adapters.serve_rebuilds import KeptFile
from decision_guide.site import assets

if TYPE_CHECKING:  # the plugin's module imports this one at start; pages load in the hooks
    from decision_guide.site.pages import GeneratedPage


def register_assets(config: MkDocsConfig) -> None:
    """Add the package's stylesheet and script to every page, once (``on_config``
    runs again on every ``serve`` rebuild with the same lists)."""
    for path in assets.stylesheets():
        if path not in config.extra_css:
            config.extra_css.append(path)
    present = {str(script) for script in config.extra_javascript}
    for path in assets.scripts():
        if path not in present:
            config.extra_javascript.append(ExtraScriptValue(path))


def add_generated_files(files: Files, config: MkDocsConfig, pages: Iterable[GeneratedPage],
                        project_root: Path, *, kept: Callable[[str], bool] = lambda uri: False
                        ) -> None:
    """Each generated page as a MkDocs file whose "edit" action opens the YAML behind it; those
    ``kept`` says are unchanged since the last build as ``KeptFile`` (``serve_rebuilds``)."""
    docs_dir = Path(config.docs_dir).resolve()
    for page in pages:
        kind = KeptFile if kept(page.src_uri) else File
        file = kind.generated(config, page.src_uri, content=page.content)
        file.edit_uri = os.path.relpath(project_root / page.edit_path, docs_dir).replace(os.sep, "/")
        files.append(file)


def normalize_url_path(url: str) -> str:
    """Resolve ``..`` in a URL's path: generated pages' edit links climb out of ``docs_dir``
    to the YAML behind them, and MkDocs joins them without resolving."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=posixpath.normpath(parts.path)))
