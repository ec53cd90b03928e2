"""Numbers as text, in the guide's currency and locale, exactly as the browser shows them.

Twin of ``calculators/runtime/format.js``: the build renders every calculator result, table
cell and chart label with it, the browser updates them with the JS, so both must give identical
strings (both read the golden tables in ``tests/contracts/formats/``). It also writes cited
figures (``format_figure``: a quoted price keeps its cents) and the numbers inside formulas
(``plain_number``: code, the same in every locale).

Two steps. Rounding is locale-free and shared: both sides round the shortest round-trip decimal
of the value (``repr`` here, ``toExponential`` there) half away from zero in integer arithmetic,
to places that depend on the magnitude (``$0.0325``, ``$12.50``, ``$1,234``) or to the
``places`` an author fixed (``decimals``, which wins over the currency's own digits: ¥1,234.56).
Localising is where the sides differ in means: the browser hands the rounded decimal string to
``Intl.NumberFormat`` (ICU); Python applies the same CLDR data through Babel. Babel lacks two
CLDR rules that ICU applies, so they are implemented here: currency spacing (a letter symbol
next to a digit gets a no-break space: ``CHF 12.50``) and minimum grouping digits (Spanish,
Polish and others group only from five digits: ``1234`` but ``12.345``). Separators are kept as
CLDR has them (U+00A0, narrow U+202F), never normalised to spaces.
"""

from __future__ import annotations

import functools
import math
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Babel takes 0.15 s to import: only builds that format numbers pay for it
    from babel import Locale

MINUS = "\u2212"
NBSP = "\u00a0"

#: Unit words of ``duration`` and ``months`` when no guide is loaded: the English ``units`` of the
#: words table (``knowledge/words.yml``; a test keeps them equal), which a guide overrides.
DEFAULT_UNITS: Mapping[str, str] = {"ms": "ms", "s": "s", "min": "min", "h": "h",
                                    "month": "month", "months": "months"}

#: Locales whose CLDR ``minimumGroupingDigits`` is 2, as ICU 78 (CLDR 48, node 20) reports them
#: for every locale Babel knows (the test ``test_minimum_grouping_matches_icu`` regenerates it).
MIN_GROUPING_TWO = frozenset({
    "be", "be-BY", "be-TARASK", "bg", "bg-BG", "es", "es-EA", "es-ES", "es-GQ", "es-IC", "es-PH",
    "et", "et-EE", "hu", "hu-HU", "hy", "hy-AM", "ia", "ia-001", "ie", "ie-EE", "it", "it-CH",
    "it-IT", "it-SM", "it-VA", "ka", "ka-GE", "lv", "lv-LV", "pl", "pl-PL", "pt-CH", "pt-CV",
    "pt-GQ", "pt-GW", "pt-LU", "pt-MO", "pt-MZ", "pt-PT", "pt-ST", "pt-TL", "ru-UA", "sl",
    "sl-SI", "sq", "sq-AL", "sq-MK", "sq-XK"})


class StyleError(ValueError):
    """An unknown locale or currency, worded for the person who set it in mkdocs.yml."""


@dataclass(frozen=True)
class NumberStyle:
    """How numbers read in one guide: a BCP 47 locale, an ISO 4217 currency, unit words."""

    locale: str = "en-US"
    currency: str = "USD"
    units: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_UNITS))

    def __hash__(self) -> int:  # settings holding a style are cache keys; the words dict is not hashable
        return hash((self.locale, self.currency, tuple(sorted(self.units.items()))))

    def to_json(self) -> dict[str, Any]:
        """The style as the browser runtime's ``formatValue`` takes it (in each calculator spec)."""
        return {"locale": self.locale, "currency": self.currency, "units": dict(self.units)}


def check_style(locale: str, currency: str) -> None:
    """Raise ``StyleError`` unless both are known to CLDR (so to the browser's ICU as well)."""
    from babel.numbers import list_currencies

    _locale_data(locale)
    if currency not in list_currencies():
        raise StyleError(f"unknown currency {currency!r}; expected an ISO 4217 code such as "
                         "'USD', 'EUR' or 'GBP'")


DEFAULT_STYLE = NumberStyle()

#: [decimal places, fewest places kept when trailing zeros are trimmed] for a magnitude > 0.
Rule = Callable[[float], tuple[int, int]]


def _exponent(a: float) -> int:
    """Base-10 exponent of the first significant digit of ``a`` > 0."""
    return Decimal(repr(a)).adjusted()


def _currency_rule(a: float) -> tuple[int, int]:
    return (0, 0) if a >= 100 else (2, 2) if a >= 1 else (2 - _exponent(a), 2)


def _number_rule(a: float) -> tuple[int, int]:
    return (0, 0) if a >= 100 else (2, 0) if a >= 1 else (2 - _exponent(a), 0)


_tenths_rule: Rule = lambda a: (1, 0)  # noqa: E731


