"""Shipped scripts lose their comments but stay valid JavaScript; stylesheets stay intact."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT
from decision_guide.site.minify import strip_comments

SCRIPTS = sorted((ROOT / "plugins" / "decision_guide" / "calculators" / "runtime").glob("*.js")) + sorted(
    (ROOT / "plugins" / "decision_guide" / "site" / "static").glob("*.js"))


def test_js_comments_go_but_code_and_strings_stay() -> None:
    source = '// a note\nconst url = "http://x"; // trailing stays\n/**\n * Doc.\n */\nf();\n'
    assert strip_comments(source, ".js") == 'const url = "http://x"; // trailing stays\nf();\n'


def test_css_comments_go() -> None:
    assert strip_comments("/* head */\na { color: red; } /* tail */\n", ".css") == "a { color: red; }\n"


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_every_stripped_script_still_parses(script: Path, tmp_path: Path) -> None:
    node = shutil.which("node")
    assert node
    target = tmp_path / script.name
    target.write_text(strip_comments(script.read_text(encoding="utf-8"), ".js"), encoding="utf-8")
    run = subprocess.run([node, "--check", str(target)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
