"""Specification of evaluating formula trees in Python (mirrored by formula.js)."""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import pytest
from decision_guide.calculators.formula import FormulaError, evaluate, parse, round_half_away


def value(text: str, **env: Any) -> float:
    return evaluate(parse(text), env)


def error_code(text: str, **env: Any) -> str:
    with pytest.raises(FormulaError) as caught:
        value(text, **env)
    return caught.value.code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 + 3", 5),
        ("2 - 3", -1),
        ("2 * 3", 6),
        ("3 / 2", 1.5),
        ("2 ^ 10", 1024),
        ("-2 ^ 2", -4),
        ("(-2) ^ 2", 4),
        ("2 ^ -1", 0.5),
        ("2 ^ 3 ^ 2", 512),
        ("-(0.5)", -0.5),
        ("+4", 4),
        ("1 - 2 - 3", -4),
        ("12 / 3 / 2", 2),
        ("1 < 2", 1),
        ("2 < 2", 0),
        ("2 <= 2", 1),
        ("3 <= 2", 0),
        ("3 > 2", 1),
        ("2 > 2", 0),
        ("2 >= 2", 1),
        ("1 >= 2", 0),
        ("2 == 2", 1),
        ("2 == 3", 0),
        ("2 != 3", 1),
        ("2 != 2", 0),
    ],
)
def test_every_operator_computes_the_expected_value(text: str, expected: float) -> None:
    assert value(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("min(3)", 3),
        ("min(3, 1, 2)", 1),
        ("max(3)", 3),
        ("max(3, 1, 2)", 3),
        ("floor(2.7)", 2),
        ("floor(-2.2)", -3),
        ("ceil(2.2)", 3),
        ("ceil(-2.7)", -2),
        ("abs(-4)", 4),
        ("abs(4)", 4),
        ("clamp(5, 0, 10)", 5),
        ("clamp(-5, 0, 10)", 0),
        ("clamp(50, 0, 10)", 10),
        ("clamp(5, 10, 0)", 0),  # lo > hi: the upper bound wins, as in JS
        ("if(1, 2, 3)", 2),
        ("if(0, 2, 3)", 3),
        ("if(-0.1, 2, 3)", 2),
        ("if(1 < 2, 10, 20)", 10),
    ],
)
def test_every_function_computes_the_expected_value(text: str, expected: float) -> None:
    assert value(text) == expected


def test_results_are_floats_even_for_floor_and_ceil() -> None:
    assert isinstance(value("floor(2.5)"), float)
    assert isinstance(value("x", x=3), float)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("round(2.5)", 3),
        ("round(-2.5)", -3),
        ("round(2.4)", 2),
        ("round(0.5)", 1),
        ("round(-0.5)", -1),
        ("round(1.2345, 2)", 1.23),
        ("round(123.456, 1)", 123.5),
        ("round(1.005, 2)", 1),  # 1.005 * 100 is 100.49999999999999 in binary; JS agrees
        ("round(1234.5, -2)", 1200),
        ("round(1250, -2)", 1300),
        ("round(-15, -1)", -20),
        ("round(1.25, 1.4)", 1.3),  # digits are themselves rounded
        ("round(1.5, 400)", 1.5),
        ("round(1e300, 20)", 1e300),
    ],
)
def test_round_is_half_away_from_zero_computed_the_same_naive_way_as_js(
    text: str, expected: float
) -> None:
    assert value(text) == expected


def test_round_half_away_is_sign_times_floor_of_scaled_plus_half() -> None:
    for x in [0.125, 2.675, -7.77777, 1e-9, 123456.789]:
        for digits in [0, 1, 2, 3]:
            scale = 10.0**digits
            assert round_half_away(x, digits) == math.copysign(
                math.floor(abs(x) * scale + 0.5) / scale, x
            )


def test_names_are_looked_up_in_the_env() -> None:
    assert (
        value("embed_tokens * embed_price / 1e6", embed_tokens=2_000_000, embed_price=0.02) == 0.04
    )
    assert value("x", x=Fraction(1, 4)) == 0.25


def test_if_only_evaluates_the_branch_it_takes() -> None:
    assert value("if(1, 7, 1 / zero)", zero=0) == 7
    assert value("if(0, missing, 8)") == 8
    assert error_code("if(0, 7, 1 / zero)", zero=0) == "division-by-zero"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("1 / 0", "division-by-zero"),
        ("0 / (2 - 2)", "division-by-zero"),
        ("1 / zero", "division-by-zero"),
        ("10 ^ 400", "not-finite"),
        ("0 ^ -1", "not-finite"),
        ("(-8) ^ (1 / 3)", "not-finite"),
        ("1e300 * 1e300", "not-finite"),
        ("-1e308 - 1e308", "not-finite"),
        ("max(1e308 * 10, 1)", "not-finite"),
        ("nope + 1", "unknown-name"),
        # Left to right, first error wins.
        ("1 / 0 + nope", "division-by-zero"),
        ("max(nope, 1 / 0)", "unknown-name"),
    ],
)
def test_evaluation_errors_have_the_same_codes_as_js(text: str, code: str) -> None:
    assert error_code(text, zero=0) == code


@pytest.mark.parametrize(
    "bad", ["3", None, True, False, math.nan, math.inf, -math.inf, [1], 10**400]
)
def test_env_values_must_be_finite_numbers(bad: Any) -> None:
    assert error_code("x + 1", x=bad) == "invalid-input"


@pytest.mark.parametrize(
    "tree",
    [
        None,
        3,
        [],
        {},
        {"num": "1"},
        {"num": math.inf},
        {"num": True},
        {"name": 3},
        {"op": "%", "args": [{"num": 1}, {"num": 2}]},
        {"op": "+", "args": [{"num": 1}]},
        {"op": "neg", "args": []},
        {"call": "sqrt", "args": [{"num": 4}]},
        {"call": "round", "args": [{"num": 1}, {"num": 2}, {"num": 3}]},
        {"call": "min", "args": []},
        {"call": "abs"},
    ],
)
def test_malformed_trees_are_rejected_with_invalid_tree(tree: Any) -> None:
    with pytest.raises(FormulaError) as caught:
        evaluate(tree, {})
    assert caught.value.code == "invalid-tree"


def test_error_messages_show_the_offending_part_of_the_formula() -> None:
    with pytest.raises(FormulaError, match=r"division by zero in a / b"):
        value("1 + a / b", a=1, b=0)
    with pytest.raises(FormulaError, match=r"10\^400 is not a finite number"):
        value("1 + 10^400")
