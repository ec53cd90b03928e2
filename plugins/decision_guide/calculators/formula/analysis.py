"""Static checks on formula trees, run at build time before anything is evaluated.

Authors get told about a misspelt input or a literal division by zero when the
site is built, not when a reader happens to move a slider; and a calculator's
derived values are put in an order where each one's inputs are ready first.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from decision_guide.calculators.formula.evaluate import FormulaError, evaluate, to_text
from decision_guide.calculators.formula.parser import FUNCTIONS, Tree, arity_problem, unknown_function_message


@dataclass(frozen=True)
class FormulaIssue:
    """One problem found by ``check``; ``code`` is stable, ``message`` is for people."""

    code: str
    message: str


class FormulaCycleError(ValueError):
    """Named formulas depend on each other in a loop; ``cycle`` lists the path."""

    def __init__(self, cycle: list[str]) -> None:
        self.cycle = list(cycle)
        super().__init__("cycle: " + " -> ".join(self.cycle))


def _walk(tree: Tree) -> Iterator[Tree]:
    """Yield every node, parents before children, left to right (no recursion)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(node.get("args", [])))


def _names_in_order(tree: Tree) -> list[str]:
    """Names in order of first appearance, so results are deterministic."""
    return list(dict.fromkeys(node["name"] for node in _walk(tree) if "name" in node))


def names_used(tree: Tree) -> set[str]:
    """Every name the formula refers to (function names are not names)."""
    return set(_names_in_order(tree))


def check(tree: Tree, known_names: Iterable[str]) -> list[FormulaIssue]:
    """Find problems visible without any input values.

    Codes: ``unknown-name`` (with the closest known name suggested),
    ``unknown-function``, ``wrong-arity`` (trees not built by ``parse``) and
    ``division-by-zero`` when a divisor is a constant that comes out as 0.
    """
    known = list(dict.fromkeys(known_names))
    known_set = set(known)
    issues: list[FormulaIssue] = []
    for name in _names_in_order(tree):
        if name not in known_set:
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            issues.append(FormulaIssue("unknown-name", f"unknown name '{name}'{hint}"))
    for node in _walk(tree):
        if "call" in node:
            issues.extend(_call_issues(node))
        elif node.get("op") == "/" and _is_constant_zero(node["args"][1]):
            issues.append(FormulaIssue("division-by-zero", _division_message(node)))
    return issues


def _call_issues(node: Tree) -> Iterator[FormulaIssue]:
    name = node["call"]
    if name not in FUNCTIONS:
        yield FormulaIssue("unknown-function", unknown_function_message(name))
        return
    problem = arity_problem(name, len(node["args"]))
    if problem:
        yield FormulaIssue("wrong-arity", problem)


def _is_constant_zero(divisor: Tree) -> bool:
    if names_used(divisor):
        return False
    try:
        return evaluate(divisor, {}) == 0
    except FormulaError:
        return False  # the divisor's own problem is reported at its own node


def _division_message(node: Tree) -> str:
    divisor = node["args"][1]
    where = f"division by zero in '{to_text(node)}'"
    return where if "num" in divisor else f"{where}: {to_text(divisor)} is always 0"


def dependency_order(formulas: Mapping[str, Tree], inputs: Iterable[str]) -> list[str]:
    """Order named formulas so each comes after the formulas it uses.

    Ties keep the mapping's own order, so the result is stable between builds.
    Names that are neither inputs nor formulas are ignored here (``check``
    reports them).  Raises ``FormulaCycleError`` naming the loop, and
    ``ValueError`` if a name is both an input and a formula.
    """
    input_set = set(inputs)
    clashes = [name for name in formulas if name in input_set]
    if clashes:
        raise ValueError(f"names used for both an input and a formula: {', '.join(clashes)}")
    depends_on = {
        name: [used for used in _names_in_order(tree) if used in formulas]
        for name, tree in formulas.items()
    }
    order: list[str] = []
    done: set[str] = set()
    for root in formulas:
        if root not in done:
            _visit(root, depends_on, done, order)
    return order


def _visit(
    root: str, depends_on: Mapping[str, list[str]], done: set[str], order: list[str]
) -> None:
    """Depth-first post-order from ``root`` with an explicit stack (no recursion limit)."""
    path: list[str] = [root]
    pending: list[Iterator[str]] = [iter(depends_on[root])]
    while pending:
        dependency = next(pending[-1], None)
        if dependency is None:
            pending.pop()
            finished = path.pop()
            done.add(finished)
            order.append(finished)
        elif dependency in path:
            raise FormulaCycleError(path[path.index(dependency) :] + [dependency])
        elif dependency not in done:
            path.append(dependency)
            pending.append(iter(depends_on[dependency]))
