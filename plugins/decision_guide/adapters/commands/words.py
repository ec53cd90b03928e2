"""``decision-guide words``: the plugin's table of words, to start a translation from."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from decision_guide.adapters.commands import Subcommands
from decision_guide.knowledge.words import english_text


def register(subcommands: Subcommands) -> None:
    parser = subcommands.add_parser(
        "words", help="print (or write) the plugin's words in English, to translate",
        description="Print every word the plugin itself puts on a page (the package's "
                    "words.yml, with its comments), the file to copy, translate and name with "
                    "the plugin's 'words' option. Entries left out of a translation stay English.")
    parser.add_argument("-o", "--output", type=Path,
                        help="write to this new file instead (never overwrites one)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    output: Path | None = args.output
    if output is None:
        sys.stdout.write(english_text())
        return 0
    if output.exists():
        print(f"decision-guide: {output} exists; choose a new file (words never overwrites "  # noqa: T201
              "one)", file=sys.stderr)
        return 1
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(english_text(), encoding="utf-8")
    print(f"Wrote {output}: translate the entries you want, then set 'words: {output.name}' "  # noqa: T201
          "under the decision-guide plugin in mkdocs.yml (a path relative to it).")
    return 0
