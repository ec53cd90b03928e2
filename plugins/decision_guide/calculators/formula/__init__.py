"""The formula language of calculators: parse once in Python, evaluate anywhere.

Text is parsed into a JSON tree at build time (``parse``).  The same tree is
evaluated by ``evaluate`` here and by ``calculators/runtime/formula.js`` in the
browser, with identical results and error codes, and no ``eval`` anywhere.
"""

from __future__ import annotations

from decision_guide.calculators.formula.analysis import (
    FormulaCycleError,
    FormulaIssue,
    check,
    dependency_order,
    names_used,
)
from decision_guide.calculators.formula.evaluate import (
    ERROR_CODES,
    FormulaError,
    evaluate,
    round_half_away,
    to_text,
)
from decision_guide.calculators.formula.parser import FUNCTIONS, FormulaSyntaxError, Tree, parse

__all__ = [
    "ERROR_CODES",
    "FUNCTIONS",
    "FormulaCycleError",
    "FormulaError",
    "FormulaIssue",
    "FormulaSyntaxError",
    "Tree",
    "check",
    "dependency_order",
    "evaluate",
    "names_used",
    "parse",
    "round_half_away",
    "to_text",
]
