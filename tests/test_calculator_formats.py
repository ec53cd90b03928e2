"""format_value must give the browser runtime's strings, character for character.

The cases live in ``tests/js/format-cases.json`` and
``format.test.js`` runs the same file against ``format.js``; a random sweep
then compares the two implementations directly under node.
"""

from __future__ import annotations

import json
import math
import random
import shutil
import subprocess
from pathlib import Path

import pytest
from decision_guide.calculators.formats import FORMATS, format_value

JS_TESTS = Path(__file__).resolve().parent / "js"
RUNTIME = Path(__file__).resolve().parents[1] / "plugins" / "decision_guide" / "calculators" / "runtime"
CASES = json.loads((JS_TESTS / "format-cases.json").read_text(encoding="utf-8"))["cases"]


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
