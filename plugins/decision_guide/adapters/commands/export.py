"""``decision-guide export``: the resolved knowledge base as JSON."""

from __future__ import annotations

import argparse
import json
import os
import sys

from decision_guide.adapters.commands import Subcommands
from decision_guide.adapters.site import load_site
from decision_guide.exports.calculators import export_calculators
from decision_guide.exports.export import export_knowledge


def register(subcommands: Subcommands) -> None:
    parser = subcommands.add_parser(
        "export", help="print the resolved knowledge base and calculators as JSON",
        description="Print the knowledge base and the calculators as JSON, references resolved, "
                    "each entity with the file and line it comes from.")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    guide = load_site(args.config_file).load_guide()
    try:
        exported = {**export_knowledge(guide.kb),
                    "calculators": export_calculators(guide.kb, guide.renderer.calculators)}
        sys.stdout.write(json.dumps(exported, indent=2, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped early (e.g. `| head`): not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (silences the interpreter's flush)
    return 0
