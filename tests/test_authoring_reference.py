"""The authoring reference page (content/pages/authoring.md) stays true: its formula examples
give what it says, its YAML examples pass the JSON Schemas, and it names every function, every
marker and every format the engine knows."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
import yaml
from conftest import ROOT
from decision_guide.calculators.formats import FORMATS
from decision_guide.calculators.formula import FUNCTIONS, FormulaError, evaluate, parse
from decision_guide.exports.schema import schema_text

PAGE = (ROOT / "content" / "pages" / "authoring.md").read_text(encoding="utf-8")
_ROW = re.compile(r"^\| `(?P<formula>[^`]+)` \| (?:`(?P<env>[^`]*)`)? *\| (?P<gives>.+) \|$")


def _examples() -> list[tuple[str, dict[str, float], str]]:
    block = PAGE.split("<!-- formula-examples:start -->")[1].split("<!-- formula-examples:end -->")[0]
    rows = []
    for line in block.strip().splitlines()[2:]:
        match = _ROW.match(line)
        assert match, line
        env = {k.strip(): float(v) for k, v in (p.split("=") for p in (match["env"] or "").split(",") if p)}
        rows.append((match["formula"], env, match["gives"].strip("`")))
    return rows


@pytest.mark.parametrize(("formula", "env", "gives"), _examples(), ids=lambda v: str(v))
def test_each_formula_example_gives_what_the_page_says(formula: str, env: dict[str, float],
                                                        gives: str) -> None:
    tree = parse(formula)
    if gives.startswith("error "):
        with pytest.raises(FormulaError) as raised:
            evaluate(tree, env)
        assert raised.value.code == gives.removeprefix("error `")
    else:
        assert evaluate(tree, env) == float(gives)


def test_there_are_enough_examples_with_errors_among_them() -> None:
    examples = _examples()
    assert len(examples) >= 10 and sum(g.startswith("error") for _, _, g in examples) >= 2


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_every_function_is_described(name: str) -> None:
    assert f"`{name}`" in PAGE.split("## Formulas")[1]


def test_every_format_is_named() -> None:
    for fmt in FORMATS:
        assert f"`{fmt}`" in PAGE.split("## Calculators")[1].split("## Markers")[0]


def test_the_calculator_example_reads_as_the_page_says() -> None:
    """The example's two outputs, at their defaults, read as the sentence before it says."""
    from corpus import base_knowledge
    from decision_guide.calculators.calculate import calculate
    from decision_guide.calculators.compile import CompiledCalculator, compile_calculators

    section = PAGE.split("## Calculators")[1].split("## Markers")[0]
    example = re.findall(r"```yaml\n(.*?)```", section, re.DOTALL)[0]
    compiled, problems = compile_calculators({"calculators/gpu-month.yml": example.encode()},
                                             base_knowledge())
    assert problems == []  # no error, and no warning either: a reader may copy it
    assert isinstance(calculator := compiled["gpu-month"], CompiledCalculator)
    outputs = calculate(calculator, {}).outputs
    claim = re.search(r"`monthly` reads `([^`]+)` and `to_the_cent` reads `([^`]+)`", section)
    assert claim and (outputs["monthly"].text, outputs["to_the_cent"].text) == claim.groups()


def test_every_marker_is_listed() -> None:
    from decision_guide.site.blocks import BLOCKS

    table = PAGE.split("## Markers")[1].split("## Formulas")[0]
    for name in BLOCKS:
        assert f"`{name}`" in table, name


def test_the_yaml_examples_pass_the_schemas() -> None:
    words = PAGE.split("<!-- words-example:start -->")[1].split("<!-- words-example:end -->")[0]
    blocks = re.findall(r"```yaml\n(.*?)```", PAGE.replace(words, ""), re.DOTALL)
    assert len(blocks) == 3  # and the words example, checked below
    kinds = {"costs": "knowledge", "criteria": "knowledge", "calculator": "calculator"}
    for block in blocks:
        data = yaml.safe_load(block)
        jsonschema.validate(data, json.loads(schema_text(kinds[next(iter(data))])))


def test_the_words_example_is_a_valid_override_and_takes_effect() -> None:
    from decision_guide.knowledge.words import Words, check_overrides, english
    from decision_guide.knowledge.yaml_source import parse_yaml

    block = PAGE.split("<!-- words-example:start -->")[1].split("<!-- words-example:end -->")[0]
    document, problems = parse_yaml(block.strip().removeprefix("```yaml").removesuffix("```"), "example")
    assert document is not None and problems == []
    overrides, problems = check_overrides(document)
    assert problems == [] and len(overrides) >= 5
    words = Words({**english(), **overrides}, "de-DE")
    assert words.say("calculator.fix_inputs", count=2) == "2 Eingaben korrigieren, um Ergebnisse zu sehen."
