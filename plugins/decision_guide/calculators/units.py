"""Entered units and model units: what the reader types, and what formulas see.

A percent input is entered as 40 and seen by formulas as 0.4, so data in fractions (and a
result computed from them) needs no "/ 100" in every formula. ``model_value`` is the one place
the two meet; ``modelValue`` in ``runtime/calculator.js`` is its twin.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from decision_guide.calculators.models import Input

#: Entered units per model unit, by input format: percent is entered as 40 for 0.4.
PER_MODEL_UNIT = {"percent": 100.0}


def entered(item: Input | Mapping[str, Any], value: float) -> float:
    """``value`` as the reader enters it (12 significant digits, so 0.07 reads 7, not 7.000…01)."""
    factor = PER_MODEL_UNIT.get(_format(item))
    return value if factor is None else float(f"{value * factor:.12g}")


def model_value(item: Input | Mapping[str, Any], number: float) -> float:
    """What formulas see for a number the reader entered."""
    factor = PER_MODEL_UNIT.get(_format(item))
    return number if factor is None else number / factor


def entered_text(number: float) -> str:
    """A number as an input box holds it: its shortest round-trip digits, never an exponent,
    no trailing ".0" (what ``String(number)`` gives in the browser, within its plain range)."""
    if number == 0:
        return "0"
    text = format(Decimal(repr(float(number))), "f")
    return text[:-2] if text.endswith(".0") else text


def _format(item: Input | Mapping[str, Any]) -> str:
    return str(item["format"] if isinstance(item, Mapping) else item.format)
