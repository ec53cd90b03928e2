"""A real `mkdocs serve` process for tests, started on a free port and always stopped."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from conftest import TODAY, free_port


@contextlib.contextmanager
def mkdocs_serve(project: Path, *, timeout: float = 60, dirty: bool = False) -> Iterator[str]:
    """Run `mkdocs serve --livereload` (with ``--dirty``, as `make serve` does, if ``dirty``) in
    ``project``; yield its base URL once it answers."""
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DECISION_GUIDE_TODAY": TODAY.isoformat()}
    log = open(project / "serve.log", "w")  # noqa: SIM115 (closed below)
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", *(["--dirty"] if dirty else []),
         "-a", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(url, timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError("mkdocs serve did not start:\n"
                                         + (project / "serve.log").read_text()) from None
                time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
