"""Shared fixtures: the project's folders, a pinned 'today', and a real MkDocs build."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
SECOND_GUIDE = FIXTURES / "second-guide"
TODAY = dt.date(2026, 11, 21)

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@pytest.fixture
def build_site() -> Callable[[Path, Path], Path]:
    """Build the site of ``project`` (a folder with mkdocs.yml) into ``site_dir``, strictly."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    def run(project: Path, site_dir: Path) -> Path:
        previous = os.environ.get("DECISION_GUIDE_TODAY")
        os.environ["DECISION_GUIDE_TODAY"] = TODAY.isoformat()
        cwd = Path.cwd()
        try:
            os.chdir(project)
            config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
            build(config)
        finally:
            os.chdir(cwd)
            if previous is None:
                os.environ.pop("DECISION_GUIDE_TODAY", None)
            else:
                os.environ["DECISION_GUIDE_TODAY"] = previous
        return site_dir

    return run


@pytest.fixture
def project_copy(tmp_path: Path) -> Callable[[Path], Path]:
    """A throw-away copy of a project, to edit without touching the real one."""

    def copy(project: Path) -> Path:
        target = tmp_path / "project"
        shutil.copytree(project, target, ignore=shutil.ignore_patterns(
            ".venv", "site", ".git", "node_modules", "__pycache__", ".pytest_cache", "tests"))
        return target

    return copy
