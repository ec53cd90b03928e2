"""One module per ``decision-guide`` subcommand.

Each module defines ``register(subcommands)``, which adds its parser and sets ``run`` (a
function of the parsed arguments returning the exit code) with ``set_defaults(run=...)``.
``adapters/cli.py`` imports every module here, so a new command is a new file.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from typing import TypeAlias

from decision_guide.problems import Problem, format_problems, summary_line

Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def print_problems(problems: Iterable[Problem], *, summary: bool) -> None:
    """Problems one per line, as editors read them, and the summary line if asked."""
    problems = list(problems)
    if problems:
        print(format_problems(problems))  # noqa: T201 (CLI output)
    if summary:
        print(summary_line(problems))  # noqa: T201
