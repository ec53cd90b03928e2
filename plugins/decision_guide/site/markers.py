"""Markers in hand-written pages, expanded into generated blocks.

Syntax (documented in the README): an HTML comment naming a block and its arguments,

    <!-- guide:comparison group=knowledge -->
    A GPU-hour costs <!-- guide:cost id=gpu-hour --> today.

Table and card blocks stand alone on their line; ``cost`` and ``fact`` also work inside a
sentence. Comments are invisible wherever the plugin does not run, never collide with code
samples containing ``{{`` (no Jinja in pages), and markers inside fenced code are left alone.
A malformed marker, an unknown block, argument or id is a problem at ``page:line:col``.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable, Iterator, Mapping, Sequence

from decision_guide.problems import Problem, suggest
from decision_guide.site.blocks import BLOCKS, BlockError, BlockSpec
from decision_guide.site.inert import inert_html
from decision_guide.site.render import PageContext

MARKER = re.compile(r"<!--\s*guide:(?P<body>.*?)-->")
_OPENING = re.compile(r"<!--\s*guide:")
_FENCE = re.compile(r"^\s*(?P<fence>`{3,}|~{3,})")
_ARGUMENT = re.compile(r"^(?P<key>[a-z][a-z-]*)=(?P<value>.*)$", re.DOTALL)


class _MarkerError(ValueError):
    pass


def expand_markers(markdown: str, context: PageContext, path: str, *, line_offset: int = 0,
                   blocks: Mapping[str, BlockSpec] = BLOCKS) -> tuple[str, list[Problem]]:
    """Replace every marker outside fenced code; return the new text and any problems."""
    problems: list[Problem] = []
    lines = markdown.split("\n")
    for index, line in outside_fences(lines):
        if "guide:" not in line:
            continue
        lines[index] = _expand_line(line, context, blocks, _reporter(
            problems, path, index + 1 + line_offset))
    return "\n".join(lines), problems


def outside_fences(lines: Sequence[str]) -> Iterator[tuple[int, str]]:
    """Each line (with its index) that stands outside fenced code, where a page's text is
    prose and markers; a fence closes on the same character, at least as long."""
    fence: str | None = None
    for index, line in enumerate(lines):
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening["fence"][0] == fence[0] and len(opening["fence"]) >= len(fence):
                fence = None
        elif opening:
            fence = opening["fence"]
        else:
            yield index, line


def _reporter(problems: list[Problem], path: str, line: int) -> Callable[[int, str, str], None]:
    def report(col: int, message: str, code: str) -> None:
        problems.append(Problem(path, line, col, message, code))
    return report


def _expand_line(line: str, context: PageContext, blocks: Mapping[str, BlockSpec],
                 report: Callable[[int, str, str], None]) -> str:
    stripped = line.strip()
    alone = bool(MARKER.fullmatch(stripped))

    def replace(match: re.Match[str]) -> str:
        col = match.start() + 1
        try:
            kind, args = parse_marker(match["body"], blocks)
            spec = blocks[kind]
            if not spec.inline and not alone:
                raise _MarkerError(f"block '{kind}' must stand alone on its line")
            html = spec.render(context, args)
        except (_MarkerError, BlockError) as exc:
            report(col, f"marker {match.group(0)!r}: {exc}", "bad-marker")
            return match.group(0)
        if alone and not spec.inline:
            indent = line[: len(line) - len(line.lstrip())]
            return "\n".join(indent + part for part in str(html).split("\n"))
        return str(inert_html(html))  # Markdown reads the sentence around it, not inside it

    opened = _OPENING.search(line)
    if opened and not MARKER.search(line):
        report(opened.start() + 1, "marker comment 'guide:' is not closed on its line",
               "bad-marker")
        return line
    expanded = MARKER.sub(replace, line)
    if alone and expanded != line:
        return "\n" + expanded + "\n"
    return expanded


def parse_marker(body: str, blocks: Mapping[str, BlockSpec] = BLOCKS) -> tuple[str, dict[str, str]]:
    """``'comparison group=knowledge'`` → ``('comparison', {'group': 'knowledge'})``."""
    try:
        words = shlex.split(body)
    except ValueError as exc:
        raise _MarkerError(f"cannot read the arguments ({exc})") from None
    if not words:
        raise _MarkerError("no block named after 'guide:'")
    kind, *rest = words
    if kind not in blocks:
        raise _MarkerError(f"unknown block '{kind}'{suggest(kind, blocks)}; "
                           f"blocks: {', '.join(sorted(blocks))}")
    spec = blocks[kind]
    args: dict[str, str] = {}
    for word in rest:
        match = _ARGUMENT.match(word)
        if not match:
            raise _MarkerError(f"expected key=value; got '{word}'")
        key = match["key"]
        if key not in spec.arguments:
            allowed = ", ".join(sorted(spec.arguments)) or "none"
            raise _MarkerError(f"block '{kind}' has no argument '{key}'"
                               f"{suggest(key, spec.arguments)}; arguments: {allowed}")
        if key in args:
            raise _MarkerError(f"argument '{key}' given twice")
        args[key] = match["value"]
    missing = spec.required - set(args)
    if missing:
        raise _MarkerError(f"block '{kind}' needs {', '.join(sorted(missing))}")
    return kind, args


def front_matter_lines(source: str, markdown: str) -> int:
    """How many lines an engine removed above ``markdown`` (the page's YAML front matter), given
    the file's whole text: markers are reported at their line in the file, not in the body."""
    if markdown and source.endswith(markdown):
        return source[: len(source) - len(markdown)].count("\n")
    return 0