def _fixed(a: float | Decimal, places: int) -> str:
    """``a`` >= 0 rounded half away from zero to ``places`` decimals, as plain digits."""
    _, digits, power = (a if isinstance(a, Decimal) else Decimal(repr(a))).as_tuple()
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


@dataclass(frozen=True)
class _LocaleData:
    decimal: str
    group: str
    percent: tuple[str, str]  # prefix, suffix around the number
    currency: tuple[str, str]  # with ¤ where the symbol goes
    grouping: tuple[int, int]
    min_grouping: int
    babel: Locale


@functools.lru_cache(maxsize=64)
def _locale_data(tag: str) -> _LocaleData:
    from babel import Locale, UnknownLocaleError
    from babel.numbers import parse_pattern

    try:
        locale = Locale.parse(tag, sep="-")
    except (UnknownLocaleError, ValueError, TypeError):
        raise StyleError(f"unknown locale {tag!r}; expected a BCP 47 tag such as 'en-US', "
                         "'en-GB' or 'de-DE'") from None
    symbols = locale.number_symbols["latn"]
    decimal = parse_pattern(locale.decimal_formats[None].pattern)
    percent = parse_pattern(locale.percent_formats[None].pattern)
    currency = parse_pattern(locale.currency_formats["standard"].pattern)
    sign = symbols["percentSign"]
    return _LocaleData(
        decimal=symbols["decimal"], group=symbols["group"],
        percent=(percent.prefix[0].replace("%", sign), percent.suffix[0].replace("%", sign)),
        currency=(currency.prefix[0], currency.suffix[0]),
        grouping=decimal.grouping, min_grouping=2 if _tag(locale) in MIN_GROUPING_TWO else 1,
        babel=locale)


def _tag(locale: Locale) -> str:
    return "-".join(part for part in (locale.language, locale.script, locale.territory, locale.variant)
                    if part)


def _localised(text: str, data: _LocaleData) -> str:
    """Plain digits ("1234.5") with the locale's group and decimal separators."""
    whole, _, fraction = text.partition(".")
    primary, secondary = data.grouping
    if len(whole) >= primary + data.min_grouping:
        head, groups = whole[:-primary], [whole[-primary:]]
        while len(head) > secondary:
            head, groups = head[:-secondary], [head[-secondary:], *groups]
        whole = data.group.join([head, *groups] if head else groups)
    return whole + (data.decimal + fraction if fraction else "")


def _is_letter_like(char: str) -> bool:
    """CLDR's currency-spacing test ``[[:^S:]&[:^Z:]]``: neither a symbol nor a space."""
    return unicodedata.category(char)[0] not in "SZ"


def _currency(text: str, style: NumberStyle) -> str:
    data = _locale_data(style.locale)
    symbol = _symbol(style.currency, style.locale)
    prefix, suffix = data.currency
    if prefix.endswith("¤") and _is_letter_like(symbol[-1]):
        prefix += NBSP
    if suffix.startswith("¤") and _is_letter_like(symbol[0]):
        suffix = NBSP + suffix
    return prefix.replace("¤", symbol) + _localised(text, data) + suffix.replace("¤", symbol)


@functools.lru_cache(maxsize=64)
def _symbol(currency: str, tag: str) -> str:
    from babel.numbers import get_currency_symbol

    return get_currency_symbol(currency, _locale_data(tag).babel)


def _number(text: str, style: NumberStyle) -> str:
    return _localised(text, _locale_data(style.locale))


def _clock(total: int, major: str, minor: str, style: NumberStyle) -> str:
    hours_or_minutes, rest = divmod(total, 60)
    units = style.units
    return (f"{_number(str(hours_or_minutes), style)} {units[major]}"
            + (f" {_number(str(rest), style)} {units[minor]}" if rest else ""))


def _duration(a: float, style: NumberStyle) -> str:
    ms = _decimal(a, _number_rule)
    if float(ms) < 1000:
        return f"{_number(ms, style)} {style.units['ms']}"
    seconds = _decimal(a / 1000, _tenths_rule)
    if float(seconds) < 60:
        return f"{_number(seconds, style)} {style.units['s']}"
    whole_seconds = int(_fixed(a / 1000, 0))
    if whole_seconds < 3600:
        return _clock(whole_seconds, "min", "s", style)
    return _clock(int(_fixed(a / 60000, 0)), "h", "min", style)


def _months(a: float, style: NumberStyle) -> str:
    text = _decimal(a, _tenths_rule)
    return f"{_number(text, style)} {style.units['month' if text == '1' else 'months']}"


def _percent(text: str, style: NumberStyle) -> str:
    data = _locale_data(style.locale)
    return data.percent[0] + _localised(text, data) + data.percent[1]


_RENDER: dict[str, Callable[[float, NumberStyle], str]] = {
    "currency": lambda a, style: _currency(_decimal(a, _currency_rule), style),
    "number": lambda a, style: _number(_decimal(a, _number_rule), style),
    "percent": lambda a, style: _percent(_decimal(a * 100, _tenths_rule), style),
    "duration": _duration,
    "months": _months,
}

