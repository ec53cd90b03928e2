"""Fail when the rendering half of the package is under-tested.

``make test`` measures coverage over the whole suite (``--cov-report=json``); this reads that
report and requires at least ``FLOOR`` percent of the statements of each rendering module: the
site stage, the static chart and the MkDocs adapter. Usage: ``check_coverage.py coverage.json``.
"""

from __future__ import annotations

import fnmatch
import json
import sys
from pathlib import Path

FLOOR = 80.0
RENDERING = ["*/decision_guide/site/*.py", "*/decision_guide/calculators/chart.py",
             "*/decision_guide/adapters/mkdocs_plugin.py", "*/decision_guide/adapters/mkdocs_support.py"]


def rendering_coverage(report: dict[str, object]) -> dict[str, float]:
    """Percent of statements covered, per rendering module that has statements."""
    files = report["files"]
    assert isinstance(files, dict)
    return {path: summary["percent_covered"] for path, data in sorted(files.items())
            if any(fnmatch.fnmatch(path, pattern) for pattern in RENDERING)
            and (summary := data["summary"])["num_statements"]}


def main(argv: list[str]) -> int:
    report = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    covered = rendering_coverage(report)
    width = max(len(path) for path in covered)
    for path, percent in covered.items():
        flag = f"  under {FLOOR:.0f}%" if percent < FLOOR else ""
        sys.stdout.write(f"{path:<{width}}  {percent:5.1f}%{flag}\n")
    low = [path for path, percent in covered.items() if percent < FLOOR]
    sys.stdout.write(f"rendering modules under {FLOOR:.0f}%: {len(low)} of {len(covered)}\n")
    return 1 if low or not covered else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
