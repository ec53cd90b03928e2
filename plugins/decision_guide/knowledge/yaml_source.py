"""Reading editors' YAML safely, keeping where every value came from.

PyYAML's safe loader loses positions and silently keeps the last of two duplicate keys, so we
compose the node tree ourselves and build plain data from it, recording the line and column of
every key and value. Reading is bounded: files over a size limit and alias expansions past a node
budget ("billion laughs") are refused as problems rather than exhausting memory.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from decision_guide.problems import Problem

MAX_FILE_BYTES = 1_000_000
"""The default of the plugin's ``max_yaml_bytes`` option: the largest YAML file read."""
MAX_NODES = 100_000

Loc = tuple[int | str, ...]


_SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when the wheel has it


class _Loader(_SafeBase):  # type: ignore[misc, valid-type]
    """The safe loader with YAML 1.2's plain scalars instead of YAML 1.1's.

    YAML 1.1 reads ``yes``/``no``/``on``/``off`` as booleans, ``0x1F`` and ``010`` as hex and
    octal, ``1_000`` and ``1:30`` as numbers, ``.inf``/``.nan`` as floats and ``2024-01-01`` as a
    timestamp: a price written ``value: yes`` silently became 1.0. Here only ``true``/``false``,
    decimal integers and decimal floats are typed; everything else stays text, which the schema
    then refuses where a number is due, with a hint (``schema_check``).
    """


_RESOLVERS = [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^[-+]?(?:0|[1-9][0-9]*)$", "-+0123456789"),
    ("tag:yaml.org,2002:float",
     r"^[-+]?(?:(?:0|[1-9][0-9]*)(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$", "-+.0123456789"),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:merge", r"^(?:<<)$", "<"),  # recognised so that it can be refused
]
_Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in _RESOLVERS:
    _Loader.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))

_Loader.add_constructor("tag:yaml.org,2002:int",  # decimal only: no octal from a leading 0
                        lambda loader, node: int(loader.construct_scalar(node)))

MAX_DEPTH = 50
MAX_NUMBER_CHARS = 40
"""Longer digit strings are mistakes, and Python refuses to read integers past 4,300 digits."""


@dataclass
class YamlDocument:
    """Plain data from one YAML file, plus the position of each value and key within it."""

    path: str
    data: Any
    value_marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def position(self, loc: Sequence[int | str], *, key: bool = False) -> tuple[int, int]:
        """The line and column of ``loc``, or of its nearest ancestor that exists in the file.

        ``key=True`` prefers the key's own position, which is where an unknown key should point.
        """
        loc = tuple(loc)
        if key and loc in self.key_marks:
            return self.key_marks[loc]
        while loc:
            if loc in self.value_marks:
                return self.value_marks[loc]
            if loc in self.key_marks:
                return self.key_marks[loc]
            loc = loc[:-1]
        return self.value_marks.get((), (1, 1))

    def problem(self, loc: Sequence[int | str], message: str, code: str, *,
                key: bool = False, severity: str = "error") -> Problem:
        line, col = self.position(loc, key=key)
        return Problem(self.path, line, col, message, code, severity)  # type: ignore[arg-type]


_UNREADABLE = {"yaml-tag", "recursive-alias", "too-deep", "number-too-long"}
_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:omap"}


class _Budget:
    def __init__(self, limit: int) -> None:
        self.left = limit


class _TooManyNodes(Exception):
    pass


def decode_yaml(raw: bytes, display_path: str, *, max_bytes: int = MAX_FILE_BYTES,
                max_nodes: int = MAX_NODES) -> tuple[YamlDocument | None, list[Problem]]:
    """Bytes of a YAML file into a ``YamlDocument``, or the problems that prevent it (too big,
    not UTF-8, not YAML)."""
    if len(raw) > max_bytes:
        return None, [too_large(display_path, len(raw), max_bytes)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Problem(display_path, line, col,
                              f"byte 0x{raw[exc.start]:02x} is not valid UTF-8; save the file as UTF-8",
                              "not-utf8")]
    return parse_yaml(text, display_path, max_nodes=max_nodes)


def too_large(display_path: str, size: int, limit: int) -> Problem:
    """A file over the size limit: its size, the limit and the option that sets it."""
    return Problem(display_path, 1, 1, f"file is {size:,} bytes, over the limit of {limit:,} bytes "
                   "(max_yaml_bytes); split it into several files or raise max_yaml_bytes in "
                   "mkdocs.yml", "file-too-large")


