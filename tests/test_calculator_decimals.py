"""An author's ``decimals`` on an input, a value or a chart axis: that many places, exactly, in
every place the value is shown (the spec the browser reads, ``calculate``, ``decision-guide calc``,
the static chart), in place of the places the size of the value would choose."""

from __future__ import annotations

import json
from typing import Any

import pytest
from corpus import base_knowledge
from decision_guide.adapters.commands.calc import CalcUsageError, run_calc
from decision_guide.calculators.calculate import calculate
from decision_guide.calculators.chart import ChartData, describe_chart, render_chart
from decision_guide.calculators.compile import CompiledCalculator, compile_calculators
from decision_guide.calculators.formats import NumberStyle
from decision_guide.calculators.spec import calculator_spec

GERMAN = NumberStyle(locale="de-DE", currency="EUR")
INVOICE = """\
calculator:
  id: invoice
  title: One invoice
  summary: An amount to the cent.
  inputs:
    - {id: net, label: Net price, format: currency, decimals: 2, default: 1234.56,
       assumption: An example, max: 5000, step: 0.01}
    - {id: copies, label: Copies, default: 1, assumption: One, min: 1, max: 10}
  values:
    - {id: amount, label: Amount, formula: net * copies, decimals: 2, output: true}
    - {id: rough, label: Rough amount, formula: net * copies, output: true}
    - {id: share, label: Share, formula: 1 / 8, format: percent, decimals: 2, output: true}
  charts:
    - id: by-copies
      caption: By copies
      x: {input: copies, from: 1, to: 3, label: Copies, decimals: 1}
      y: {label: Amount, decimals: 2}
      series: [{value: amount, label: Amount}]
"""


@pytest.fixture(scope="module")
def invoice() -> CompiledCalculator:
    compiled, problems = compile_calculators({"calculators/invoice.yml": INVOICE.encode()}, base_knowledge())
    assert problems == []
    calculator = compiled["invoice"]
    assert isinstance(calculator, CompiledCalculator)
    return calculator


def test_the_spec_the_browser_reads_carries_the_decimals(invoice: CompiledCalculator) -> None:
    spec = calculator_spec(invoice, GERMAN)
    assert [(i["id"], i["decimals"]) for i in spec["inputs"]] == [("net", 2), ("copies", None)]
    assert [(v["id"], v["decimals"]) for v in spec["values"]] == [
        ("amount", 2), ("rough", None), ("share", 2)]
    assert spec["charts"][0]["x"]["decimals"] == 1 and spec["charts"][0]["y"]["decimals"] == 2


def test_calculate_shows_exactly_the_places_asked_for(invoice: CompiledCalculator) -> None:
    outputs = calculate(invoice, {}, style=GERMAN).outputs
    assert outputs["amount"].text == "1.234,56\u00a0€"
    assert outputs["rough"].text == "1.235\u00a0€"  # no decimals: the magnitude rule
    assert outputs["share"].text == "12,50\u00a0%"
    assert calculate(invoice, {"copies": "3"}, style=GERMAN).outputs["amount"].text == "3.703,68\u00a0€"
    assert "5.000,00\u00a0€" in calculate(invoice, {"net": "6000"}, style=GERMAN).errors["net"]  # its limit


def test_decision_guide_calc_shows_the_same_text(invoice: CompiledCalculator) -> None:
    text = run_calc({"invoice": invoice}, "invoice", ["copies=2"], as_json=False, style=GERMAN)
    assert "Amount: 2.469,12\u00a0€" in text.splitlines()
    answer = json.loads(run_calc({"invoice": invoice}, "invoice", [], as_json=True, style=GERMAN))
    assert answer["outputs"]["amount"] == {"value": 1234.56, "text": "1.234,56\u00a0€"}
    with pytest.raises(CalcUsageError, match="5.000,00\u00a0€"):
        run_calc({"invoice": invoice}, "invoice", ["net=6000"], as_json=False, style=GERMAN)


def test_the_static_chart_labels_its_axes_with_the_decimals(invoice: CompiledCalculator) -> None:
    chart: dict[str, Any] = {**calculator_spec(invoice)["charts"][0], "style": GERMAN.to_json()}
    data = ChartData(x=[1, 2, 3], series=[[1234.56, 2469.12, 3703.68]], marker=None)
    svg = str(render_chart(chart, data))
    assert ">1,0</text>" in svg and ">3,0</text>" in svg
    assert ">4.000,00\u00a0€</text>" in svg
    summary = describe_chart(chart, data)
    assert "1.234,56\u00a0€" in summary and "3.703,68\u00a0€" in summary


@pytest.mark.parametrize(("line", "message"), [
    ("{id: on, label: On, type: boolean, default: true, decimals: 1}",
     "a boolean input takes no min, max, step, format or decimals"),
    ("{id: wait, label: Wait, format: months, default: 1, assumption: A, max: 9, decimals: 1}",
     "decimals applies only to the formats currency, number and percent; a months reads"),
])
def test_decimals_are_refused_where_they_mean_nothing(line: str, message: str) -> None:
    copies = "    - {id: copies, label: Copies, default: 1, assumption: One, min: 1, max: 10}\n"
    text = INVOICE.replace(copies, f"{copies}    - {line}\n")
    _, problems = compile_calculators({"calculators/invoice.yml": text.encode()}, base_knowledge())
    assert len(problems) == 1 and message in str(problems[0])
