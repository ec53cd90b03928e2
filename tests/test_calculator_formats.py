"""format_value must give the browser runtime's strings, character for character, in every
currency and locale.

The cases live in ``tests/contracts/formats/`` (``en-US.json`` the rounding rules, ``anchors.json``
hand-checked localised examples, ``localised.json`` a generated grid of values × formats ×
locales) and ``tests/js/format.test.js`` runs the same files against ``format.js``; a random
sweep then compares the two implementations directly under node, and
``test_browser_formats.py`` under Chromium.
"""

from __future__ import annotations

import json
import math
import random
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from decision_guide.calculators.formats import (
    FORMATS,
    MIN_GROUPING_TWO,
    NumberStyle,
    StyleError,
    check_style,
    format_figure,
    format_value,
    plain_number,
    style_of,
)

CONTRACTS = Path(__file__).resolve().parent / "contracts" / "formats"
RUNTIME = Path(__file__).resolve().parents[1] / "plugins" / "decision_guide" / "calculators" / "runtime"


def _contract(name: str) -> dict[str, Any]:
    return json.loads((CONTRACTS / name).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


CASES = _contract("en-US.json")["cases"]
ANCHORS = _contract("anchors.json")["cases"]
LOCALISED = _contract("localised.json")


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, "3", None, True])
def test_rejects_invalid_value(value: object) -> None:
    with pytest.raises(TypeError, match="finite number"):
        format_value(value, "number")  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", ["usd", "", "Currency"])
def test_rejects_unknown_format(fmt: str) -> None:
    with pytest.raises(ValueError, match="unknown format"):
        format_value(1.0, fmt)


def test_knows_the_same_formats_as_the_cases() -> None:
    assert sorted(FORMATS) == sorted({case["format"] for case in CASES})
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['format']}-{c['value']!r}")
def test_shared_case(case: dict[str, object]) -> None:
    assert format_value(case["value"], case["format"]) == case["text"]  # type: ignore[arg-type]


