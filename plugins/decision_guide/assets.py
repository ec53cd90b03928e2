"""The site assets: the plugin's stylesheet and script, and the calculators' browser runtime.

Both are registered on every page (``extra_css`` / ``extra_javascript`` as ES modules) and
copied into ``site/assets/decision-guide/`` after the build. Nothing is loaded from outside.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig

from .minify import strip_comments

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


def write(site_dir: Path, runtime_dir: Path | None) -> None:
    """Copy the package's assets, and the runtime's modules and styles (not its tests)."""
    target = site_dir / SITE_FOLDER
    target.mkdir(parents=True, exist_ok=True)
    for entry in (resources.files("decision_guide") / "assets").iterdir():
        if entry.is_file():
            with resources.as_file(entry) as path:
                _copy(path, target / entry.name)
    if runtime_dir is not None:
        runtime_target = site_dir / RUNTIME_FOLDER
        runtime_target.mkdir(parents=True, exist_ok=True)
        for path in sorted(runtime_dir.iterdir()):
            if path.is_file() and path.suffix in (".js", ".css"):
                _copy(path, runtime_target / path.name)


def _copy(source: Path, target: Path) -> None:
    """Copy a script or stylesheet without its comments (see ``minify``)."""
    text = source.read_text(encoding="utf-8")
    target.write_text(strip_comments(text, source.suffix), encoding="utf-8")


def runtime_folder(calculators_dir: Path | None) -> Path | None:
    """The calculators' ``runtime/`` folder, if the site has one."""
    if calculators_dir is None:
        return None
    runtime = calculators_dir / "runtime"
    return runtime if (runtime / RUNTIME_ENTRY).is_file() else None
