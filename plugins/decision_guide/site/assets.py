"""The site assets: the plugin's stylesheet and script (``static/``), and the calculators'
browser runtime (``calculators/runtime/``), both shipped inside the package.

An engine adapter lists ``stylesheets()`` and ``module_scripts()`` on every page (MkDocs:
``extra_css`` / ``extra_javascript`` as ES modules) and has ``write()`` copy the files into
``assets/decision-guide/`` of the site (MkDocs) or of the docs folder it builds (Zensical).
Nothing is loaded from outside.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from decision_guide.site.minify import strip_comments

SITE_FOLDER = "assets/decision-guide"
RUNTIME_FOLDER = f"{SITE_FOLDER}/calculators"
RUNTIME_ENTRY = "decision-guide-calculators.js"
RUNTIME_STYLES = "calculators.css"


def stylesheets(*, with_runtime: bool) -> list[str]:
    """The stylesheets every page links, as paths relative to the site's root."""
    paths = [f"{SITE_FOLDER}/decision-guide.css"]
    if with_runtime:
        paths.append(f"{RUNTIME_FOLDER}/{RUNTIME_STYLES}")
    return paths


def module_scripts(*, with_runtime: bool) -> list[str]:
    """The scripts every page loads as ES modules (``type="module"``), relative to the root."""
    paths = [f"{SITE_FOLDER}/decision-guide.js"]
    if with_runtime:
        paths.append(f"{RUNTIME_FOLDER}/{RUNTIME_ENTRY}")
    return paths


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
