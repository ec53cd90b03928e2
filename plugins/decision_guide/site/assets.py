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
    for path, text in shipped_files(with_runtime=with_runtime).items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def shipped_files(*, with_runtime: bool) -> dict[str, str]:
    """Every shipped script and stylesheet by its path in the site, comments stripped."""
    files = _folder(resources.files("decision_guide.site") / "static", SITE_FOLDER)
    if with_runtime:
        files |= _folder(resources.files("decision_guide.calculators") / "runtime", RUNTIME_FOLDER)
    return files


def _folder(source: Traversable, target: str) -> dict[str, str]:
    """A packaged folder's scripts and stylesheets (nothing else), without their comments."""
    entries = sorted((entry for entry in source.iterdir()
                      if entry.is_file() and entry.name.endswith((".js", ".css"))),
                     key=lambda entry: entry.name)
    if not entries:  # a broken install must not give a site whose calculators silently do nothing
        raise FileNotFoundError(f"the decision_guide package is incomplete: no scripts in {source}")
    return {f"{target}/{entry.name}": strip_comments(entry.read_text(encoding="utf-8"),
                                                       Path(entry.name).suffix)
            for entry in entries}
