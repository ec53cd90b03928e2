"""The browser runtime's own unit tests (node --test), run as part of `make test`."""

from __future__ import annotations

import shutil
import subprocess

from conftest import ROOT


def test_the_runtime_node_tests_pass() -> None:
    node = shutil.which("node")
    assert node, "node is needed for the runtime tests (it ships with this machine kind)"
    run = subprocess.run([node, "--test", "js/"], cwd=ROOT / "tests",
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "# fail 0" in run.stdout
