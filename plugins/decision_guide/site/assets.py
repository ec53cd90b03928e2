"""The site assets: the plugin's stylesheet and script (``static/``), and the calculators'
browser runtime (``calculators/runtime/``), both shipped inside the package.

Both are registered on every page (``extra_css`` / ``extra_javascript`` as ES modules) and
copied into ``site/assets/decision-guide/`` after the build. Nothing is loaded from outside.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig

from decision_guide.site.minify import strip_comments

SITE_FOLDER = "assets/decision-guide"
RUNTIME_FOLDER = f"{SITE_FOLDER}/calculators"
RUNTIME_ENTRY = "decision-guide-calculators.js"
RUNTIME_STYLES = "calculators.css"


def register(config: MkDocsConfig, *, with_runtime: bool) -> None:
    """Add the stylesheets and module scripts to every page, once."""
    stylesheets = [f"{SITE_FOLDER}/decision-guide.css"]
    scripts = [f"{SITE_FOLDER}/decision-guide.js"]
    if with_runtime:
        stylesheets.append(f"{RUNTIME_FOLDER}/{RUNTIME_STYLES}")
        scripts.append(f"{RUNTIME_FOLDER}/{RUNTIME_ENTRY}")
    for path in stylesheets:
        if path not in config.extra_css:
            config.extra_css.append(path)
    present = {str(script) for script in config.extra_javascript}
    for path in scripts:
        if path not in present:
            script = ExtraScriptValue(path)
            script.type = "module"
            config.extra_javascript.append(script)


def write(site_dir: Path, *, with_runtime: bool) -> None:
    """Copy the package's own scripts and styles, and the calculators' runtime if it is used."""
    _copy_folder(resources.files("decision_guide.site") / "static", site_dir / SITE_FOLDER)
    if with_runtime:
        _copy_folder(resources.files("decision_guide.calculators") / "runtime",
                     site_dir / RUNTIME_FOLDER)


def _copy_folder(source: Traversable, target: Path) -> None:
    """Copy a packaged folder's scripts and stylesheets (nothing else) into the site."""
    entries = sorted((entry for entry in source.iterdir()
                      if entry.is_file() and entry.name.endswith((".js", ".css"))),
                     key=lambda entry: entry.name)
    if not entries:  # a broken install must not give a site whose calculators silently do nothing
        raise FileNotFoundError(f"the decision_guide package is incomplete: no scripts in {source}")
    target.mkdir(parents=True, exist_ok=True)
    for entry in entries:
        with resources.as_file(entry) as path:
            _copy(path, target / entry.name)


def _copy(source: Path, target: Path) -> None:
    """Copy a script or stylesheet without its comments (see ``minify``)."""
    text = source.read_text(encoding="utf-8")
    target.write_text(strip_comments(text, source.suffix), encoding="utf-8")
