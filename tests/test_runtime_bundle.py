"""The runtime ships minified, and the minified file is the sources' own bundle.

``static/calculators.min.js`` is committed (a build needs no JavaScript tool) and made by
``make runtime``, which runs this file with ``UPDATE_RUNTIME=1``: terser, pinned in
package.json, minifies ``runtime_bundle()``. Without the variable the test fails when a source
changed and the file was not made again, so the browser tests never run a stale runtime.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from importlib import resources
from pathlib import Path

import pytest
from conftest import ROOT
from decision_guide.site.assets import RUNTIME, RUNTIME_MINIFIED, built_assets, runtime_bundle

TERSER = ROOT / "node_modules" / ".bin" / "terser"
TERSER_OPTIONS = ["--compress", "--mangle", "--ecma", "2020"]
COMMITTED = Path(str(resources.files("decision_guide.site") / "static" / RUNTIME_MINIFIED))


def minified(source: str) -> str:
    assert TERSER.exists(), "terser is missing: run `npm ci` (make test does)"
    run = subprocess.run([str(TERSER), *TERSER_OPTIONS], input=source, capture_output=True,
                         text=True, check=True)
    return run.stdout.rstrip("\n") + "\n"


@pytest.mark.slow  # needs npm's terser, which `make test` installs and `make test-fast` does not
def test_the_committed_runtime_is_the_minified_bundle_of_the_sources() -> None:
    expected = minified(runtime_bundle())
    if os.environ.get("UPDATE_RUNTIME") == "1":
        COMMITTED.write_text(expected, encoding="utf-8")
    assert COMMITTED.read_text(encoding="utf-8") == expected, (
        "the runtime's sources changed: run `make runtime` and commit "
        f"plugins/decision_guide/site/static/{RUNTIME_MINIFIED}")


def test_the_site_ships_the_minified_runtime_and_it_parses(tmp_path: Path) -> None:
    shipped = built_assets(with_runtime=True)[RUNTIME]
    assert shipped == COMMITTED.read_text(encoding="utf-8")
    assert len(shipped) < len(runtime_bundle()) * 0.75
    node = shutil.which("node")
    assert node
    path = tmp_path / RUNTIME
    path.write_text(shipped, encoding="utf-8")
    run = subprocess.run([node, "--check", str(path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
