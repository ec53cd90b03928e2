"""``decision-guide schema``: the JSON Schemas editors use to autocomplete the YAML."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from decision_guide.adapters.commands import Subcommands
from decision_guide.exports.schema import SCHEMAS, schema_text


def register(subcommands: Subcommands) -> None:
    parser = subcommands.add_parser("schema", help="print (or write) the JSON Schemas for editors")
    parser.add_argument("kind", nargs="?", choices=sorted(SCHEMAS), default="knowledge",
                        help="which files the schema describes (default: knowledge)")
    parser.add_argument("-o", "--output", type=Path, help="write to this file instead")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    output: Path | None = args.output
    if output is None:
        sys.stdout.write(schema_text(args.kind))
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(schema_text(args.kind), encoding="utf-8")
    return 0
