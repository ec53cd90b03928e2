"""A failed build leaves the last good site exactly as it was: everything that can fail (YAML,
references, every page's markers, unreadable pages) is checked in ``on_config``, before MkDocs
empties the site folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SECOND_GUIDE, TODAY
from corpus import FIXTURES, place_case
from site_scan import folder_digest

pytestmark = pytest.mark.slow

BREAKAGES = [
    ("content/pages", FIXTURES / "invalid-pages" / "unknown-cost-id.md"),
    ("content/pages", FIXTURES / "invalid-pages" / "link-to-system-file.link"),
    ("content/knowledge", FIXTURES / "invalid" / "yes-as-price.yml"),
]


def _build(project: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DECISION_GUIDE_TODAY": TODAY.isoformat()}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
                          env=env, capture_output=True, text=True, check=False)


def test_a_broken_page_or_file_leaves_the_last_good_site_intact(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(SECOND_GUIDE, project)
    good = _build(project)
    assert good.returncode == 0, good.stderr
    site = project / "site"
    before = folder_digest(site)
    assert (site / "index.html").is_file()
    for folder, case in BREAKAGES:
        placed = place_case(case, project / folder, tmp_path / "outside", case.suffix
                            if case.suffix in (".md", ".yml") else ".md")
        failed = _build(project)
        expected = case.with_suffix(".expected").read_text(encoding="utf-8").splitlines()[0]
        assert failed.returncode == 1, case
        assert "Traceback" not in failed.stdout + failed.stderr, case
        assert expected in failed.stderr, (case, failed.stderr)
        assert folder_digest(site) == before, f"{case.name} changed the last good site"
        placed.unlink()
    assert _build(project).returncode == 0  # and the site builds again once it is fixed