def parse_yaml(text: str, display_path: str, *,
               max_nodes: int = MAX_NODES) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse YAML text; see ``decode_yaml``."""
    try:
        loader = _Loader(text)  # the reader rejects control characters right here
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, text, display_path)]
    except yaml.YAMLError as exc:
        return None, [_reader_problem(exc, text, display_path)]
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, text, display_path)]
    except yaml.YAMLError as exc:  # errors without a mark, e.g. a reader error
        return None, [_reader_problem(exc, text, display_path)]
    except RecursionError:  # the pure-Python composer, without libyaml's own depth limit
        return None, [Problem(display_path, 1, 1, f"values nested more than {MAX_DEPTH} levels "
                              "deep; the guide's files need only a few", "too-deep")]
    finally:
        loader.dispose()
    if root is None or (isinstance(root, ScalarNode) and root.value == "" and root.tag.endswith(":null")):
        return None, [Problem(display_path, 1, 1, "file is empty", "empty-file")]

    document = YamlDocument(display_path, None)
    problems: list[Problem] = []
    try:
        document.data = _build(root, (), document, problems, loader, _Budget(max_nodes))
    except _TooManyNodes:
        return None, [Problem(display_path, 1, 1,
                              f"file expands to more than {max_nodes:,} values "
                              "(too many aliases?)", "too-many-nodes")]
    if any(p.code in _UNREADABLE for p in problems):
        return None, problems  # a value is gone: checking the rest would only echo its absence
    # Duplicate or merge keys leave the rest of the file readable: keep validating it, so the
    # editor sees every problem in one pass.
    return document, problems


def _char_at(text: str, line: int, col: int) -> str:
    lines = text.split("\n")
    if 1 <= line <= len(lines) and 1 <= col <= len(lines[line - 1]):
        return lines[line - 1][col - 1]
    return ""


def _reader_problem(exc: yaml.YAMLError, text: str, path: str) -> Problem:
    """A character YAML refuses (a control character, say), placed by its position in the text."""
    if isinstance(exc, yaml.reader.ReaderError):
        position = exc.position
        line = text.count("\n", 0, position) + 1
        col = position - (text.rfind("\n", 0, position) + 1) + 1
        return Problem(path, line, col, f"character U+{exc.character:04X} is not allowed in YAML; "
                                        "remove it", "bad-character")
    return Problem(path, 1, 1, str(exc).splitlines()[0], "yaml-syntax")


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, path: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or "invalid YAML"
    if _char_at(text, line, col) == "\t" or "'\\t'" in problem:
        return Problem(path, line, col, "tab character where YAML expects spaces; indent with spaces",
                       "tab")
    context = f" ({exc.context}" if exc.context else ""
    if context and exc.context_mark and exc.context_mark.line + 1 != line:
        context += f" at line {exc.context_mark.line + 1}, column {exc.context_mark.column + 1}"
    context += ")" if context else ""
    return Problem(path, line, col, f"YAML syntax: {problem}{context}", "yaml-syntax")


def _build(node: Node, loc: Loc, document: YamlDocument, problems: list[Problem],
           loader: _Loader, budget: _Budget, path: tuple[Node, ...] = ()) -> Any:
    budget.left -= 1
    if budget.left < 0:
        raise _TooManyNodes
    document.value_marks.setdefault(loc, (node.start_mark.line + 1, node.start_mark.column + 1))
    line, col = node.start_mark.line + 1, node.start_mark.column + 1
    if any(node is outer for outer in path):
        problems.append(Problem(document.path, line, col, "an alias that contains itself "
                                "(a recursive '&anchor' ... '*anchor'); write the value out",
                                "recursive-alias"))
        return None
    if len(path) >= MAX_DEPTH:
        problems.append(Problem(document.path, line, col, f"values nested more than {MAX_DEPTH} "
                                "levels deep; the guide's files need only a few", "too-deep"))
        return None
    if isinstance(node, (MappingNode, SequenceNode)) and node.tag not in _PLAIN_TAGS:
        problems.append(Problem(document.path, line, col,
                                f"unsupported YAML tag '{node.tag}'", "yaml-tag"))
        return None
    inner = (*path, node)
    if isinstance(node, MappingNode):
        return _build_mapping(node, loc, document, problems, loader, budget, inner)
    if isinstance(node, SequenceNode):
        return [_build(item, (*loc, index), document, problems, loader, budget, inner)
                for index, item in enumerate(node.value)]
    if node.tag.endswith((":int", ":float")) and len(node.value) > MAX_NUMBER_CHARS:
        problems.append(Problem(document.path, line, col, f"a number of {len(node.value):,} "
                                f"characters; numbers here have at most {MAX_NUMBER_CHARS} (a "
                                "price or a count needs far fewer digits)",
                                "number-too-long"))
        return None
    try:
        return loader.construct_object(node)
    except yaml.constructor.ConstructorError as exc:
        problems.append(Problem(document.path, line, col,
                                f"unsupported YAML value: {exc.problem}", "yaml-tag"))
        return None


def _build_mapping(node: MappingNode, loc: Loc, document: YamlDocument, problems: list[Problem],
                   loader: _Loader, budget: _Budget, path: tuple[Node, ...]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    first_line: dict[str, int] = {}
    for key_node, value_node in node.value:
        line, col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
        if not isinstance(key_node, ScalarNode) or key_node.tag.endswith((":null", ":map", ":seq")):
            problems.append(Problem(document.path, line, col, "keys must be plain text", "bad-key"))
            continue
        if key_node.tag == "tag:yaml.org,2002:merge":
            problems.append(Problem(document.path, line, col,
                                    "merge keys ('<<') are not supported; write the fields out",
                                    "merge-key"))
            continue
        key = str(key_node.value)
        if key in result or key in first_line:
            problems.append(Problem(document.path, line, col,
                                    f"duplicate key '{key}' (first at line {first_line[key]})",
                                    "duplicate-key"))
            continue
        first_line[key] = line
        document.key_marks[(*loc, key)] = (line, col)
        result[key] = _build(value_node, (*loc, key), document, problems, loader, budget, path)
    return result
