"""The shared golden cases of the Python/JS twins, Python's half.

Each twin keeps its cases in ``tests/contracts/<twin>/cases.json``; ``tests/js/contracts.test.js``
runs the very same files through the browser runtime. Here: formulas (parsed by the build's own
parser, so the trees are the ones pages ship) and the chart's golden SVGs (drawn in
``test_chart_agreement.py``, next to the random comparison).
"""

from __future__ import annotations

import math
from typing import Any

import pytest
from decision_guide.calculators.formula import FormulaError, evaluate, parse, to_text
from twins import CONTRACTS, contract_cases

FORMULA_CASES = contract_cases("formula")


def test_every_twin_has_shared_cases() -> None:
    twins = {folder.name for folder in CONTRACTS.iterdir() if folder.is_dir()}
    assert {"formula", "chart", "wizard"} <= twins
    for twin in twins:
        assert [p for p in (CONTRACTS / twin).iterdir() if p.suffix in (".json", ".yml")], twin


@pytest.mark.parametrize("case", FORMULA_CASES, ids=[c["formula"] for c in FORMULA_CASES])
def test_the_build_parses_and_evaluates_each_formula_case(case: dict[str, Any]) -> None:
    assert parse(case["formula"]) == case["tree"], "the tree the build ships"
    try:
        outcome: dict[str, Any] = {"value": evaluate(case["tree"], case["env"])}
    except FormulaError as error:
        outcome = {"error": error.code}
    if "value" in case:
        assert math.isclose(outcome["value"], case["value"], rel_tol=0, abs_tol=0)
    else:
        assert outcome == {"error": case["error"]}
    assert to_text(case["tree"]) == case["text"]
    assert to_text(case["tree"], case["env"]) == case["textWithEnv"]


def test_the_formula_cases_cover_every_error_code_a_page_can_show() -> None:
    assert {c["error"] for c in FORMULA_CASES if "error" in c} >= {
        "division-by-zero", "not-finite", "unknown-name", "invalid-input"}
