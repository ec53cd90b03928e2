"""What the build ships for each calculator of the default guide: the JSON spec the page embeds
for the browser runtime, and the results, filled-in formulas, table cells and chart SVG the page
shows before any script runs. ``tests/js/built-specs.test.js`` feeds the same specs to the
runtime and must show exactly the same, so the node tests run on specs the build produces, not
on hand-written ones. ``test_js_runtime.py`` writes this file before running node."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import ROOT, TODAY
from decision_guide.calculators.calculate import shown
from decision_guide.calculators.compile import CompiledCalculator
from decision_guide.calculators.formula import to_text
from decision_guide.calculators.spec import calculator_spec
from decision_guide.guide import load_guide
from decision_guide.site.calculator_blocks import _chart, _numbers, _table
from decision_guide.site.render import RenderSettings


def built_calculators(project: Path = ROOT) -> list[dict[str, Any]]:
    guide = load_guide(project / "content" / "knowledge", project / "calculators", project_root=project,
                       settings=RenderSettings(today=TODAY))
    built = []
    for compiled in guide.renderer.calculators.values():
        if not isinstance(compiled, CompiledCalculator):
            continue
        results = compiled.evaluate()
        style, words = guide.renderer.settings.number_style, guide.renderer.words
        spec = calculator_spec(compiled, style, words)
        values = {value["id"]: value for value in spec["values"]}
        built.append({
            "spec": spec,
            "shown": {k: shown(v, results.get(k), style, words).text
                      for k, v in values.items() if v["output"]},
            "formulas": {v.definition.id: to_text(v.tree, _numbers(results))
                         for v in compiled.values if v.definition.output},
            "tables": {t.id: [dict(row["cells"]) for row in _table(compiled, t, values, style, words)["rows"]]
                       for t in compiled.definition.tables},
            "charts": {c.id: str(_chart(compiled, c, results, style, spec["words"])["svg"])
                       for c in compiled.definition.charts},
        })
    return built


def write_built_calculators(target: Path) -> Path:
    target.write_text(json.dumps(built_calculators(), ensure_ascii=False), encoding="utf-8")
    return target
