"""The editor and publishing habits the README promises: a pre-commit hook that runs
``decision-guide check``, a workflow that builds strict before it deploys, one version."""

from __future__ import annotations

import subprocess
import sys
import tomllib

import yaml
from conftest import ROOT
from decision_guide import __version__


def test_the_pre_commit_hook_runs_check_on_the_guide_s_files() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "decision-guide-check")
    assert hook["entry"] == "decision-guide check" and hook["language"] == "python"
    assert hook["pass_filenames"] is False  # check reads the whole site, not single files


def test_the_workflow_checks_and_builds_strict_before_deploying() -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    steps = [step.get("run", step.get("uses", "")) for step in workflow["jobs"]["build"]["steps"]]
    assert steps.index("decision-guide check") < steps.index("mkdocs build --strict --site-dir site")
    assert steps[-1] == "actions/upload-pages-artifact@v3"
    assert workflow["jobs"]["deploy"]["needs"] == "build"


def test_the_version_is_written_once() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" not in project and project["dynamic"] == ["version"]
    shown = subprocess.run([sys.executable, "-m", "decision_guide.adapters.cli", "--version"],
                           capture_output=True, text=True, check=True).stdout
    assert shown == f"decision-guide {__version__}\n"


def test_build_output_is_ignored_by_git() -> None:
    for path in ("build/lib/x.py", "dist/x.whl", "decision_guide.egg-info/PKG-INFO", "site/index.html"):
        ignored = subprocess.run(["git", "check-ignore", "-q", "--no-index", path], cwd=ROOT, check=False)
        assert ignored.returncode == 0, path
