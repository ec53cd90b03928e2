"""The plain twin of a guide: the same pages (markers already expanded, generated pages written
out as Markdown), the same assets, nav and theme, built by MkDocs with the plugin off.

The build budget compares a build with the plugin against this twin, so the ratio is what the
plugin costs on top of MkDocs and Material rendering the very same pages.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml


class _TagBlindLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as plain data, dropping ``!ENV`` and ``!!python/name:`` values."""


_TagBlindLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_TagBlindLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def plain_twin(config_file: Path, built_site: Path, work: Path) -> Path:
    """Write the twin of the project at ``config_file`` (built into ``built_site``) under
    ``work``; return the twin's mkdocs.yml."""
    from decision_guide.adapters.site import load_site
    from decision_guide.site.assets import SITE_FOLDER, scripts, stylesheets
    from decision_guide.site.pages import generated_pages

    site = load_site(config_file)
    guide = site.load_guide()
    # The raw file, to write back a copy without the plugin; its tags are not needed here.
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TagBlindLoader)  # noqa: S506
    docs = work / "docs"
    for page in sorted(site.docs_dir.rglob("*.md")):
        src_uri = page.relative_to(site.docs_dir).as_posix()
        expanded, _ = guide.expand(page.read_text(encoding="utf-8"), src_uri, src_uri)
        (docs / src_uri).parent.mkdir(parents=True, exist_ok=True)
        (docs / src_uri).write_text(expanded, encoding="utf-8")
    for generated in generated_pages(guide.renderer):
        (docs / generated.src_uri).parent.mkdir(parents=True, exist_ok=True)
        (docs / generated.src_uri).write_text(generated.content, encoding="utf-8")
    shutil.copytree(built_site / SITE_FOLDER, docs / SITE_FOLDER, dirs_exist_ok=True)
    config["docs_dir"] = "docs"
    config["plugins"] = ["search"]
    config["theme"]["custom_dir"] = str(site.root / config["theme"].get("custom_dir", "overrides"))
    config["extra_css"] = stylesheets()
    config["extra_javascript"] = scripts()
    (work / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return work / "mkdocs.yml"
