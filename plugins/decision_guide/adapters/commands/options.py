"""``decision-guide options``: the plugin's option reference (the README's table)."""

from __future__ import annotations

import argparse
import sys

from decision_guide.adapters.commands import Subcommands
from decision_guide.adapters.options_doc import options_table


def register(subcommands: Subcommands) -> None:
    parser = subcommands.add_parser("options", help="print the plugin's options as a Markdown table")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    sys.stdout.write(options_table())
    return 0
