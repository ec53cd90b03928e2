"""Specification of the static checks run on formulas at build time."""

from __future__ import annotations

import dataclasses

import pytest
from decision_guide.calculators.formula import (
    FormulaCycleError,
    FormulaIssue,
    check,
    dependency_order,
    names_used,
    parse,
)


def test_names_used_lists_every_name_but_not_function_names() -> None:
    tree = parse("max(a, b * 2) + if(use_x, a / c, round(d, 2))")
    assert names_used(tree) == {"a", "b", "c", "d", "use_x"}
    assert names_used(parse("1 + 2")) == set()


def test_a_formula_using_only_known_names_has_no_issues() -> None:
    assert check(parse("queries * price / 1000"), ["queries", "price"]) == []


def test_unknown_names_are_reported_with_the_closest_known_name() -> None:
    issues = check(parse("qeries * price"), ["queries", "price", "tokens"])
    assert issues == [
        FormulaIssue("unknown-name", "unknown name 'qeries'; did you mean 'queries'?")
    ]


def test_unknown_names_without_a_close_match_get_no_suggestion() -> None:
    issues = check(parse("zzz + 1"), ["queries"])
    assert issues == [FormulaIssue("unknown-name", "unknown name 'zzz'")]


def test_each_unknown_name_is_reported_once_in_order_of_appearance() -> None:
    issues = check(parse("b + a + b + known"), ["known"])
    assert [issue.message for issue in issues] == ["unknown name 'b'", "unknown name 'a'"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("x / 0", "division by zero in 'x / 0'"),
        ("x / (2 - 2)", "division by zero in 'x / (2 - 2)': 2 - 2 is always 0"),
        ("1 + x / (0 * 5)", "division by zero in 'x / (0 * 5)': 0 * 5 is always 0"),
        ("x / if(1, 0, 3)", "division by zero in 'x / if(1, 0, 3)': if(1, 0, 3) is always 0"),
    ],
)
def test_dividing_by_a_constant_that_is_zero_is_reported(text: str, message: str) -> None:
    assert check(parse(text), ["x"]) == [FormulaIssue("division-by-zero", message)]


@pytest.mark.parametrize("text", ["x / x", "x / (2 - 1)", "x / (x - x)", "x / 1e-300"])
def test_divisors_that_use_names_or_are_nonzero_are_not_reported(text: str) -> None:
    assert check(parse(text), ["x"]) == []


def test_a_divisor_that_cannot_be_computed_is_reported_at_its_own_division_only() -> None:
    assert check(parse("x / (1 / 0)"), ["x"]) == [
        FormulaIssue("division-by-zero", "division by zero in '1 / 0'")
    ]


def test_wrong_arity_and_unknown_functions_are_reported_for_trees_not_built_by_parse() -> None:
    tree = {
        "op": "+",
        "args": [
            {"call": "round", "args": [{"num": 1.0}, {"num": 2.0}, {"num": 3.0}]},
            {"call": "mx", "args": [{"num": 1.0}]},
        ],
    }
    assert check(tree, []) == [
        FormulaIssue("wrong-arity", "'round' takes 1 or 2 arguments; got 3"),
        FormulaIssue("unknown-function", "unknown function 'mx'; did you mean 'max'?"),
    ]


def test_formula_issues_are_immutable() -> None:
    issue = FormulaIssue("unknown-name", "unknown name 'x'")
    with pytest.raises(dataclasses.FrozenInstanceError):
        issue.code = "other"  # type: ignore[misc]


def test_dependency_order_puts_each_formula_after_the_formulas_it_uses() -> None:
    formulas = {
        "total": parse("embed_cost + rerank_cost"),
        "embed_cost": parse("tokens * price"),
        "rerank_cost": parse("if(use_rerank, queries * rerank_price, 0) + embed_cost * 0"),
    }
    order = dependency_order(formulas, ["tokens", "price", "use_rerank", "queries", "rerank_price"])
    assert order == ["embed_cost", "rerank_cost", "total"]


def test_dependency_order_keeps_declaration_order_when_nothing_forces_otherwise() -> None:
    formulas = {name: parse("x + 1") for name in ["c", "a", "b"]}
    assert dependency_order(formulas, ["x"]) == ["c", "a", "b"]


def test_dependency_order_ignores_names_that_are_neither_inputs_nor_formulas() -> None:
    assert dependency_order({"a": parse("mystery + 1")}, []) == ["a"]


def test_a_cycle_is_reported_with_its_path() -> None:
    formulas = {"a": parse("b + 1"), "b": parse("a * 2")}
    with pytest.raises(FormulaCycleError) as caught:
        dependency_order(formulas, [])
    assert caught.value.cycle == ["a", "b", "a"]
    assert str(caught.value) == "cycle: a -> b -> a"


def test_a_longer_cycle_reports_only_the_loop_not_the_path_into_it() -> None:
    formulas = {
        "start": parse("x + b"),
        "b": parse("c"),
        "c": parse("d + 1"),
        "d": parse("b * 2"),
    }
    with pytest.raises(FormulaCycleError, match=r"^cycle: b -> c -> d -> b$"):
        dependency_order(formulas, ["x"])


def test_a_formula_using_itself_is_a_cycle() -> None:
    with pytest.raises(FormulaCycleError, match=r"^cycle: a -> a$"):
        dependency_order({"a": parse("a + 1")}, [])


def test_a_name_cannot_be_both_an_input_and_a_formula() -> None:
    with pytest.raises(ValueError, match="both an input and a formula: price"):
        dependency_order({"price": parse("2")}, ["price"])


def test_long_dependency_chains_do_not_hit_the_recursion_limit() -> None:
    formulas = {f"v{i}": parse(f"v{i + 1} + 1") for i in range(3000)}
    formulas["v3000"] = parse("x")
    order = dependency_order(formulas, ["x"])
    assert order[0] == "v3000" and order[-1] == "v0"
