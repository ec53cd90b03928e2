"""The JS half of the Python/JS twins, run from Python: one node process per batch of cases
(``tests/js/twin-cli.mjs``), so a property test can compare thousands of cases quickly."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

CLI = Path(__file__).resolve().parent / "js" / "twin-cli.mjs"
CONTRACTS = Path(__file__).resolve().parent / "contracts"


def run_js(twin: str, cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each case's result from the browser runtime's twin, in order."""
    node = shutil.which("node")
    assert node, "node is needed to compare the Python and JS twins (it ships with this machine kind)"
    env = {key: value for key, value in os.environ.items() if key != "NODE_TEST_CONTEXT"}
    done = subprocess.run([node, str(CLI)], input=json.dumps({"twin": twin, "cases": cases}, allow_nan=False),
                          capture_output=True, text=True, timeout=120, env=env, check=False)
    assert done.returncode == 0, done.stderr
    results: list[dict[str, Any]] = json.loads(done.stdout)
    assert len(results) == len(cases)
    return results


def contract_cases(twin: str) -> list[dict[str, Any]]:
    """The shared golden cases of one twin, from ``tests/contracts/<twin>/cases.json``."""
    data = json.loads((CONTRACTS / twin / "cases.json").read_text(encoding="utf-8"))
    cases: list[dict[str, Any]] = data["cases"]
    return cases
