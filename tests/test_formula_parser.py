"""Specification of formula parsing: text -> JSON tree, and tree -> text."""

from __future__ import annotations

import json
from typing import Any

import pytest
from decision_guide.calculators.formats import plain_number
from decision_guide.calculators.formula import FormulaSyntaxError, parse, to_text
from hypothesis import given, settings
from hypothesis import strategies as st


def shape(tree: dict[str, Any]) -> str:
    """Fully parenthesised rendering, so a test can state how a formula grouped."""
    if "num" in tree:
        return plain_number(tree["num"])
    if "name" in tree:
        return str(tree["name"])
    args = [shape(arg) for arg in tree["args"]]
    if "call" in tree:
        return f"{tree['call']}({', '.join(args)})"
    if tree["op"] == "neg":
        return f"(-{args[0]})"
    return f"({args[0]} {tree['op']} {args[1]})"


@pytest.mark.parametrize(
    ("text", "grouping"),
    [
        ("a + b * c", "(a + (b * c))"),
        ("a * b + c", "((a * b) + c)"),
        ("a - b / c", "(a - (b / c))"),
        ("a * b ^ c", "(a * (b ^ c))"),
        ("-a ^ 2", "(-(a ^ 2))"),
        ("-a * b", "((-a) * b)"),
        ("a + b < c * d", "((a + b) < (c * d))"),
        ("a == b + 1", "(a == (b + 1))"),
        ("(a + b) * c", "((a + b) * c)"),
        ("a <= b - 1", "(a <= (b - 1))"),
        ("if(a >= b, a, b) * 2", "(if((a >= b), a, b) * 2)"),
    ],
)
def test_operators_bind_by_precedence_comparison_lowest_then_additive_multiplicative_unary_power(
    text: str, grouping: str
) -> None:
    assert shape(parse(text)) == grouping


@pytest.mark.parametrize(
    ("text", "grouping"),
    [
        ("a - b - c", "((a - b) - c)"),
        ("a / b / c", "((a / b) / c)"),
        ("a + b - c", "((a + b) - c)"),
        ("a * b / c", "((a * b) / c)"),
        ("a ^ b ^ c", "(a ^ (b ^ c))"),
        ("2 ^ -1", "(2 ^ (-1))"),
        ("2 ^ -1 * 3", "((2 ^ (-1)) * 3)"),
        ("--a", "(-(-a))"),
    ],
)
def test_additive_and_multiplicative_are_left_associative_and_power_is_right_associative(
    text: str, grouping: str
) -> None:
    assert shape(parse(text)) == grouping


def test_the_tree_is_plain_json_with_num_name_op_and_call_nodes() -> None:
    tree = parse("embed_tokens * embed_price / 1e6 + if(use_rerank, rerank_price / 1000, 0)")
    assert json.loads(json.dumps(tree)) == tree
    assert tree == {
        "op": "+",
        "args": [
            {
                "op": "/",
                "args": [
                    {"op": "*", "args": [{"name": "embed_tokens"}, {"name": "embed_price"}]},
                    {"num": 1e6},
                ],
            },
            {
                "call": "if",
                "args": [
                    {"name": "use_rerank"},
                    {"op": "/", "args": [{"name": "rerank_price"}, {"num": 1000.0}]},
                    {"num": 0.0},
                ],
            },
        ],
    }


def test_unary_minus_is_a_neg_node_and_unary_plus_disappears() -> None:
    assert parse("-x") == {"op": "neg", "args": [{"name": "x"}]}
    assert parse("+x") == {"name": "x"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12", 12.0),
        ("0.5", 0.5),
        (".5", 0.5),
        ("1e6", 1e6),
        ("2.5E-3", 0.0025),
        ("1e+3", 1000.0),
        ("007", 7.0),
    ],
)
def test_numbers_may_have_a_fraction_and_an_exponent(text: str, value: float) -> None:
    assert parse(text) == {"num": value}


@pytest.mark.parametrize("name", ["x", "_private", "embed_price2", "A_b_C"])
def test_names_are_letters_digits_and_underscores_not_starting_with_a_digit(name: str) -> None:
    assert parse(name) == {"name": name}


def test_all_functions_parse_with_their_allowed_argument_counts() -> None:
    for text in [
        "min(1)",
        "max(1, 2, 3, 4)",
        "round(x)",
        "round(x, 2)",
        "floor(x)",
        "ceil(x)",
        "abs(x)",
        "clamp(x, 0, 1)",
        "if(x, 1, 2)",
        " min ( 1 , 2 ) ",
    ]:
        assert "call" in parse(text)


