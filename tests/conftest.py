"""Shared fixtures: the project's folders, a pinned 'today', and a real MkDocs build."""

from __future__ import annotations

import atexit
import datetime as dt
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from decision_guide.site.template_cache import CACHE_ENV

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
SECOND_GUIDE = FIXTURES / "second-guide"
TODAY = dt.date(2026, 11, 21)

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
if CACHE_ENV not in os.environ:
    # Compiled templates (site/template_cache.py) go to this run's own folder, which the builds
    # in subprocesses inherit, not to the user's cache: the tests build projects copied into
    # new temporary folders, and every new template path would leave files there for good.
    os.environ[CACHE_ENV] = tempfile.mkdtemp(prefix="decision-guide-templates-")
    atexit.register(shutil.rmtree, os.environ[CACHE_ENV], ignore_errors=True)


def build_project(project: Path, site_dir: Path) -> Path:
    """Build the site of ``project`` (a folder with mkdocs.yml) into ``site_dir``, strictly,
    with 'today' pinned so freshness flags do not depend on the day the tests run."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    previous = os.environ.get("DECISION_GUIDE_TODAY")
    os.environ["DECISION_GUIDE_TODAY"] = TODAY.isoformat()
    cwd = Path.cwd()
    try:
        os.chdir(project)
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True))
    finally:
        os.chdir(cwd)
        if previous is None:
            os.environ.pop("DECISION_GUIDE_TODAY", None)
        else:
            os.environ["DECISION_GUIDE_TODAY"] = previous
    return site_dir


def set_cost_value(project: Path, cost_id: str, value: float | str) -> None:
    """Change one cost's ``value`` in a project's costs.yml, as an editor would, keeping the rest
    of the file (comments, order, line numbers) as it is."""
    costs = project / "content" / "knowledge" / "costs.yml"
    text = costs.read_text(encoding="utf-8")
    pattern = re.compile(rf"(- id: {re.escape(cost_id)}\n(?:    .*\n)*?    value: )[0-9.]+")
    edited = pattern.sub(rf"\g<1>{value}", text, count=1)
    assert edited != text, f"no value for cost {cost_id!r} in {costs}"
    costs.write_text(edited, encoding="utf-8")


@pytest.fixture
def project_copy(tmp_path: Path) -> Callable[[Path], Path]:
    """A throw-away copy of a project, to edit without touching the real one."""

    def copy(project: Path) -> Path:
        target = tmp_path / "project"
        shutil.copytree(project, target, ignore=shutil.ignore_patterns(
            ".venv", "site", ".git", "node_modules", "__pycache__", ".pytest_cache", "tests"))
        return target

    return copy


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    """Debian's chromium driven by Playwright (installed by `make test`; no browser download)."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "chromium is missing: run `make test`, which installs it"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
