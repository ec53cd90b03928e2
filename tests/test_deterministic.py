"""Two builds of the same input give byte-identical sites.

What MkDocs itself stamps: the sitemap's <lastmod> is the build date (UTC) unless
SOURCE_DATE_EPOCH is set, so builds on different days differ there and only there; the
plugin pins its own notion of 'today' with the `today` option or DECISION_GUIDE_TODAY."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import ROOT, build_project

pytestmark = pytest.mark.slow


def _files(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_are_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")
    first = _files(build_project(ROOT, tmp_path / "one"))
    second = _files(build_project(ROOT, tmp_path / "two"))
    assert first == second
    assert len(first) > 50
