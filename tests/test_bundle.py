"""The runtime's ES modules become one classic script: it runs where modules cannot (file://)
and behaves as the modules do."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from decision_guide.site.assets import built_assets, runtime_bundle
from decision_guide.site.bundle import BundleError, bundle

MODULES = {
    "entry.js": 'import { double, name as label } from "./math.js";\n'
                'import { shout } from "./text.js";\n'
                "globalThis.result = shout(`${label}:${double(21)}`);\n",
    "math.js": 'import { PREFIX } from "./text.js";\n'
               "const hidden = 2;\n"
               "export function double(x) { return x * hidden; }\n"
               "export const name = `${PREFIX}math`;\n",
    "text.js": "const hidden = '!';\n"
               "export const PREFIX = 'm-';\n"
               "export function shout(text) { return text.toUpperCase() + hidden; }\n",
}


def run_node(script: str, tmp_path: Path) -> str:
    node = shutil.which("node")
    assert node, "node runs the bundles"
    path = tmp_path / "bundle.js"
    path.write_text(script + "\nconsole.log(globalThis.result);\n", encoding="utf-8")
    run = subprocess.run([node, str(path)], capture_output=True, text=True, check=True)
    return run.stdout.strip()


def test_a_bundle_runs_each_module_once_after_what_it_imports(tmp_path: Path) -> None:
    script = bundle("entry.js", MODULES.__getitem__)
    assert run_node(script, tmp_path) == "M-MATH:42!"
    assert script.index("module_text =") < script.index("module_math =") < script.index("module_entry =")
    assert script.count("module_text = (function") == 1


def test_modules_keep_their_own_scope_so_private_names_do_not_clash(tmp_path: Path) -> None:
    script = bundle("entry.js", MODULES.__getitem__)
    assert run_node(script, tmp_path) == "M-MATH:42!"  # both modules declare `hidden`
    assert "export " not in script and "import " not in script


@pytest.mark.parametrize(("source", "message"), [
    ('export default function f() {}\n', "main.js:1: module syntax the bundler does not handle: "
                                         "'export default function f() {}'"),
    ('const a = 1;\nexport { a };\n', "main.js:2: module syntax the bundler does not handle"),
    ('import * as all from "./math.js";\n', "main.js:1: module syntax the bundler does not handle"),
    ('const url = import.meta.url;\n', "main.js:1: module syntax the bundler does not handle"),
    ('import { missing } from "./math.js";\n', "main.js: math.js does not export missing"),
])
def test_syntax_it_does_not_handle_is_refused_with_file_and_line(source: str, message: str) -> None:
    modules = {**MODULES, "main.js": source}
    with pytest.raises(BundleError) as error:
        bundle("main.js", modules.__getitem__)
    assert str(error.value).startswith(message)


def test_an_import_cycle_is_refused() -> None:
    modules = {"a.js": 'import { b } from "./b.js";\nexport const a = 1;\n',
               "b.js": 'import { a } from "./a.js";\nexport const b = 2;\n'}
    with pytest.raises(BundleError, match=r"import cycle a\.js -> b\.js -> a\.js"):
        bundle("a.js", modules.__getitem__)


@pytest.mark.parametrize(("name", "script"), [
    ("decision-guide.js", lambda: built_assets(with_runtime=True)["decision-guide.js"]),
    ("calculators.js", runtime_bundle)])  # shipped minified: tests/test_runtime_bundle.py
def test_the_bundles_are_classic_scripts_that_parse(name: str, script: Callable[[], str],
                                                   tmp_path: Path) -> None:
    node = shutil.which("node")
    assert node
    path = tmp_path / name
    path.write_text(script(), encoding="utf-8")
    run = subprocess.run([node, "--check", str(path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert path.read_text().startswith("(function () {\n\"use strict\";")


def test_a_site_without_calculators_gets_no_runtime() -> None:
    assert set(built_assets(with_runtime=False)) == {"decision-guide.js", "decision-guide.css"}
    styles = built_assets(with_runtime=True)["decision-guide.css"]
    assert ".dg-calc__table" in styles  # the calculators' styles join the one stylesheet
    assert ".dg-calc__table" not in built_assets(with_runtime=False)["decision-guide.css"]
