"""Evaluate and render formula trees in Python, exactly as the browser does.

This module is the Python twin of ``calculators/runtime/formula.js``: the
build uses it for worked examples ("the formula with your numbers filled in")
and sanity checks, the browser runs the JS on the same tree.  Every rule here
(evaluation order, error codes, rounding, number formatting) is mirrored there,
and ``tests/test_formula_agreement.py`` holds the two to it.
"""

from __future__ import annotations

import math
import numbers
import operator
from collections.abc import Callable, Mapping
from typing import Any

from decision_guide.calculators.formats import plain_number
from decision_guide.calculators.formula.parser import COMPARISONS, FUNCTIONS, Tree, arity_problem

#: Error codes shared with the JavaScript runtime.
ERROR_CODES = ("division-by-zero", "not-finite", "unknown-name", "invalid-input", "invalid-tree")


class FormulaError(Exception):
    """Evaluation failed; ``code`` is one of ``ERROR_CODES``, same as in JS."""

    def __init__(self, code: str, message: str, formula: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.formula = formula
        """The part of the formula that failed, where the reader is told (division by zero)."""


def evaluate(tree: Tree, env: Mapping[str, Any]) -> float:
    """Compute the value of ``tree`` with names looked up in ``env``.

    Every intermediate result must be finite, so a calculator never shows
    ``Infinity`` or ``NaN``; it shows which rule was broken instead.
    """
    try:
        return _eval(tree, env)
    except RecursionError:
        raise FormulaError("invalid-tree", "formula tree is nested too deeply") from None


def _eval(node: Any, env: Mapping[str, Any]) -> float:
    if not isinstance(node, dict):
        raise _invalid_tree(f"expected a node object, got {type(node).__name__}")
    if "num" in node:
        number = _as_finite(node["num"])
        if number is None:
            raise _invalid_tree(f"'num' must be a finite number, got {node['num']!r}")
        return number
    if "name" in node:
        return _lookup(node["name"], env)
    if "op" in node:
        return _operation(node, env)
    if "call" in node:
        return _call(node, env)
    raise _invalid_tree(f"unrecognised node with keys {sorted(node)}")


def _lookup(name: Any, env: Mapping[str, Any]) -> float:
    if not isinstance(name, str):
        raise _invalid_tree(f"'name' must be a string, got {name!r}")
    if name not in env:
        raise FormulaError("unknown-name", f"unknown name '{name}'")
    number = _as_finite(env[name])
    if number is None:
        raise FormulaError("invalid-input", f"'{name}' must be a finite number, got {env[name]!r}")
    return number


def _as_finite(value: Any) -> float | None:
    """``value`` as a float if it is a finite real number, else None.

    bool is an int subclass in Python but not a number in JS; reject it in both.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def _args(node: Tree, count: int | None = None) -> list[Any]:
    args = node.get("args")
    if not isinstance(args, list) or (count is not None and len(args) != count):
        wanted = "a list" if count is None else f"a list of {count}"
        raise _invalid_tree(f"'args' of {node.get('op') or node.get('call')!r} must be {wanted}")
    return args


def _operation(node: Tree, env: Mapping[str, Any]) -> float:
    op = node["op"]
    if op == "neg":
        return -_eval(_args(node, 1)[0], env)
    compute = _BINARY.get(op) if isinstance(op, str) else None
    if compute is None:
        raise _invalid_tree(f"unknown operator {op!r}")
    left_tree, right_tree = _args(node, 2)
    left = _eval(left_tree, env)
    right = _eval(right_tree, env)
    if op == "/" and right == 0:
        raise FormulaError("division-by-zero", f"division by zero in {to_text(node)}", to_text(node))
    return _finite(compute(left, right), node)


def _pow(base: float, exponent: float) -> float:
    # math.pow raises where JS returns Infinity or NaN; both mean "not finite".
    try:
        return math.pow(base, exponent)
    except (OverflowError, ValueError):
        return math.nan


def _comparison(compare: Callable[[float, float], bool]) -> Callable[[float, float], float]:
    return lambda a, b: 1.0 if compare(a, b) else 0.0


_BINARY: dict[str, Callable[[float, float], float]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": operator.truediv,
    "^": _pow,
    "<": _comparison(operator.lt),
    "<=": _comparison(operator.le),
    ">": _comparison(operator.gt),
    ">=": _comparison(operator.ge),
    "==": _comparison(operator.eq),
    "!=": _comparison(operator.ne),
}


def _call(node: Tree, env: Mapping[str, Any]) -> float:
    name = node["call"]
    if not isinstance(name, str) or name not in FUNCTIONS:
        raise _invalid_tree(f"unknown function {name!r}")
    args = _args(node)
    problem = arity_problem(name, len(args))
    if problem:
        raise _invalid_tree(problem)
    if name == "if":
        # Lazy: the branch not taken may divide by zero or use a missing name.
        condition = _eval(args[0], env)
        return _eval(args[1] if condition != 0 else args[2], env)
    values = [_eval(arg, env) for arg in args]
    if name == "min":
        result = min(values)
    elif name == "max":
        result = max(values)
    elif name == "round":
        result = round_half_away(values[0], values[1] if len(values) > 1 else 0.0)
    elif name == "floor":
        result = float(math.floor(values[0]))
    elif name == "ceil":
        result = float(math.ceil(values[0]))
    elif name == "abs":
        result = abs(values[0])
    else:  # clamp: when lo > hi the upper bound wins, as in JS.
        result = min(max(values[0], values[1]), values[2])
    return _finite(result, node)


def round_half_away(x: float, digits: float = 0.0) -> float:
    """Round half away from zero to ``digits`` decimals (negative: tens, hundreds...).

    Deliberately the naive ``sign(x) * floor(|x| * 10^d + 0.5) / 10^d`` so that
    JS gets the identical double (``round(1.005, 2)`` is 1 in both).  ``digits``
    is itself rounded half away from zero and clamped to [-308, 308]; 10^d comes
    from parsing "1e<d>", which both languages do exactly.
    """
    places = int(math.floor(abs(digits) + 0.5))
    places = min(places, 308)
    negative_places = digits < 0 and places > 0
    scale = float(f"1e{places}")
    magnitude = abs(x)
    if negative_places:
        rounded = float(math.floor(magnitude / scale + 0.5)) * scale
    else:
        scaled = magnitude * scale
        if not math.isfinite(scaled):
            return x  # already far more precise than asked for
        rounded = float(math.floor(scaled + 0.5)) / scale
    return -rounded if x < 0 else rounded


def _finite(value: float, node: Tree) -> float:
    if math.isfinite(value):
        return value
    raise FormulaError("not-finite", f"{to_text(node)} is not a finite number", to_text(node))


def _invalid_tree(message: str) -> FormulaError:
    return FormulaError("invalid-tree", message)


# --- rendering -------------------------------------------------------------

_CMP, _ADD, _MUL, _NEG, _POW, _ATOM = range(1, 7)
_PRECEDENCE = dict.fromkeys(COMPARISONS, _CMP) | {"+": _ADD, "-": _ADD, "*": _MUL, "/": _MUL}
_PRECEDENCE["^"] = _POW


def to_text(tree: Tree, env: Mapping[str, Any] | None = None) -> str:
    """Render a tree as formula text with as few parentheses as reading allows.

    With ``env``, names that have a finite numeric value are replaced by that
    number, which is how a page shows "the formula with your numbers".
    """
    return _render(tree, env)[0]


def _render(node: Tree, env: Mapping[str, Any] | None) -> tuple[str, int]:
    if "num" in node:
        return _render_number(node["num"])
    if "name" in node:
        name = node["name"]
        number = _as_finite(env[name]) if env is not None and name in env else None
        if number is not None:
            return _render_number(number)
        return name, _ATOM
    args = [_render(arg, env) for arg in node["args"]]
    if "call" in node:
        return f"{node['call']}({', '.join(text for text, _ in args)})", _ATOM
    op = node["op"]
    if op == "neg":
        text, precedence = args[0]
        return "-" + (f"({text})" if precedence <= _NEG else text), _NEG
    (left, left_prec), (right, right_prec) = args
    own = _PRECEDENCE[op]
    if op == "^":
        wrap_left, wrap_right = left_prec <= _POW, right_prec < _POW
    elif own == _CMP:
        wrap_left, wrap_right = left_prec <= _CMP, right_prec <= _CMP
    else:
        wrap_left, wrap_right = left_prec < own, right_prec <= own
    # "a - (-3)" reads better than "a - -3", and "2^(-1)" better than "2^-1".
    wrap_right = wrap_right or right_prec == _NEG
    left = f"({left})" if wrap_left else left
    right = f"({right})" if wrap_right else right
    return (f"{left}^{right}" if op == "^" else f"{left} {op} {right}"), own


def _render_number(value: float) -> tuple[str, int]:
    text = plain_number(value)
    return text, _NEG if text.startswith("-") else _ATOM
