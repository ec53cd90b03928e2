"""Calculators as HTML: real results at the defaults, plus the spec the browser runtime reads.

The page is complete without JavaScript (inputs show their defaults and sources, outputs show
their values, scenario tables and charts are filled); the runtime only makes it live.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

from decision_guide.calculators.calculate import shown
from decision_guide.calculators.chart import ChartData, chart_xs, render_chart
from decision_guide.calculators.compile import Compiled, CompiledCalculator, CompiledWizard, Results
from decision_guide.calculators.decide import decision_spec
from decision_guide.calculators.formats import NumberStyle, format_value
from decision_guide.calculators.formula import FormulaError, to_text
from decision_guide.calculators.spec import calculator_spec
from decision_guide.calculators.units import entered_text
from decision_guide.knowledge.words import Words
from decision_guide.problems import suggest
from decision_guide.site.blocks import BlockError, matrix
from decision_guide.site.render import PageContext

_JSON_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                 ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def calculator_block(ctx: PageContext, args: Mapping[str, str]) -> Markup:
    """The ``calculator`` marker: ``<!-- guide:calculator id=break-even -->``."""
    calculators: Mapping[str, Compiled] = ctx.renderer.calculators
    calculator_id = args["id"]
    if calculator_id not in calculators:
        hint = (suggest(calculator_id, calculators) or f"; calculators: {', '.join(sorted(calculators))}"
                if calculators else "; this site has no calculators (is calculators_dir set?)")
        raise BlockError(f"unknown calculator id '{calculator_id}'{hint}")
    compiled = calculators[calculator_id]
    if isinstance(compiled, CompiledWizard):
        short = {o.id: o.short_name or o.name for o in ctx.kb.options}
        excluded = {f"{q.id}={a.id}": ", ".join(short[o] for o in a.excludes)
                    for q in compiled.questions for a in q.answers if a.excludes}
        return _render(ctx, "wizard.html", wizard=compiled, spec=json_for_html(wizard_spec(ctx, compiled)),
                       excluded=excluded,
                       fallback=matrix(ctx, {"questions": ",".join(q.id for q in compiled.questions)}))
    results = compiled.evaluate()
    style = ctx.number_style
    words = ctx.words
    spec = calculator_spec(compiled, style, words)
    values = {value["id"]: value for value in spec["values"]}
    return _render(ctx, "calculator.html", calc=compiled, spec=json_for_html(spec),
                   inputs={item["id"]: item for item in spec["inputs"]}, entered_text=entered_text,
                   headline=values.get(spec["headline"]),
                   results=results,
                   shown=lambda value_id: shown(values[value_id], results.get(value_id), style, words),
                   filled=lambda value: to_text(value.tree, _numbers(results)),
                   formula=lambda value: to_text(value.tree),
                   tables=[_table(compiled, t, values, style, words) for t in compiled.definition.tables],
                   charts=[_chart(compiled, c, results, style, spec["words"])
                           for c in compiled.definition.charts])


def wizard_spec(ctx: PageContext, wizard: CompiledWizard) -> dict[str, Any]:
    """The decision spec (``decide.decision_spec``), each criterion with its link from this page."""
    spec: dict[str, Any] = dict(decision_spec(ctx.kb, wizard, ctx.words))
    spec["questions"] = [
        {**q, "criterion": {**q["criterion"],
                            "href": ctx.href("criteria", q["criterion"]["id"], for_browser=True)}}
        for q in spec["questions"]]
    return spec


def json_for_html(data: Any) -> Markup:
    """JSON safe inside ``<template>`` or ``<script>``: no ``</script`` or ``<!--`` can close or
    comment it out (``<``, ``>``, ``&`` escaped), and U+2028/U+2029, which are line breaks to
    JavaScript and to ``str.splitlines()``, are written as escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    for char, escaped in _JSON_ESCAPES:
        text = text.replace(char, escaped)
    return Markup(text)  # noqa: S704 (escaped above)


def _numbers(results: Results) -> dict[str, float]:
    return {k: v for k, v in results.items() if not isinstance(v, FormulaError)}


def _table(compiled: CompiledCalculator, table: Any, values: Mapping[str, Any],
           style: NumberStyle, words: Words) -> dict[str, Any]:
    over = next(i for i in compiled.definition.inputs if i.id == table.over.input)
    rows = []
    for point in table.over.values:
        results = compiled.evaluate({table.over.input: point})
        rows.append({"label": format_value(point, over.format, style, over.decimals),
                     "cells": [(c.value, shown(values[c.value], results.get(c.value), style, words).text)
                               for c in table.columns]})
    return {"table": table, "rows": rows}


def _chart(compiled: CompiledCalculator, chart: Any, at_defaults: Results,
           style: NumberStyle, words: Mapping[str, Any]) -> dict[str, Any]:
    """The chart's static SVG; ``words`` as the spec carries them (``Words.for_runtime``)."""
    xs = chart_xs(chart.x.start, chart.x.to, chart.x.step)
    runs = [compiled.evaluate({chart.x.input: x}) for x in xs]
    marker = at_defaults.get(chart.marker.value) if chart.marker else None
    data = ChartData(x=xs, series=[[_number(run[s.value]) for run in runs] for s in chart.series],
                     marker=_number(marker))
    return {"chart": chart, "svg": render_chart({**chart.model_dump(by_alias=True, exclude_none=True),
                                                  "style": style.to_json(), "words": words}, data)}


def _number(value: Any) -> float | None:
    return None if value is None or isinstance(value, FormulaError) else float(value)


def _render(ctx: PageContext, template: str, **data: Any) -> Markup:
    return ctx.template(f"calculators/{template}", **data)
