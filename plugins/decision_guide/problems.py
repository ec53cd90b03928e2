"""Problems found in editors' files, as values.

A problem is data, not an exception: validation collects every problem in one pass so an editor
sees the whole list at once, printed as ``path:line:col: message [code]`` (yamllint's format,
1-based), which editors and terminals turn into clickable locations.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, with where it is and a stable code."""

    path: str
    line: int
    col: int
    message: str
    code: str
    severity: Severity = "error"

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{self.path}:{self.line}:{self.col}: {prefix}{self.message} [{self.code}]"


class ProblemsFound(Exception):
    """Raised at the edge (build, CLI) when data problems stop the work.

    Carries the problems themselves so callers can print or render them; never used for our
    own bugs, which must surface as ordinary tracebacks.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(format_problems(self.problems))


def errors_only(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def format_problems(problems: Iterable[Problem]) -> str:
    """The problem list as editors read it: one per line, sorted by file and position."""
    return "\n".join(str(p) for p in sorted(problems))


def summary_line(problems: Iterable[Problem]) -> str:
    """"2 errors, 1 warning in 2 files" — the last line of a report."""
    problems = list(problems)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    files = len({p.path for p in problems})
    parts = [_plural(errors, "error")]
    if warnings:
        parts.append(_plural(warnings, "warning"))
    return f"{', '.join(parts)} in {_plural(files, 'file')}"


def suggest(name: str, candidates: Iterable[str]) -> str:
    """A "; did you mean 'x'?" suffix naming the closest candidates, or an empty string."""
    close = difflib.get_close_matches(name, sorted(set(candidates)), n=3, cutoff=0.6)
    if not close:
        return ""
    return "; did you mean " + " or ".join(f"'{c}'" for c in close) + "?"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
