"""The code's shape: ruff's rules, mypy --strict, and modules small enough to read in one sitting
(import direction and circles: ``test_layering.py``)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT

PACKAGE = ROOT / "plugins" / "decision_guide"
MAX_MODULE_LINES = 350


def test_ruff_finds_nothing() -> None:
    run = subprocess.run([sys.executable, "-m", "ruff", "check", "plugins", "tests", "bench"],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.slow
def test_mypy_strict_finds_nothing() -> None:
    run = subprocess.run([sys.executable, "-m", "mypy", "--strict", "plugins/decision_guide"],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_no_module_is_longer_than_the_limit() -> None:
    long = {str(p.relative_to(ROOT)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert long == {}
