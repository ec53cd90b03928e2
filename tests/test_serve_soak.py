"""`mkdocs serve` survives a long editing session: 200 saves, alternately good and bad (YAML
syntax, a misspelled reference, a marker typo, bytes that are not UTF-8), and after each one the
problem banner appears or disappears as it should, with the server still running.

The site uses MkDocs' own light theme here: the banner is added by the plugin whatever the
theme, and Material's template compilation would make each of the 200 rebuilds several times
slower without testing anything more.
"""

from __future__ import annotations

import shutil
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import SECOND_GUIDE
from serving import mkdocs_serve

pytestmark = pytest.mark.slow

EDITS = 200
BANNER = 'class="dg-banner"'


def _bad_edits(project: Path) -> list[tuple[Path, bytes, bytes]]:
    """Saves that each break the guide in a different way: (file, good content, broken)."""
    guide = project / "content" / "knowledge" / "guide.yml"
    entities = project / "content" / "knowledge" / "entities.yml"
    page = project / "content" / "pages" / "index.md"
    edits = [
        (guide, guide.read_bytes() + b"\nunits: [unclosed\n"),
        (entities, entities.read_bytes().replace(b"unit: usd-per-gpu-hour", b"unit: usd-per-gpu-hr")),
        (page, page.read_bytes().replace(b"id=gpu-hour", b"id=gpu-hours")),
        (page, page.read_bytes() + b"\nCaf\xe9\n"),
        (entities, entities.read_bytes().replace(b"value: 2.5", b"value: yes")),
    ]
    for path, broken in edits:
        assert broken != path.read_bytes(), path
    return [(path, path.read_bytes(), broken) for path, broken in edits]


def _shows_banner(url: str) -> bool | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return BANNER in response.read().decode("utf-8", "replace")
    except OSError:
        return None  # between builds


def test_two_hundred_saves_good_and_bad_toggle_the_banner_and_the_server_survives(
        tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(SECOND_GUIDE, project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "theme:\n  name: material\n  font: false\n", "theme:\n  name: mkdocs\n"), encoding="utf-8")
    bad = _bad_edits(project)
    with mkdocs_serve(project) as url:
        page = url + "criteria/"
        assert _shows_banner(page) is False
        for edit in range(EDITS):
            path, good, broken = bad[(edit // 2) % len(bad)]
            want = edit % 2 == 0  # even saves break the guide, odd ones repair it
            path.write_bytes(broken if want else good)
            deadline = time.monotonic() + 60
            while _shows_banner(page) is not want:
                assert time.monotonic() < deadline, (
                    f"save {edit} ({path.name}): the banner did not "
                    f"{'appear' if want else 'go'}:\n" + (project / "serve.log").read_text()[-3000:])
                time.sleep(0.05)
        assert "Traceback" not in (project / "serve.log").read_text()
