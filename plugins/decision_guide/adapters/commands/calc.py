"""``decision-guide calc ID [--json] INPUT=VALUE ...``: a calculator on the command line.

A thin adapter over ``calculators.calculate``: it reads the arguments, prints the outputs (the
headline first) or the JSON ``{"outputs": {id: {"value", "text"}}}``, and turns every mistake
into one message that lists what is valid, with exit status 1.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Mapping, Sequence

from decision_guide.adapters.commands import Subcommands
from decision_guide.adapters.site import load_site
from decision_guide.calculators.calculate import Calculation, UnknownInput, calculate, valid_values
from decision_guide.calculators.compile import Compiled, CompiledCalculator
from decision_guide.calculators.formats import DEFAULT_STYLE, NumberStyle
from decision_guide.calculators.spec import calculator_spec
from decision_guide.knowledge.words import Words
from decision_guide.problems import suggest


def register(subcommands: Subcommands) -> None:
    parser = subcommands.add_parser(
        "calc", help="evaluate a calculator for the inputs given",
        description="Evaluate a calculator as its page does, for inputs typed as a reader types "
                    "them (40 or 40% for a percent, yes/no for a switch); the others keep their "
                    "defaults.")
    parser.add_argument("id", help="the calculator's id")
    parser.add_argument("--json", action="store_true", help='print {"outputs": {id: {"value", "text"}}}')
    # REMAINDER, so that --json may also come after the id, as in `calc ID --json INPUT=VALUE`.
    parser.add_argument("assignments", nargs=argparse.REMAINDER, metavar="INPUT=VALUE",
                        help="an input to change, by id")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    as_json = args.json or "--json" in args.assignments
    assignments = [item for item in args.assignments if item != "--json"]
    guide = load_site(args.config_file).load_guide()
    try:
        text = run_calc(guide.renderer.calculators, args.id, assignments, as_json=as_json,
                        style=guide.renderer.settings.number_style, words=guide.renderer.words)
    except CalcUsageError as error:
        sys.stderr.write(f"decision-guide calc: {error}\n")
        return 1
    try:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped early (e.g. `| head`): not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (silences the interpreter's flush)
    return 0


class CalcUsageError(ValueError):
    """A mistake in the command's arguments; the message says what is valid."""


def run_calc(calculators: Mapping[str, Compiled], calculator_id: str, assignments: Sequence[str],
             *, as_json: bool, style: NumberStyle = DEFAULT_STYLE, words: Words | None = None) -> str:
    """The command's output for these arguments, in the guide's number style and words (as its
    pages show them). Raises ``CalcUsageError`` for a mistake."""
    compiled = calculators.get(calculator_id)
    names = sorted(k for k, v in calculators.items() if isinstance(v, CompiledCalculator))
    if not isinstance(compiled, CompiledCalculator):
        what = "is the decision wizard, not a calculator" if compiled else "is not a calculator"
        raise CalcUsageError(f"'{calculator_id}' {what}{suggest(calculator_id, names)}; "
                             f"the calculators are {', '.join(names) or 'none'}")
    texts: dict[str, str] = {}
    for assignment in assignments:
        name, equals, text = assignment.partition("=")
        if assignment.startswith("-"):
            raise CalcUsageError(f"unknown option '{assignment}'; the only option is --json")
        if not equals or not name.strip():
            raise CalcUsageError(f"expected INPUT=VALUE, got '{assignment}'")
        texts[name.strip()] = text
    try:
        calculation = calculate(compiled, texts, style=style, words=words)
    except UnknownInput as error:
        raise CalcUsageError(str(error)) from None
    if calculation.errors:
        spec = {item["id"]: item for item in calculator_spec(compiled)["inputs"]}
        raise CalcUsageError("\n".join(f"{name}={texts.get(name, '')!s}: {message} "
                                       f"Valid: {valid_values(spec[name])}."
                                       for name, message in calculation.errors.items()))
    if as_json:
        return json.dumps({"outputs": {k: v.as_json() for k, v in calculation.outputs.items()}},
                          indent=2, ensure_ascii=False)
    return _text(compiled, calculation)


def _text(compiled: CompiledCalculator, calculation: Calculation) -> str:
    spec = calculator_spec(compiled)
    labels = {value["id"]: value["label"] for value in spec["values"]}
    order = [spec["headline"], *(k for k in calculation.outputs if k != spec["headline"])]
    lines = [spec["title"], ""]
    for name in order:
        shown = calculation.outputs[name]
        lines.append(f"{labels[name]}: {shown.text}" + (f" ({shown.reason})" if shown.reason else ""))
        if name == spec["headline"] and len(order) > 1:
            lines.append("")
    return "\n".join(lines)
