"""The ``decision-guide`` command line.

Each subcommand is one module in ``adapters/commands/`` with a ``register(subcommands)``
function, found at start-up: adding a command means adding a file, not editing this one. A
command's ``run(args)`` returns the exit code; problems in the user's files (``ProblemsFound``)
and a site that cannot be loaded (``SiteError``) end here as a message and exit 1, never as a
traceback. Any other exception is our bug and surfaces as one.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence
from pathlib import Path

from decision_guide import __version__
from decision_guide.adapters import commands
from decision_guide.adapters.commands import print_problems
from decision_guide.adapters.site import SiteError
from decision_guide.problems import ProblemsFound


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="decision-guide",
        description="Check, export and scaffold decision guides built with the decision-guide "
                    "MkDocs plugin. Commands that read a site load its mkdocs.yml through MkDocs "
                    "itself, so they accept and refuse exactly what 'mkdocs build' does.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path,
                        help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    subcommands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in pkgutil.iter_modules(commands.__path__):
        importlib.import_module(f"{commands.__name__}.{module.name}").register(subcommands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's banner is not ours to print
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except ProblemsFound as found:
        print_problems(found.problems, summary=True)
        return 1
    except SiteError as error:
        print(f"decision-guide: {error}", file=sys.stderr)  # noqa: T201 (CLI output)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
