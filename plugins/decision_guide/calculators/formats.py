"""Show calculator values as text, exactly as the browser runtime does.

This is the twin of ``calculators/runtime/format.js``: the build renders each
calculator's results with it and the browser updates them live with the JS, so
the two must give identical strings or the page would change its text when the
script starts.  Both round the shortest round-trip decimal of the value
(``repr`` here, ``toExponential`` there) half away from zero in integer
arithmetic, never through binary floating point, and never print exponents.
``tests/test_calculator_formats.py`` and ``calculators/runtime/test/format.test.js``
run the same cases (``calculators/runtime/test/format-cases.json``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import Decimal

MINUS = "\u2212"

#: [decimal places, fewest places kept when trailing zeros are trimmed] for a magnitude > 0.
Rule = Callable[[float], tuple[int, int]]


def _exponent(a: float) -> int:
    """Base-10 exponent of the first significant digit of ``a`` > 0."""
    return Decimal(repr(a)).adjusted()


def _currency_rule(a: float) -> tuple[int, int]:
    return (0, 0) if a >= 100 else (2, 2) if a >= 1 else (2 - _exponent(a), 2)


def _number_rule(a: float) -> tuple[int, int]:
    return (0, 0) if a >= 100 else (2, 0) if a >= 1 else (2 - _exponent(a), 0)


def _tenths_rule(a: float) -> tuple[int, int]:
    return (1, 0)


def _fixed(a: float, places: int) -> str:
    """``a`` >= 0 rounded half away from zero to ``places`` decimals, as plain digits."""
    _, digits, power = Decimal(repr(a)).as_tuple()
    assert isinstance(power, int)  # finite by the check in format_value
    units = int("".join(map(str, digits)))
    shift = power + places
    if shift >= 0:
        units *= 10**shift
    else:
        unit = 10**-shift
        units = (units + unit // 2) // unit
    text = str(units).rjust(places + 1, "0")
    return f"{text[:-places]}.{text[-places:]}" if places else text


def _trim(text: str, fewest: int) -> str:
    if "." not in text:
        return text
    whole, fraction = text.split(".")
    while len(fraction) > fewest and fraction.endswith("0"):
        fraction = fraction[:-1]
    return f"{whole}.{fraction}" if fraction else whole


def _decimal(a: float, rule: Rule) -> str:
    """``a`` >= 0 rounded by ``rule``, again by the next band's rule if rounding carried into it."""
    if a == 0:
        return "0"
    places, fewest = rule(a)
    text = _fixed(a, places)
    again = rule(float(text))
    if again[0] != places:
        places, fewest = again
        text = _fixed(float(text), places)
    return _trim(text, fewest)


def _grouped(text: str) -> str:
    whole, _, fraction = text.partition(".")
    return f"{int(whole):,}" + (f".{fraction}" if fraction else "")


def _clock(total: int, major: str, minor: str) -> str:
    hours_or_minutes, rest = divmod(total, 60)
    return f"{hours_or_minutes:,} {major}" + (f" {rest} {minor}" if rest else "")


def _duration(a: float) -> str:
    ms = _decimal(a, _number_rule)
    if float(ms) < 1000:
        return f"{ms} ms"
    seconds = _decimal(a / 1000, _tenths_rule)
    if float(seconds) < 60:
        return f"{seconds} s"
    whole_seconds = int(_fixed(a / 1000, 0))
    if whole_seconds < 3600:
        return _clock(whole_seconds, "min", "s")
    return _clock(int(_fixed(a / 60000, 0)), "h", "min")


def _months(a: float) -> str:
    text = _decimal(a, _tenths_rule)
    return f"{_grouped(text)} {'month' if text == '1' else 'months'}"


_RENDER: dict[str, Callable[[float], str]] = {
    "currency": lambda a: "$0" if a == 0 else f"${_grouped(_decimal(a, _currency_rule))}",
    "number": lambda a: _grouped(_decimal(a, _number_rule)),
    "percent": lambda a: f"{_grouped(_decimal(a * 100, _tenths_rule))}%",
    "duration": _duration,
    "months": _months,
}

#: The formats ``format_value`` knows.
FORMATS = tuple(_RENDER)


def format_value(value: float, fmt: str) -> str:
    """Show ``value`` in ``fmt``, the same string the browser runtime shows.

    ``currency`` is USD ("$0.032", "$12.50", "$1,234"), ``number`` has thousands
    separators, ``percent`` takes a fraction (0.625 → "62.5%"),
    ``duration`` takes milliseconds ("180 ms", "1.5 s", "1 min 35 s") and
    ``months`` counts months.  Negative values get a real minus sign.  Raises
    ``TypeError`` for a value that is not a finite number and ``ValueError``
    for an unknown format.
    """
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise TypeError(f"expected a finite number, got {value!r}")
    if fmt not in _RENDER:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    number = float(value)
    text = _RENDER[fmt](abs(number))
    return MINUS + text if number < 0 and any(c in "123456789" for c in text) else text
