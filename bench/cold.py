"""Whole, cold processes, timed from outside: what an editor waits for when they run a build.

Each run is a fresh ``python -m mkdocs build`` (imports, config, plugins, pages, assets); its
CPU time comes from the kernel (``os.wait4``), its wall time from the clock around it. Two
builds are compared paired and interleaved (A B, B A, A B, ...), so a busy moment on the machine
lands on both sides.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DECISION_GUIDE_TODAY": "2026-11-21"}


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float


@dataclass(frozen=True)
class Summary:
    median: float
    min: float
    max: float

    @staticmethod
    def of(values: list[float]) -> Summary:
        return Summary(statistics.median(values), min(values), max(values))

    def text(self, unit: str = "s") -> str:
        return f"median {self.median:.2f} {unit} (min {self.min:.2f}, max {self.max:.2f})"


def run_process(command: list[str], cwd: Path) -> Run:
    """Run ``command`` to completion; its wall and CPU time (children included)."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL,
                                   stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise RuntimeError(f"{' '.join(command)} failed:\n{errors.read().decode()[-3000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime)


def cold_build(config_file: Path, site_dir: Path) -> Run:
    return run_process([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file),
                        "-d", str(site_dir)], config_file.parent)


def paired(first: Path, second: Path, work: Path, runs: int) -> dict[str, object]:
    """Build ``first`` and ``second`` ``runs`` times each, interleaved; their summaries and the
    ratio first/second of medians, by wall and CPU time, with the paired ratios' median."""
    a: list[Run] = []
    b: list[Run] = []
    for i in range(runs):
        order = [(first, a), (second, b)] if i % 2 == 0 else [(second, b), (first, a)]
        for config, results in order:
            results.append(cold_build(config, work / f"site-{len(a) + len(b)}"))
    result: dict[str, object] = {"runs": runs}
    for kind in ("wall", "cpu"):
        xs = [getattr(r, kind) for r in a]
        ys = [getattr(r, kind) for r in b]
        result[kind] = {"first": asdict(Summary.of(xs)), "second": asdict(Summary.of(ys)),
                        "ratio_of_medians": statistics.median(xs) / statistics.median(ys),
                        "median_paired_ratio": statistics.median(x / y for x, y in zip(xs, ys, strict=True))}
    return result


IMPORT_PROBE = """
import time
import mkdocs.commands.build, mkdocs.config.defaults, mkdocs.plugins, mkdocs.structure.pages
import material.plugins.search.plugin
start = time.perf_counter()
import decision_guide.adapters.mkdocs_plugin
print(time.perf_counter() - start)
"""


def plugin_import_time(runs: int) -> Summary:
    """Seconds to import the plugin's module in a fresh process, after what MkDocs itself has
    imported by the time it loads plugins (MkDocs and Material)."""
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", IMPORT_PROBE], env=ENV, check=True,
                             capture_output=True, text=True).stdout
        times.append(float(out.strip()))
    return Summary.of(times)
