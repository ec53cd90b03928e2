"""``decision-guide decide``: the decision wizard on the command line.

The same verdict as the wizard page: it evaluates the spec the page embeds
(``calculators/decide.py``, twin of the browser's ``decide.js``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence

from decision_guide.adapters.commands import Subcommands
from decision_guide.adapters.site import load_site
from decision_guide.calculators.compile import CompiledWizard
from decision_guide.calculators.decide import DecideError, decide, decision_spec
from decision_guide.guide import Guide
from decision_guide.site.record import decision_record


def register(subcommands: Subcommands) -> None:
    parser = subcommands.add_parser("decide", help="the decision wizard's verdict for the answers given")
    parser.add_argument("answers", nargs="*", metavar="QUESTION=ANSWER",
                        help="an answer per question, by id (see `decide --list`)")
    parser.add_argument("--weight", action="append", default=[], metavar="QUESTION=less|more",
                        help="how much a question matters (repeatable; default normal)")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", dest="format", action="store_const", const="json",
                        help="print the verdict as JSON (the default)")
    output.add_argument("--format", choices=("json", "madr"), default="json",
                        help="json, or madr: a MADR-style Markdown decision record")
    parser.add_argument("--date", type=dt.date.fromisoformat, help="the record's date (default: today)")
    parser.add_argument("--url", help="the record's link to the wizard page with these answers")
    parser.add_argument("--wizard", help="the wizard's id, when the guide has several")
    parser.add_argument("--list", action="store_true", help="list the questions and their answers")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the verdict (or the record, or the question list); 1 with a message on bad input."""
    guide = load_site(args.config_file).load_guide()
    try:
        wizard = _wizard(guide, args.wizard)
        spec = decision_spec(guide.kb, wizard, guide.renderer.words)
        if args.list:
            for question in spec["questions"]:
                ids = ", ".join(a["id"] for a in question["answers"])
                sys.stdout.write(f"{question['id']}: {ids}\n    {question['text']}\n")
            return 0
        answers = _pairs(args.answers, "QUESTION=ANSWER")
        weights = _pairs(args.weight, "QUESTION=less|more")
        verdict = decide(spec, answers, weights)
    except DecideError as error:
        sys.stderr.write(f"decision-guide decide: {error}\n")
        return 1
    if args.format == "madr":
        date = (args.date or dt.date.today()).isoformat()
        try:
            record = decision_record(guide.renderer.env, spec, verdict, answers, weights, date=date,
                                     page_url=args.url)
        except ValueError as error:
            sys.stderr.write(f"decision-guide decide: {error}\n")
            return 1
        sys.stdout.write(record)
    else:
        sys.stdout.write(json.dumps(verdict, indent=2, ensure_ascii=False) + "\n")
    return 0


def _wizard(guide: Guide, wizard_id: str | None) -> CompiledWizard:
    wizards = {k: v for k, v in guide.renderer.calculators.items() if isinstance(v, CompiledWizard)}
    if wizard_id is None and len(wizards) == 1:
        return next(iter(wizards.values()))
    if wizard_id in wizards:
        return wizards[wizard_id]
    named = ", ".join(wizards) or "none"
    raise DecideError(f"unknown wizard '{wizard_id}'; the wizards are: {named}" if wizard_id
                      else f"the guide has several wizards; choose one with --wizard: {named}")


def _pairs(items: Sequence[str], shape: str) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key or not value:
            raise DecideError(f"expected {shape}; got '{item}'")
        if key in pairs:
            raise DecideError(f"question '{key}' is given twice")
        pairs[key] = value
    return pairs
