"""The browser runtime's own unit tests (node --test), run as part of `make test`, with the
calculator specs the build produces (``built_specs.py``) for ``js/built-specs.test.js``."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from built_specs import write_built_calculators
from conftest import ROOT


def test_the_runtime_node_tests_pass(tmp_path: Path) -> None:
    node = shutil.which("node")
    assert node, "node is needed for the runtime tests (it ships with this machine kind)"
    specs = write_built_calculators(tmp_path / "built-calculators.json")
    run = subprocess.run([node, "--test", "js/"], cwd=ROOT / "tests", capture_output=True, text=True,
                         timeout=300, env={**os.environ, "DECISION_GUIDE_BUILT_SPECS": str(specs)})
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "# fail 0" in run.stdout
