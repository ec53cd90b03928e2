"""The golden cases of every calculator (``tests/contracts/calculators/*.yml``) hold for both
twins: ``calculate`` in Python and ``calculate`` in the browser runtime, the latter fed the specs
the build embeds in the pages. Each twin must give what the case expects, and the two must give
exactly the same for every output, including those a case does not mention."""

from __future__ import annotations

import json
import math
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, TODAY
from decision_guide.calculators.calculate import calculate
from decision_guide.calculators.compile import CompiledCalculator
from decision_guide.calculators.formats import NumberStyle
from decision_guide.calculators.spec import calculator_spec
from decision_guide.guide import load_guide
from decision_guide.site.render import RenderSettings

CONTRACTS = Path(__file__).parent / "contracts" / "calculators"
RUNNER = Path(__file__).parent / "js" / "calculator-golden.mjs"


def _load_cases() -> list[tuple[str, dict[str, Any]]]:
    cases = []
    for path in sorted(CONTRACTS.glob("*.yml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        cases += [(document["calculator"], case) for case in document["cases"]]
    return cases


CASES = _load_cases()
IDS = [f"{calc}: {case['name']}" for calc, case in CASES]


@pytest.fixture(scope="module")
def calculators() -> dict[str, CompiledCalculator]:
    guide = load_guide(ROOT / "content" / "knowledge", ROOT / "calculators", project_root=ROOT,
                       settings=RenderSettings(today=TODAY))
    return {k: v for k, v in guide.renderer.calculators.items() if isinstance(v, CompiledCalculator)}


@pytest.fixture(scope="module")
def javascript(calculators: dict[str, CompiledCalculator], tmp_path_factory: pytest.TempPathFactory
               ) -> list[dict[str, Any]]:
    """Every case's result from the browser runtime, in one node process."""
    node = shutil.which("node")
    assert node, "node is needed to run the browser twin"
    folder = tmp_path_factory.mktemp("golden")
    specs, cases = folder / "specs.json", folder / "cases.json"
    specs.write_text(json.dumps({k: calculator_spec(v) for k, v in calculators.items()}), encoding="utf-8")
    cases.write_text(json.dumps([{"calculator": calc, "inputs": _texts(case)} for calc, case in CASES]),
                     encoding="utf-8")
    run = subprocess.run([node, str(RUNNER), str(specs), str(cases)], capture_output=True, text=True,
                         timeout=60, check=False)
    assert run.returncode == 0, run.stderr
    results: list[dict[str, Any]] = json.loads(run.stdout)
    return results


def _texts(case: dict[str, Any]) -> dict[str, str]:
    return {name: str(text) for name, text in (case.get("inputs") or {}).items()}


def test_every_calculator_of_the_default_guide_has_golden_cases(
        calculators: dict[str, CompiledCalculator]) -> None:
    assert {calc for calc, _ in CASES} == set(calculators)


@pytest.mark.parametrize(("index", "calc", "case"), [(i, c, k) for i, (c, k) in enumerate(CASES)], ids=IDS)
def test_both_twins_give_the_golden_results(index: int, calc: str, case: dict[str, Any],
                                            calculators: dict[str, CompiledCalculator],
                                            javascript: list[dict[str, Any]]) -> None:
    python = calculate(calculators[calc], _texts(case))
    py_outputs = {k: v.as_json() for k, v in python.outputs.items()}
    js = javascript[index]
    assert "error" not in js, js
    assert js["outputs"] == py_outputs, "the twins differ"
    assert js["errors"] == python.errors, "the twins differ"
    assert python.errors == case.get("errors", {})
    for name, expected in (case.get("outputs") or {}).items():
        got = py_outputs[name]
        assert got["text"] == expected["text"], name
        if "value" in expected:
            if expected["value"] is None:
                assert got["value"] is None, name
            else:
                assert math.isclose(got["value"], expected["value"], rel_tol=1e-9, abs_tol=1e-12), name
        if "reason" in expected:
            assert got.get("reason") == expected["reason"], name


GERMAN_WORDS = Path(__file__).parent / "contracts" / "words" / "de.yml"


def test_in_another_language_both_twins_give_the_same_words(tmp_path: Path) -> None:
    """The golden cases with German words in euros: both twins say the same, in German (the
    messages under bad inputs, "Nie", why a value cannot be computed)."""
    guide = load_guide(ROOT / "content" / "knowledge", ROOT / "calculators", project_root=ROOT,
                       settings=RenderSettings(today=TODAY, words_file=GERMAN_WORDS,
                                               number_style=NumberStyle(locale="de-DE", currency="EUR")))
    style, words = guide.renderer.settings.number_style, guide.renderer.words
    calculators = {k: v for k, v in guide.renderer.calculators.items() if isinstance(v, CompiledCalculator)}
    node = shutil.which("node")
    assert node, "node is needed to run the browser twin"
    specs, cases = tmp_path / "specs.json", tmp_path / "cases.json"
    specs.write_text(json.dumps({k: calculator_spec(v, style, words) for k, v in calculators.items()}),
                     encoding="utf-8")
    cases.write_text(json.dumps([{"calculator": calc, "inputs": _texts(case)} for calc, case in CASES]),
                     encoding="utf-8")
    run = subprocess.run([node, str(RUNNER), str(specs), str(cases)], capture_output=True, text=True,
                         timeout=60, check=True)
    english_messages: set[str] = set()
    german_messages: set[str] = set()
    for (calc, case), js in zip(CASES, json.loads(run.stdout), strict=True):
        python = calculate(calculators[calc], _texts(case), style=style, words=words)
        assert js == {"outputs": {k: v.as_json() for k, v in python.outputs.items()},
                      "errors": python.errors}, f"{calc}: {case['name']}"
        german_messages |= set(python.errors.values())
        english_messages |= set(calculate(calculators[calc], _texts(case)).errors.values())
    assert german_messages and not german_messages & english_messages
    assert any(message.startswith(("Muss mindestens", "Darf ", "Geben Sie")) for message in german_messages)
