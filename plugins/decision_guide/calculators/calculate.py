"""A calculator evaluated from what a reader typed: the Python twin of the browser runtime.

``calculate`` takes the same text the page's input boxes (or its URL) hold, checks it with the
same rules and messages as ``validateInput`` in ``runtime/calculator.js``, evaluates the same
formula trees and shows each output the same way, "Never" and its reason included. The golden
cases under ``tests/contracts/calculators/`` hold both twins to it; ``decision-guide calc`` is a
thin command over it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from decision_guide.calculators.compile import CompiledCalculator
from decision_guide.calculators.formats import DEFAULT_STYLE, NumberStyle, format_value
from decision_guide.calculators.formula import FormulaError
from decision_guide.calculators.spec import calculator_spec
from decision_guide.calculators.units import entered_text, model_value
from decision_guide.knowledge.words import Words, default_words
from decision_guide.problems import suggest

DASH = "—"
#: The words entry for each rule a formula can break with numbers the reader typed.
FAILURES = {"division-by-zero": "calculator.division_by_zero", "not-finite": "calculator.not_finite"}
#: What an input box accepts (ASCII digits only, as in JavaScript).
NUMBER = re.compile(r"[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
YES, NO = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


class InputError(ValueError):
    """A value the reader typed that the calculator cannot take; the message says why."""


class UnknownInput(KeyError):
    """An input name the calculator does not have; the message lists the ones it has."""

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class Shown:
    """One result as the reader sees it: its number (None when it has none), text and why."""

    value: float | None
    text: str
    reason: str | None = None

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"value": self.value, "text": self.text}
        if self.reason:
            data["reason"] = self.reason
        return data


@dataclass(frozen=True)
class Calculation:
    """Every output by id, and a message per input that could not be read."""

    outputs: dict[str, Shown]
    errors: dict[str, str] = field(default_factory=dict)


def read_input(item: Mapping[str, Any], text: str | None, style: NumberStyle = DEFAULT_STYLE,
               words: Words | None = None) -> float:
    """The value formulas see for ``text`` typed into input ``item`` (a spec input).

    Raises ``InputError`` with the message the page shows under the box (in ``words``).
    """
    said = words or default_words(style.locale)

    def error(key: str, **values: Any) -> InputError:
        return InputError(said.say(f"calculator.{key}", **values))

    trimmed = (text or "").strip()
    if item.get("type") == "boolean":
        word = trimmed.lower()
        if word in YES or word in NO:
            return 1.0 if word in YES else 0.0
        raise error("not_yes_or_no", text=_short(trimmed)) if trimmed else error("choose_yes_or_no")
    if item["format"] == "percent" and trimmed.endswith("%"):
        trimmed = trimmed[:-1].rstrip()
    if not trimmed:
        raise error("enter_number")
    if not NUMBER.fullmatch(trimmed):
        raise error("not_a_number", text=_short(trimmed))
    number = float(trimmed)
    low, high = item["min"], item["max"]
    if not math.isfinite(number):
        raise error("too_large")
    if number < 0 and low >= 0:
        raise error("not_negative")
    if number < low:
        raise error("at_least", limit=_limit(item, low, style))
    if number > high:
        raise error("at_most", limit=_limit(item, high, style))
    return model_value(item, number)


def calculate(compiled: CompiledCalculator, texts: Mapping[str, str], *,
              style: NumberStyle = DEFAULT_STYLE, words: Words | None = None) -> Calculation:
    """Every output of ``compiled`` for the inputs typed in ``texts`` (others at their defaults),
    shown in ``style`` and ``words`` (the guide's; English and US dollars by default).

    Raises ``UnknownInput`` for a name that is not one of the calculator's inputs.
    """
    said = words or default_words(style.locale)
    spec = calculator_spec(compiled, style, said)
    names = [item["id"] for item in spec["inputs"]]
    for name in texts:
        if name not in names:
            raise UnknownInput(f"calculator '{compiled.id}' has no input '{name}'"
                               f"{suggest(name, names)}; its inputs are {', '.join(names)}")
    values: dict[str, float] = {}
    errors: dict[str, str] = {}
    for item in spec["inputs"]:
        text = texts.get(item["id"], entered_text(item["default"]))
        try:
            values[item["id"]] = read_input(item, text, style, said)
        except InputError as error:
            errors[item["id"]] = str(error)
    outputs = [value for value in spec["values"] if value["output"]]
    if errors:
        fix = said.say("calculator.fix_inputs_above")
        return Calculation({v["id"]: Shown(None, DASH, fix) for v in outputs}, errors)
    results = compiled.evaluate(values)
    return Calculation({v["id"]: shown(v, results.get(v["id"]), style, said) for v in outputs})


def shown(value: Mapping[str, Any], result: float | FormulaError | None,
          style: NumberStyle = DEFAULT_STYLE, words: Words | None = None) -> Shown:
    """A value (a spec value) as the reader sees it in ``style``: formatted, or "Never" (in
    ``words``) or a dash, and why."""
    said = words or default_words(style.locale)
    if isinstance(result, int | float):
        return Shown(float(result), format_value(result, value["format"], style, value.get("decimals")))
    if value.get("never"):
        return Shown(None, said.say("calculator.never"), value["never"])
    if isinstance(result, FormulaError) and result.formula is not None and result.code in FAILURES:
        return Shown(None, DASH, said.say(FAILURES[result.code], formula=result.formula))
    if isinstance(result, FormulaError) and result.code != "unknown-name":
        return Shown(None, DASH, said.say("calculator.cannot_compute", reason=result.message))
    return Shown(None, DASH, said.say("calculator.needs_missing"))


def _short(text: str) -> str:
    return f"{text[:24]}…" if len(text) > 24 else text


def _limit(item: Mapping[str, Any], limit: float, style: NumberStyle) -> str:
    fmt, unit = item["format"], item.get("unit")
    text = format_value(model_value(item, limit), fmt, style, item.get("decimals"))
    return f"{text} {unit}" if fmt == "number" and unit else text


def valid_values(item: Mapping[str, Any]) -> str:
    """What input ``item`` (a spec input) accepts, in the reader's words."""
    if item.get("type") == "boolean":
        return "yes or no (also 1/0, true/false, on/off)"
    unit = "%" if item["format"] == "percent" else f" {item['unit']}" if item.get("unit") else ""
    return f"a number from {entered_text(item['min'])} to {entered_text(item['max'])}{unit}"
