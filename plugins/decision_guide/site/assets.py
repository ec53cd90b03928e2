"""The site assets: the plugin's stylesheet and script (``static/``), and the calculators'
browser runtime (``calculators/runtime/``), both shipped inside the package.

Every page loads one stylesheet and one small classic script (table sorting, and a loader);
only a page that holds a calculator loads the runtime, which the loader adds when it finds one
(also after Material's instant navigation). Both scripts are bundles of ES module sources
(``bundle.py``): classic scripts, so the site works opened from ``file://``, where browsers
block modules. An engine adapter lists ``stylesheets()`` and ``scripts()`` on every page
(MkDocs: ``extra_css`` / ``extra_javascript``) and has ``write()`` put the files into
``assets/decision-guide/``. Nothing is loaded from outside.

The runtime ships minified (``static/calculators.min.js``, a third smaller gzipped than the
bundle with its comments stripped): a build needs no JavaScript tool, so the minified file is
made from the sources by ``make runtime`` (terser, pinned in package.json) and committed, and a
test fails when it is not the minified ``runtime_bundle()`` of the sources as they are.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from decision_guide.site.bundle import bundle
from decision_guide.site.minify import strip_comments

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

SITE_FOLDER = "assets/decision-guide"
STYLESHEET = "decision-guide.css"
SCRIPT = "decision-guide.js"
RUNTIME = "calculators.js"
"""The runtime bundle, beside ``SCRIPT``, which loads it by that name."""
RUNTIME_ENTRY = "decision-guide-calculators.js"
RUNTIME_STYLES = "calculators.css"
RUNTIME_MINIFIED = "calculators.min.js"
"""The committed, minified ``runtime_bundle()`` in ``static/`` (what ``RUNTIME`` ships as)."""


def stylesheets() -> list[str]:
    """The stylesheets every page links, as paths relative to the site's root."""
    return [f"{SITE_FOLDER}/{STYLESHEET}"]


def scripts() -> list[str]:
    """The classic scripts every page loads, relative to the root."""
    return [f"{SITE_FOLDER}/{SCRIPT}"]


def built_assets(*, with_runtime: bool) -> dict[str, str]:
    """File name → text of every asset the site gets, comments stripped (the runtime minified)."""
    static = _package_folder("decision_guide.site", "static")
    styles = [(static / STYLESHEET).read_text(encoding="utf-8")]
    files = {SCRIPT: bundle(SCRIPT, lambda name: (static / name).read_text(encoding="utf-8"))}
    if with_runtime:
        runtime = _package_folder("decision_guide.calculators", "runtime")
        styles.append((runtime / RUNTIME_STYLES).read_text(encoding="utf-8"))
    files[STYLESHEET] = "\n".join(styles)
    shipped = {name: strip_comments(text, "." + name.rsplit(".", 1)[1]) for name, text in files.items()}
    if with_runtime:
        shipped[RUNTIME] = (static / RUNTIME_MINIFIED).read_text(encoding="utf-8")
    return shipped


def runtime_bundle() -> str:
    """The calculators' runtime as one classic script, from its ES module sources, comments
    stripped: what ``make runtime`` minifies into ``RUNTIME_MINIFIED``."""
    runtime = _package_folder("decision_guide.calculators", "runtime")
    return strip_comments(bundle(RUNTIME_ENTRY, lambda name: (runtime / name).read_text(encoding="utf-8")),
                          ".js")


def _package_folder(package: str, folder: str) -> Traversable:
    from importlib import resources  # here, not at the top: the plugin's module imports this one

    return resources.files(package) / folder


def write(site_dir: Path, *, with_runtime: bool) -> None:
    """Write the stylesheet, the script and, if the site has calculators, the runtime."""
    for path, text in shipped_files(with_runtime=with_runtime).items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def shipped_files(*, with_runtime: bool) -> dict[str, str]:
    """Every shipped file by its path in the site, comments stripped."""
    return {f"{SITE_FOLDER}/{name}": text
            for name, text in built_assets(with_runtime=with_runtime).items()}