#: The formats ``format_value`` knows.
FORMATS = tuple(_RENDER)

#: ``places`` for the formats that take them (a percent's are of the percentage: 12.5 % is 1).
_EXACT: dict[str, Callable[[float, int, NumberStyle], str]] = {
    "currency": lambda a, places, style: _currency(_fixed(a, places), style),
    "number": lambda a, places, style: _number(_fixed(a, places), style),
    "percent": lambda a, places, style: _percent(_fixed(a * 100, places), style),
}
PLACES_FORMATS = tuple(_EXACT)
MOST_PLACES = 6


def format_value(value: float, fmt: str, style: NumberStyle = DEFAULT_STYLE,
                 places: int | None = None) -> str:
    """Show ``value`` in ``fmt`` and ``style``, the same string the browser runtime shows.

    ``currency`` is in the style's currency ("$0.0325", "$12.50", "$1,234"; "1.234,56 €" in
    de-DE with EUR), ``number`` has the locale's separators, ``percent`` takes a fraction
    (0.625 → "62.5%"), ``duration`` takes milliseconds ("180 ms", "1.5 s",
    "1 min 35 s") and ``months`` counts months. Negative values get a real minus sign in front.
    ``places`` (0–6, for currency, number and percent) fixes the decimals instead of the
    magnitude rule: 1234.56 with 2 is "1.234,56 €" in de-DE. Raises ``TypeError`` for a value
    that is not a finite number and ``ValueError`` for an unknown format or bad ``places``.
    """
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise TypeError(f"expected a finite number, got {value!r}")
    if fmt not in _RENDER:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    number = float(value)
    if places is None:
        return _signed(number, _RENDER[fmt](abs(number), style))
    if fmt not in _EXACT or type(places) is not int or not 0 <= places <= MOST_PLACES:
        raise ValueError(f"places {places!r} for {fmt!r}: expected 0 to {MOST_PLACES}, for one of "
                         f"{', '.join(PLACES_FORMATS)}")
    return _signed(number, _EXACT[fmt](abs(number), places, style))


def style_of(spec: Mapping[str, Any]) -> NumberStyle:
    """The style a calculator or chart spec carries (``NumberStyle.to_json``), else the default."""
    data = spec.get("style")
    if not data:
        return DEFAULT_STYLE
    return NumberStyle(locale=data["locale"], currency=data["currency"], units=data["units"])


def format_figure(value: float | None, low: float | None = None, high: float | None = None,
                  style: NumberStyle = DEFAULT_STYLE) -> str:
    """A cited amount as a source gives it, in the style's locale: a price keeps its cents
    (1234.56 is "1,234.56", "1.234,56" in de-DE; 5000 is "5,000"; 2 is "2.00"), a small one
    three significant digits (0.0325, 0.00002). A low–high range has an en dash and both ends
    to the same precision ("80–120", "2.50–10.00", never "80.00–120")."""
    data = _locale_data(style.locale)
    if value is not None:
        return _signed(value, _localised(_amount(abs(value)), data))
    assert low is not None and high is not None
    ends = [_amount(abs(end)) if end != int(end) or low != int(low) or high != int(high)
            else str(int(abs(end))) for end in (low, high)]
    places = max(len(end.partition(".")[2]) for end in ends)
    ends = [_fixed(float(end), places) for end in ends]
    return "–".join(_signed(end, _localised(text, data)) for end, text in zip((low, high), ends, strict=True))


def _amount(a: float) -> str:
    """Plain digits of amount ``a`` >= 0: whole from 100 when it is whole, else cents; below 1,
    three significant digits (two below 0.0001), at least two places."""
    if a == 0:
        return "0"
    if a >= 100 and a == int(a):
        return _fixed(a, 0)
    if a >= 1:
        return _fixed(a, 2)
    significant = 3 if a >= 1e-4 else 2
    return _trim(_fixed(a, significant - 1 - _exponent(a)), 2)


def _signed(value: float, text: str) -> str:
    return MINUS + text if value < 0 and any(c in "123456789" for c in text) else text


def plain_number(value: float) -> str:
    """A number as a formula writes it (code, so the same in every locale): at most 6
    significant digits, but never dropping integer digits; scientific notation below 1e-6 and
    from 1e15 on. Rounds the shortest round-trip decimal half away from zero, as JS does."""
    a = abs(float(value))
    if a == 0:
        return "0"
    sign, exponent = "-" if value < 0 else "", _exponent(a)
    if exponent >= 15 or exponent < -6:
        mantissa = _trim(_fixed(Decimal(repr(a)).scaleb(-exponent), 5), 0)
        if mantissa == "10":  # 9.999995e20 rounds to 1e21
            mantissa, exponent = "1", exponent + 1
        return f"{sign}{mantissa}e{exponent}"
    return sign + _trim(_fixed(a, max(6, exponent + 1) - 1 - exponent), 0)
