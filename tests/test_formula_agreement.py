"""Python and the browser runtime must agree on every formula.

Random trees (depth <= 6, every operator and function) with random inputs
(zero, negatives, huge and tiny magnitudes, the odd invalid value) are
evaluated here and, in one batch per example, by
``tests/js/twin-cli.mjs`` under node.  Both must raise the
same error code, or give the same number within 1e-9 relative, and render the
same text with and without the inputs filled in.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from typing import Any

from decision_guide.calculators.formula import FUNCTIONS, FormulaError, evaluate, to_text
from hypothesis import given, settings
from hypothesis import strategies as st
from twins import run_js

CASES_PER_BATCH = 1000
NAMES = ["a", "b", "c", "d", "e"]
BINARY = ["+", "-", "*", "/", "^", "<", "<=", ">", ">=", "==", "!="]
TRICKY_NUMBERS = [
    0.0,
    -0.0,
    0.5,
    1.5,
    2.5,
    1.005,
    2.675,
    1234565.0,
    999999.5,
    0.1 + 0.2,
    1 / 3,
    1e-6,
    9.9999995e-7,
    1e-7,
    1e15,
    999999999999999.9,
    1e21,
    5e-324,
    1.7976931348623157e308,
    123.4565,
    0.00013,
    1500000.0,
]


def random_number(rng: random.Random) -> float:
    kind = rng.random()
    if kind < 0.25:
        return float(rng.randint(0, 10))
    if kind < 0.5:
        return round(rng.uniform(0, 100), rng.randint(0, 4))
    if kind < 0.7:
        return 10 ** rng.uniform(-12, 12)
    if kind < 0.8:
        return 10 ** rng.uniform(-300, 300)
    return rng.choice(TRICKY_NUMBERS)


def random_env_value(rng: random.Random) -> Any:
    if rng.random() < 0.02:
        return rng.choice(["3", None, True, [1]])
    sign = -1.0 if rng.random() < 0.35 else 1.0
    return 0.0 if rng.random() < 0.1 else sign * random_number(rng)


def random_tree(rng: random.Random, depth: int) -> dict[str, Any]:
    if depth == 0 or rng.random() < 0.2:
        if rng.random() < 0.5:
            return {"num": random_number(rng)}
        return {"name": rng.choice(NAMES) if rng.random() < 0.97 else "missing"}
    kind = rng.random()
    if kind < 0.1:
        return {"op": "neg", "args": [random_tree(rng, depth - 1)]}
    if kind < 0.6:
        return {"op": rng.choice(BINARY), "args": [random_tree(rng, depth - 1) for _ in range(2)]}
    name = rng.choice(sorted(FUNCTIONS))
    fewest, most = FUNCTIONS[name]
    count = rng.randint(fewest, most if most is not None else 4)
    return {"call": name, "args": [random_tree(rng, depth - 1) for _ in range(count)]}


def random_cases(seed: int, count: int = CASES_PER_BATCH) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [
        {
            "tree": random_tree(rng, rng.randint(0, 6)),
            "env": {name: random_env_value(rng) for name in NAMES},
        }
        for _ in range(count)
    ]


def python_outcome(case: dict[str, Any]) -> dict[str, Any]:
    try:
        outcome: dict[str, Any] = {"value": evaluate(case["tree"], case["env"])}
    except FormulaError as error:
        outcome = {"error": error.code}
    outcome["text"] = to_text(case["tree"])
    outcome["textWithEnv"] = to_text(case["tree"], case["env"])
    return outcome


def agree(python: dict[str, Any], js: dict[str, Any]) -> bool:
    if python["text"] != js["text"] or python["textWithEnv"] != js["textWithEnv"]:
        return False
    if "error" in python or "error" in js:
        return python.get("error") == js.get("error")
    return math.isclose(python["value"], js["value"], rel_tol=1e-9, abs_tol=1e-12)


def assert_agreement(cases: list[dict[str, Any]]) -> None:
    js_results = run_js("formula", cases)
    mismatches = [
        f"{to_text(case['tree'])}  env={case['env']}\n    python={python}\n    js    ={js}"
        for case, js in zip(cases, js_results, strict=True)
        if not agree(python := python_outcome(case), js)
    ]
    assert not mismatches, f"{len(mismatches)} disagreements, first ones:\n" + "\n".join(
        mismatches[:10]
    )


@settings(max_examples=5, deadline=None, derandomize=True)
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_python_and_js_agree_on_a_thousand_random_formulas_per_batch(seed: int) -> None:
    assert_agreement(random_cases(seed))


def test_python_and_js_format_tricky_numbers_identically() -> None:
    rng = random.Random(7)
    numbers = TRICKY_NUMBERS + [10 ** rng.uniform(-320, 308) for _ in range(500)]
    numbers += [round(rng.uniform(0, 1e6), rng.randint(0, 8)) for _ in range(500)]
    cases: list[dict[str, Any]] = [{"tree": {"num": number}, "env": {}} for number in numbers]
    cases += [
        {"tree": {"op": "neg", "args": [{"name": "a"}]}, "env": {"a": -number}}
        for number in numbers
    ]
    assert_agreement(cases)


def test_the_random_cases_exercise_every_outcome() -> None:
    outcomes = Counter(python_outcome(case).get("error", "value") for case in random_cases(0))
    assert outcomes["value"] >= CASES_PER_BATCH * 0.3, outcomes
    for code in ["division-by-zero", "not-finite", "unknown-name", "invalid-input"]:
        assert outcomes[code] >= 5, outcomes
