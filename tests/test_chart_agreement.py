"""The static chart (Python, at build time) and the live one (the browser runtime) draw the same
SVG, character for character, so a page does not redraw differently when its script starts.

Random charts (ranges, formats with and without decimals, gaps, lone points, negative values,
markers in and out of range, phone to desktop widths) go through both twins in one node batch;
the shared golden cases in ``tests/contracts/chart/cases.json`` pin a few by hand and are read by
``tests/js/contracts.test.js`` too.
"""

from __future__ import annotations

import random
from typing import Any

import pytest
from decision_guide.calculators.chart import ChartData, chart_xs, nice_ticks, render_chart, to_fixed
from decision_guide.calculators.formats import FORMATS, PLACES_FORMATS
from twins import contract_cases, run_js

RANDOM_CHARTS = 300


def random_chart(rng: random.Random) -> dict[str, Any]:
    start = rng.choice([0, 1, rng.uniform(-50, 50), round(rng.uniform(0, 1000), 2)])
    step = rng.choice([1, 0.5, 0.25, rng.uniform(0.01, 30)])
    to = start + step * rng.randint(0, 60)
    xs = chart_xs(start, to, step)
    scale = 10 ** rng.uniform(-3, 7)

    def y() -> float | None:
        if rng.random() < 0.08:
            return None
        return rng.uniform(-0.3 if rng.random() < 0.2 else 0, 1) * scale

    series = [[y() for _ in xs] for _ in range(rng.randint(1, 4))]
    labels = ["RAG", "Fine-tuning", "Hybrid (RAG + LoRA adapters)", "A & <b>",
              "Retrieval-augmented generation"]
    spec: dict[str, Any] = {
        "x": {"from": start, "to": to, "step": step, "label": "Month", "format": rng.choice(FORMATS)},
        "y": {"label": "Cumulative cost", "format": rng.choice(FORMATS)},
        "series": [{"label": rng.choice(labels)} for _ in series],
    }
    for axis in ("x", "y"):  # an author's fixed decimals, where the format takes them
        if spec[axis]["format"] in PLACES_FORMATS and rng.random() < 0.3:
            spec[axis]["decimals"] = rng.randint(0, 6)
    if rng.random() < 0.6:
        spec["marker"] = {"label": "Break-even"}
    marker = rng.choice([None, rng.uniform(start - step, to + step), start, to])
    return {"spec": spec, "data": {"x": xs, "series": series, "marker": marker},
            "width": rng.choice([280, 320, 375, 480, 640, 800, rng.randint(100, 1200)])}


def python_svg(case: dict[str, Any]) -> str:
    data = case["data"]
    return str(render_chart(case["spec"], ChartData(data["x"], data["series"], data["marker"]),
                            width=case["width"]))


def test_python_and_js_draw_the_same_random_charts() -> None:
    rng = random.Random(20261121)
    cases = [random_chart(rng) for _ in range(RANDOM_CHARTS)]
    js = run_js("chart", cases)
    differing = [i for i, (case, result) in enumerate(zip(cases, js, strict=True))
                 if result.get("svg") != python_svg(case)]
    assert differing == [], f"{len(differing)} of {RANDOM_CHARTS} differ, e.g. {cases[differing[0]]}"


@pytest.mark.parametrize("case", contract_cases("chart"), ids=lambda case: case["name"])
def test_python_draws_each_golden_chart(case: dict[str, Any]) -> None:
    assert python_svg(case) == case["svg"]


@pytest.mark.parametrize(("value", "places", "text"), [
    (0.35, 1, "0.3"),  # 0.34999… in binary: JS rounds the exact value down
    (1.25, 1, "1.3"),  # an exact tie goes away from zero
    (-1.25, 1, "-1.3"),
    (-0.04, 1, "-0.0"),  # JS keeps the sign of a negative number that rounds to zero…
    (-0.0, 1, "0.0"),  # …but not of -0 itself
    (2.5e-7, 10, "0.0000002500"),  # never an exponent
    (1 / 2048, 10, "0.0004882813"),  # a tie at ten places: up, where Python's format rounds to even
    (40000.0, 1, "40000.0"),
])
def test_to_fixed_is_javascripts_to_fixed(value: float, places: int, text: str) -> None:
    assert to_fixed(value, places) == text


def test_ticks_carry_no_floating_point_dust() -> None:
    assert nice_ticks(0, 0.3) == [0, 0.1, 0.2, 0.3]
    assert nice_ticks(-30, 70) == [-50, 0, 50, 100]


@pytest.mark.parametrize(("width", "height"), [(793, 397), (1101, 551), (640, 320), (100, 240)])
def test_the_height_rounds_halves_up_like_the_browser(width: int, height: int) -> None:
    case = {**contract_cases("chart")[0], "width": width}
    assert f'viewBox="0 0 {max(width, 280)} {height}"' in python_svg(case)