@pytest.mark.parametrize(
    ("text", "message", "column"),
    [
        ("", "empty formula", 1),
        ("   ", "empty formula", 1),
        ("(a + b))", "unexpected ')' at column 8", 8),
        ("a + b)", "unexpected ')' at column 6", 6),
        ("a b", "unexpected 'b' at column 3", 3),
        ("1 +", "unexpected end of formula at column 4", 4),
        ("1 + * 2", "unexpected '*' at column 5", 5),
        ("()", "unexpected ')' at column 2", 2),
        ("min(1,)", "unexpected ')' at column 7", 7),
        ("2*(a+b", "expected ')' to close '(' at column 3", 3),
        ("max(1, 2", "expected ')' to close '(' at column 4", 4),
        ("(1 2)", "unexpected '2' at column 4; expected ')' to close '(' at column 1", 4),
        ("min(1 2)", "unexpected '2' at column 7; expected ',' or ')' to close '(' at column 4", 7),
        ("mx(a, b)", "unknown function 'mx'; did you mean 'max'?", 1),
        ("1 + Round(x)", "unknown function 'Round'; did you mean 'round'?", 5),
        ("price(2)", "unknown function 'price'", 1),
        ("round(1, 2, 3)", "'round' takes 1 or 2 arguments; got 3", 1),
        ("floor(1, 2)", "'floor' takes 1 argument; got 2", 1),
        ("clamp(1, 2)", "'clamp' takes 3 arguments; got 2", 1),
        ("if(a, b)", "'if' takes 3 arguments; got 2", 1),
        ("min()", "'min' takes at least 1 argument; got 0", 1),
        ("max + 1", "'max' is a function; call it like max(...) at column 1", 1),
        ("a < b < c", "unexpected '<' at column 7; comparisons cannot be chained", 7),
        ("a == b != c", "unexpected '!=' at column 8; comparisons cannot be chained", 8),
        ("1_000", "bad number '1_000' at column 1", 1),
        ("1.2.3", "bad number '1.2.3' at column 1", 1),
        ("2 * 3x", "bad number '3x' at column 5", 5),
        ("1e", "bad number '1e' at column 1", 1),
        ("1.", "bad number '1.' at column 1", 1),
        ("1e999", "number '1e999' is too large at column 1", 1),
        ("a $ b", "unknown character '$' at column 3", 3),
        ("a.b", "unknown character '.' at column 2", 2),
        ("a\u00a0+ b", "unknown character U+00A0 at column 2", 2),
        ("a = b", "unknown character '=' at column 3; did you mean '=='?", 3),
        ("2 ** 3", "unexpected '**' at column 3; use '^' for powers", 3),
    ],
)
def test_syntax_errors_say_exactly_what_is_wrong_and_where(
    text: str, message: str, column: int
) -> None:
    with pytest.raises(FormulaSyntaxError) as caught:
        parse(text)
    assert caught.value.message == message
    assert str(caught.value) == message
    assert caught.value.column == column


@pytest.mark.parametrize(
    "text", ["(" * 150 + "1" + ")" * 150, "-" * 150 + "1", "+".join(["x"] * 150)]
)
def test_absurdly_deep_formulas_are_rejected_instead_of_overflowing_the_stack(text: str) -> None:
    with pytest.raises(FormulaSyntaxError, match="nested too deeply"):
        parse(text)


def test_parse_rejects_non_strings() -> None:
    with pytest.raises(TypeError):
        parse(3)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "rendered"),
    [
        ("a*b+c", "a * b + c"),
        ("(a+b)*c", "(a + b) * c"),
        ("a-(b-c)", "a - (b - c)"),
        ("(a-b)-c", "a - b - c"),
        ("a/(b*c)", "a / (b * c)"),
        ("a^(b^c)", "a^b^c"),
        ("(a^b)^c", "(a^b)^c"),
        ("-(a^2)", "-a^2"),
        ("(-a)^2", "(-a)^2"),
        ("2^-1", "2^(-1)"),
        ("(-a)*b", "-a * b"),
        ("-(a*b)", "-(a * b)"),
        ("--a", "-(-a)"),
        ("a - -b", "a - (-b)"),
        ("(a + 1) < b", "a + 1 < b"),
        ("(a < b) < c", "(a < b) < c"),
        ("(a<b)+c", "(a < b) + c"),
        ("if(a>=1e6, round(b/1000, 2), 0)", "if(a >= 1000000, round(b / 1000, 2), 0)"),
    ],
)
def test_to_text_uses_as_few_parentheses_as_precedence_allows(text: str, rendered: str) -> None:
    assert to_text(parse(text)) == rendered


def test_to_text_with_env_fills_in_the_readers_numbers() -> None:
    tree = parse("tokens * price / 1e6 + x^2")
    assert (
        to_text(tree, {"tokens": 1500000, "price": 0.00013, "x": -3})
        == "1500000 * 0.00013 / 1000000 + (-3)^2"
    )
    assert to_text(parse("a - b"), {"b": -2}) == "a - (-2)"


def test_to_text_leaves_names_without_a_usable_number_alone() -> None:
    assert to_text(parse("a - b"), {"a": "7", "b": True}) == "a - b"


_NICE_NUMBERS = st.sampled_from(
    [0.0, 1.0, 2.0, 0.5, 12.0, 0.25, 1000.0, 1e6, 0.00013, 3.5, 1e-7, 2e20]
)
_NAMES = st.sampled_from(["a", "b", "price", "x_1"])
_BINARY = ["+", "-", "*", "/", "^", "<", "<=", ">", ">=", "==", "!="]
_CALLS = {"min": 1, "max": 3, "round": 2, "floor": 1, "ceil": 1, "abs": 1, "clamp": 3, "if": 3}


def _parsed_trees() -> st.SearchStrategy[dict[str, Any]]:
    leaves = st.one_of(
        _NICE_NUMBERS.map(lambda num: {"num": num}), _NAMES.map(lambda name: {"name": name})
    )

    def extend(children: st.SearchStrategy[dict[str, Any]]) -> st.SearchStrategy[dict[str, Any]]:
        return st.one_of(
            children.map(lambda arg: {"op": "neg", "args": [arg]}),
            st.builds(
                lambda op, a, b: {"op": op, "args": [a, b]},
                st.sampled_from(_BINARY),
                children,
                children,
            ),
            st.sampled_from(sorted(_CALLS)).flatmap(
                lambda name: st.lists(children, min_size=_CALLS[name], max_size=_CALLS[name]).map(
                    lambda args: {"call": name, "args": args}
                )
            ),
        )

    return st.recursive(leaves, extend, max_leaves=25)


@settings(max_examples=300, deadline=None)
@given(_parsed_trees())
def test_parsing_the_rendered_text_gives_back_the_same_tree(tree: dict[str, Any]) -> None:
    assert parse(to_text(tree)) == tree
