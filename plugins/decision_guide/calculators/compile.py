"""Calculator definitions loaded, checked against the knowledge base, and compiled.

Each formula is parsed once into a tree; names, arity, literal division by zero and cycles are
reported at the formula's file:line:col; and defaults bound to costs are resolved. A value that
cannot be computed for some inputs (a division by a quantity that is zero there) is not an error:
it shows as a dash with the reason, at build time and in the browser alike.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from decision_guide.calculators.formula import (
    FormulaCycleError,
    FormulaError,
    FormulaSyntaxError,
    check,
    dependency_order,
    evaluate,
    parse,
)
from decision_guide.calculators.models import Calculator, CalculatorFile, Input, Value, Wizard
from decision_guide.calculators.sourcing import sourcing_problems
from decision_guide.calculators.units import entered, model_value
from decision_guide.knowledge.base import KnowledgeBase
from decision_guide.knowledge.file_cache import by_content
from decision_guide.knowledge.files import read_folder
from decision_guide.knowledge.located import Origin
from decision_guide.knowledge.models import Cost, Question
from decision_guide.knowledge.schema_check import validate_document
from decision_guide.knowledge.yaml_source import MAX_FILE_BYTES, YamlDocument, decode_yaml
from decision_guide.problems import Problem, Severity, errors_only, suggest

Results = dict[str, "float | FormulaError"]


@dataclass(frozen=True)
class CompiledValue:
    definition: Value
    tree: dict[str, Any]


@dataclass(frozen=True)
class CompiledCalculator:
    """A calculator ready to evaluate: defaults resolved, values in evaluation order."""

    definition: Calculator
    origin: Origin
    defaults: Mapping[str, float]
    default_costs: Mapping[str, Cost]
    values: tuple[CompiledValue, ...]

    @property
    def id(self) -> str:
        return self.definition.id

    def evaluate(self, overrides: Mapping[str, float] | None = None) -> Results:
        """Every input and value; a value that cannot be computed holds its ``FormulaError``."""
        env: dict[str, float] = {**self.defaults, **(overrides or {})}
        results: Results = dict(env)
        for value in self.values:
            try:
                env[value.definition.id] = evaluate(value.tree, env)
                results[value.definition.id] = env[value.definition.id]
            except FormulaError as error:
                results[value.definition.id] = error
        return results


@dataclass(frozen=True)
class CompiledWizard:
    definition: Wizard
    origin: Origin
    questions: tuple[Question, ...]

    @property
    def id(self) -> str:
        return self.definition.id


Compiled = CompiledCalculator | CompiledWizard


def load_calculators(folder: Path, kb: KnowledgeBase, *, project_root: Path,
                     max_bytes: int = MAX_FILE_BYTES) -> tuple[dict[str, Compiled], list[Problem]]:
    """Every calculator under ``folder``, compiled, with the problems of all files (none read
    past ``max_bytes``)."""
    files, found = read_folder(folder, project_root, max_bytes=max_bytes)
    return compile_calculators(files, kb, found=found, max_bytes=max_bytes)


def _read_file(display: str, raw: bytes, max_bytes: int
               ) -> tuple[YamlDocument | None, list[Problem], CalculatorFile | None]:
    """One calculator file on its own: its document, problems and schema-checked model."""
    document, problems = decode_yaml(raw, display, max_bytes=max_bytes)
    if document is None:
        return None, problems, None
    parsed, schema_problems = validate_document(document, CalculatorFile)
    return document, [*problems, *schema_problems], parsed


def compile_calculators(files: Mapping[str, bytes], kb: KnowledgeBase, *,
                        found: Sequence[Problem] = (), max_bytes: int = MAX_FILE_BYTES
                        ) -> tuple[dict[str, Compiled], list[Problem]]:
    """Every calculator of ``{display path: YAML bytes}``, compiled, with the problems of all
    (``found``: those already met reading the folder)."""
    compiled: dict[str, Compiled] = {}
    problems = list(found)
    for display, raw in sorted(files.items()):
        # parsed once per content: a `serve` rebuild reads again only the files that changed
        document, file_problems, parsed = by_content(_read_file, display, raw, max_bytes)
        problems += file_problems
        if document is None or parsed is None:
            continue
        definition = parsed.calculator or parsed.wizard
        assert definition is not None
        key = "calculator" if parsed.calculator else "wizard"
        if definition.id in compiled:
            problems.append(document.problem((key, "id"), f"{key}.id: duplicate calculator id "
                                             f"'{definition.id}' (first in "
                                             f"{compiled[definition.id].origin.path})", "duplicate-id"))
            continue
        origin = Origin(display, document.position((key,))[0])
        result: Compiled | None
        if isinstance(definition, Wizard):
            result, found = _compile_wizard(definition, origin, kb, document)
        else:
            result, found = _compile_calculator(definition, origin, kb, document)
        problems += found
        if result is not None:
            compiled[definition.id] = result
    return compiled, problems


def _compile_wizard(wizard: Wizard, origin: Origin, kb: KnowledgeBase,
                    document: YamlDocument) -> tuple[CompiledWizard | None, list[Problem]]:
    known = kb.ids("questions")
    problems = [document.problem(("wizard", "questions", i),
                                 f"wizard.questions[{i}]: unknown question id '{q}'{suggest(q, known)}",
                                 "unknown-reference")
                for i, q in enumerate(wizard.questions) if q not in known]
    if problems:
        return None, problems
    questions = [kb.get("questions", q) for q in wizard.questions] or list(kb.questions)
    if not questions:
        return None, [document.problem(("wizard",), "the knowledge base has no questions to ask",
                                       "no-questions")]
    return CompiledWizard(wizard, origin, tuple(questions)), []


def _compile_calculator(calculator: Calculator, origin: Origin, kb: KnowledgeBase,
                        document: YamlDocument) -> tuple[CompiledCalculator | None, list[Problem]]:
    problems: list[Problem] = []

    def report(loc: tuple[Any, ...], message: str, code: str, col_offset: int = 0,
               severity: Severity = "error") -> None:
        line, col = document.position(("calculator", *loc))
        where = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in loc).replace(".[", "[")
        problems.append(Problem(document.path, line, col + col_offset,
                                f"calculator.{where}: {message}", code, severity))

    inputs = {i.id: i for i in calculator.inputs}
    defaults, default_costs = _defaults(calculator.inputs, kb, report)
    names = list(inputs)
    for index, value in enumerate(calculator.values):
        if value.id in names:
            report(("values", index, "id"), f"'{value.id}' is already an input or value", "duplicate-id")
        names.append(value.id)

    trees: dict[str, dict[str, Any]] = {}
    for index, value in enumerate(calculator.values):
        try:
            tree = parse(value.formula)
        except FormulaSyntaxError as error:
            report(("values", index, "formula"), f"{error.message}", "formula-syntax",
                   error.column - 1)
            continue
        for issue in check(tree, [n for n in names if n != value.id]):
            report(("values", index, "formula"), issue.message, f"formula-{issue.code}")
        trees[value.id] = tree
    try:
        order = dependency_order(trees, inputs)
    except FormulaCycleError as cycle:
        index = next(i for i, v in enumerate(calculator.values) if v.id == cycle.cycle[0])
        report(("values", index, "formula"), str(cycle), "formula-cycle")
        order = []
    _check_uses(calculator, set(names), inputs, report)
    sourcing_problems(calculator, kb, report)
    if errors_only(problems):
        return None, problems

    by_id = {v.id: v for v in calculator.values}
    compiled = CompiledCalculator(calculator, origin, defaults, default_costs,
                                  tuple(CompiledValue(by_id[name], trees[name]) for name in order))
    return compiled, problems  # warnings only


def _defaults(inputs: list[Input], kb: KnowledgeBase, report: Any
              ) -> tuple[dict[str, float], dict[str, Cost]]:
    defaults: dict[str, float] = {}
    costs: dict[str, Cost] = {}
    known_costs = kb.ids("costs")
    for index, item in enumerate(inputs):
        if item.cost is not None:
            if item.cost not in known_costs:
                report(("inputs", index, "cost"), f"unknown cost id '{item.cost}'"
                       f"{suggest(item.cost, known_costs)}", "unknown-reference")
                continue
            cost = kb.get("costs", item.cost)
            costs[item.id] = cost
            value = _cost_point(cost, item.cost_point) * item.scale
        else:
            value = float(item.default)  # type: ignore[arg-type]
        # What the page's box holds and the runtime reads back: the static results must agree.
        value = model_value(item, entered(item, value))
        if not item.min <= value <= item.upper or not math.isfinite(value):
            report(("inputs", index), f"default {value:g} is outside min {item.min:g} and max "
                   f"{item.upper:g}", "out-of-range")
        defaults[item.id] = value
    return defaults, costs


def _cost_point(cost: Cost, point: str) -> float:
    if cost.value is not None:
        return cost.value
    assert cost.range is not None
    return {"low": cost.range.low, "high": cost.range.high,
            "mid": (cost.range.low + cost.range.high) / 2}[point]


def _check_uses(calculator: Calculator, names: set[str], inputs: Mapping[str, Input],
                report: Any) -> None:
    """Presets, tables and charts may only name inputs and values that exist."""
    def need(loc: tuple[Any, ...], name: str, pool: Mapping[str, Any] | set[str], what: str) -> None:
        if name not in pool:
            report(loc, f"unknown {what} '{name}'{suggest(name, pool)}", "unknown-reference")

    for p_index, preset in enumerate(calculator.presets):
        for name, value in preset.values.items():
            need(("presets", p_index, "values", name), name, inputs, "input")
            if name in inputs and not inputs[name].min <= value <= inputs[name].upper:
                report(("presets", p_index, "values", name), f"{value:g} is outside min "
                       f"{inputs[name].min:g} and max {inputs[name].upper:g}", "out-of-range")
            elif name in inputs and inputs[name].type == "boolean" and value not in (0, 1):
                report(("presets", p_index, "values", name), f"{value:g} is not a switch's 0 or 1",
                       "out-of-range")
    if calculator.headline is not None:
        outputs = [v.id for v in calculator.values if v.output]
        need(("headline",), calculator.headline, set(outputs), "output")
    for t_index, table in enumerate(calculator.tables):
        need(("tables", t_index, "over", "input"), table.over.input, inputs, "input")
        for c_index, column in enumerate(table.columns):
            need(("tables", t_index, "columns", c_index, "value"), column.value, names, "value")
    for c_index, chart in enumerate(calculator.charts):
        need(("charts", c_index, "x", "input"), chart.x.input, inputs, "input")
        for s_index, series in enumerate(chart.series):
            need(("charts", c_index, "series", s_index, "value"), series.value, names, "value")
        if chart.marker:
            need(("charts", c_index, "marker", "value"), chart.marker.value, names, "value")