def _random_values(count: int) -> list[float]:
    rng = random.Random(20260514)
    values = [rng.choice((-1, 1)) * rng.uniform(1, 10) * 10.0 ** rng.randint(-9, 13)
              for _ in range(count)]
    # Values sitting exactly on rounding edges (…5 in the last kept place).
    values += [round(rng.uniform(0, 1000), rng.randint(0, 4)) + 0.005 for _ in range(count // 4)]
    return values


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_agrees_with_format_js_on_random_values() -> None:
    values = _random_values(2000)
    script = (
        "import { readFileSync } from 'node:fs';"
        f"import {{ formatValue }} from {json.dumps((RUNTIME / 'format.js').as_uri())};"
        "const {values, formats} = JSON.parse(readFileSync(0, 'utf8'));"
        "const texts = formats.map((f) => values.map((v) => formatValue(v, f)));"
        "process.stdout.write(JSON.stringify(texts));"
    )
    completed = subprocess.run(
        ["node", "--input-type=module", "-e", script],
        input=json.dumps({"values": values, "formats": list(FORMATS)}),
        capture_output=True, text=True, check=True, timeout=60,
    )
    expected = json.loads(completed.stdout)
    for fmt, texts in zip(FORMATS, expected, strict=True):
        mismatches = [(v, t, format_value(v, fmt)) for v, t in zip(values, texts, strict=True)
                      if format_value(v, fmt) != t]
        assert not mismatches[:5], fmt


@pytest.mark.parametrize("case", ANCHORS,
                         ids=lambda c: f"{c['locale']}-{c['currency']}-{c['format']}-{c['value']}")
def test_localised_anchor(case: dict[str, Any]) -> None:
    style = NumberStyle(locale=case["locale"], currency=case["currency"])
    assert format_value(case["value"], case["format"], style, case.get("decimals")) == case["text"]


def test_the_generated_grid_of_locales_matches_icu() -> None:
    """Every cell of localised.json (node's ICU output), through Babel's CLDR data."""
    wrong = []
    for case in LOCALISED["cases"]:
        style = style_of({"style": LOCALISED["styles"][case["style"]]})
        if (text := format_value(case["value"], case["format"], style, case.get("decimals"))) != case["text"]:
            wrong.append((case["style"], case["format"], case["value"], case["text"], text))
    assert wrong == []
    assert len(LOCALISED["styles"]) >= 8 and len(LOCALISED["cases"]) >= 500
    assert any("decimals" in case for case in LOCALISED["cases"])


def test_places_are_the_authors_and_replace_the_magnitude_rule() -> None:
    assert format_value(1234.56, "currency") == "$1,235"
    assert format_value(1234.56, "currency", places=2) == "$1,234.56"
    assert format_value(0.125, "percent", places=1) == "12.5%"


@pytest.mark.parametrize(("fmt", "places"), [("duration", 1), ("months", 0), ("number", 7),
                                             ("number", -1), ("number", True), ("number", 1.5),
                                             ("number", 2.0)])
def test_places_are_refused_outside_0_to_6_and_for_durations_and_months(fmt: str, places: object) -> None:
    with pytest.raises(ValueError, match="expected 0 to 6"):
        format_value(1.0, fmt, places=places)  # type: ignore[arg-type]


def test_unit_words_come_from_the_style() -> None:
    german = NumberStyle(locale="de-DE", currency="EUR",
                         units={"ms": "ms", "s": "s", "min": "Min.", "h": "Std.", "month": "Monat",
                                "months": "Monate"})
    assert format_value(1, "months", german) == "1 Monat"
    assert format_value(2.5, "months", german) == "2,5 Monate"
    assert format_value(95_000, "duration", german) == "1 Min. 35 s"


@pytest.mark.parametrize(("locale", "currency", "message"), [
    ("xx-YY", "USD", "unknown locale 'xx-YY'; expected a BCP 47 tag"),
    ("en_US!", "USD", "unknown locale"),
    ("en-GB", "GPB", "unknown currency 'GPB'; expected an ISO 4217 code"),
    ("en-GB", "gbp", "unknown currency 'gbp'"),
])
def test_unknown_locales_and_currencies_are_refused(locale: str, currency: str, message: str) -> None:
    with pytest.raises(StyleError, match=message):
        check_style(locale, currency)


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_minimum_grouping_matches_icu() -> None:
    """The locales that group only from five digits, as node's ICU says for every locale Babel
    knows: Babel has no minimumGroupingDigits, so formats.py keeps this list."""
    from babel import localedata

    tags = sorted(tag.replace("_", "-") for tag in localedata.locale_identifiers())
    script = """
      import { readFileSync } from "node:fs";
      const two = [];
      for (const tag of JSON.parse(readFileSync(0, "utf8"))) {
        let nf; try { nf = new Intl.NumberFormat(tag); } catch { continue; }
        if (nf.resolvedOptions().locale.split("-")[0] !== tag.split("-")[0]) continue;
        if (!/\\D/.test(nf.format(1234)) && /\\D/.test(nf.format(12345))) two.push(tag);
      }
      process.stdout.write(JSON.stringify(two));"""
    completed = subprocess.run(["node", "--input-type=module", "-e", script], input=json.dumps(tags),
                               capture_output=True, text=True, check=True, timeout=60)
    assert set(json.loads(completed.stdout)) == MIN_GROUPING_TWO


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_agrees_with_format_js_on_random_values_in_other_locales() -> None:
    styles = [NumberStyle("en-GB", "GBP"), NumberStyle("de-DE", "EUR"), NumberStyle("fr-FR", "EUR"),
              NumberStyle("en-IN", "INR")]
    values = _random_values(200)
    script = (
        "import { readFileSync } from 'node:fs';"
        f"import {{ formatValue }} from {json.dumps((RUNTIME / 'format.js').as_uri())};"
        "const {values, formats, styles} = JSON.parse(readFileSync(0, 'utf8'));"
        "const texts = styles.map((s) => formats.map((f) => values.map((v) => formatValue(v, f, s))));"
        "process.stdout.write(JSON.stringify(texts));"
    )
    completed = subprocess.run(
        ["node", "--input-type=module", "-e", script],
        input=json.dumps({"values": values, "formats": list(FORMATS),
                          "styles": [style.to_json() for style in styles]}),
        capture_output=True, text=True, check=True, timeout=60,
    )
    for style, per_format in zip(styles, json.loads(completed.stdout), strict=True):
        for fmt, texts in zip(FORMATS, per_format, strict=True):
            mismatches = [(v, t, format_value(v, fmt, style)) for v, t in zip(values, texts, strict=True)
                          if format_value(v, fmt, style) != t]
            assert not mismatches[:5], (style.locale, fmt)


@pytest.mark.parametrize("case", _contract("plain.json")["cases"], ids=lambda c: c["text"])
def test_numbers_in_formulas_keep_6_significant_digits_but_every_integer_digit(case: dict[str, Any]) -> None:
    """The same table ``tests/js/format.test.js`` holds ``plainNumber`` to."""
    assert plain_number(case["value"]) == case["text"]


GERMAN = NumberStyle(locale="de-DE", currency="EUR")


@pytest.mark.parametrize(("value", "style", "text"), [
    (0.13, None, "0.13"), (0.02, None, "0.02"), (0.00002, None, "0.00002"), (0.032, None, "0.032"),
    (2, None, "2.00"), (2.69, None, "2.69"), (0.1, None, "0.10"), (500, None, "500"), (5000, None, "5,000"),
    (0.0075, None, "0.0075"), (0, None, "0"), (1234.56, None, "1,234.56"),
    (1234.56, GERMAN, "1.234,56"), (5000, GERMAN, "5.000"), (0.0325, GERMAN, "0,0325"), (2, GERMAN, "2,00"),
    (1234.56, NumberStyle(locale="fr-FR", currency="EUR"), "1\u202f234,56"),
])
def test_a_cited_amount_keeps_the_precision_its_source_gives(value: float, style: NumberStyle | None,
                                                             text: str) -> None:
    assert format_figure(value, style=style or NumberStyle()) == text


@pytest.mark.parametrize(("low", "high", "style", "text"), [
    (80, 120, None, "80–120"), (500, 5000, None, "500–5,000"), (5, 50, None, "5–50"),
    (2.5, 10, None, "2.50–10.00"), (0.13, 0.25, None, "0.13–0.25"), (80.5, 120, None, "80.50–120.00"),
    (2.5, 10, GERMAN, "2,50–10,00"), (500, 5000, GERMAN, "500–5.000"),
])
def test_a_range_reads_the_same_at_both_ends(low: float, high: float, style: NumberStyle | None,
                                             text: str) -> None:
    assert format_figure(None, low, high, style or NumberStyle()) == text
