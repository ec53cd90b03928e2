"""The site assets the plugin ships: its stylesheet and its script, registered and written."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig

SITE_FOLDER = "assets/decision-guide"
STYLESHEET = f"{SITE_FOLDER}/decision-guide.css"
SCRIPT = f"{SITE_FOLDER}/decision-guide.js"


def register(config: MkDocsConfig) -> None:
    """Add the stylesheet and the module script to every page, once."""
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)
    if not any(str(script) == SCRIPT for script in config.extra_javascript):
        script = ExtraScriptValue(SCRIPT)
        script.type = "module"
        config.extra_javascript.append(script)


def write(site_dir: Path) -> None:
    """Copy the package's assets into the built site."""
    target = site_dir / SITE_FOLDER
    target.mkdir(parents=True, exist_ok=True)
    package_assets = resources.files("decision_guide") / "assets"
    for entry in package_assets.iterdir():
        if entry.is_file():
            with resources.as_file(entry) as path:
                shutil.copyfile(path, target / entry.name)
