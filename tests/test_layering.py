"""The package's folders are the flow's stages, and every import points down the flow:

    adapters → guide → site / exports → calculators → knowledge → problems

so the core (everything but ``adapters/``) can be read, tested and run without any engine, and
a new engine is one more adapter. Imports are read from the source with ``ast`` (function-level
and ``TYPE_CHECKING`` imports included), so the rule holds for every line, not only for what
happens to be imported at start-up.
"""

from __future__ import annotations

import ast
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT

PACKAGE = ROOT / "plugins" / "decision_guide"

#: The stages from the ground up; a module may import its own stage and the stages below it.
#: ``site`` and ``exports`` are siblings on one floor: neither imports the other.
STAGES: dict[str, int] = {"problems": 0, "knowledge": 1, "calculators": 2, "site": 3,
                          "exports": 3, "guide": 4, "adapters": 5}

#: Engines and theme packages; only ``adapters/`` may name them.
ENGINES = ("mkdocs", "material", "properdocs", "zensical")


@dataclass(frozen=True)
class Import:
    source: str
    """The importing module, e.g. ``decision_guide.site.pages``."""
    target: str
    """The imported module (``from a.b import c`` gives ``a.b.c`` if that is a module, else ``a.b``)."""
    line: int

    def __str__(self) -> str:
        return f"{self.source}:{self.line} imports {self.target}"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str, path: Path) -> Iterator[Import]:
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(name, alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                yield Import(name, submodule if submodule in MODULES else base, node.lineno)


IMPORTS = [item for name, path in MODULES.items() for item in imports_of(name, path)]
OWN = [item for item in IMPORTS if item.target.split(".")[0] == "decision_guide"]


def stage(module: str) -> str | None:
    """The stage a module belongs to (``None`` for the package's own ``__init__``)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def test_every_module_belongs_to_a_stage() -> None:
    assert sorted({stage(m) for m in MODULES if stage(m) not in STAGES}, key=str) == [None]


def test_imports_of_the_package_name_modules_that_exist() -> None:
    """A misspelt or stale import hides under ``TYPE_CHECKING`` until a type checker runs."""
    assert [str(item) for item in OWN if item.target not in MODULES] == []


def test_every_import_points_down_the_flow() -> None:
    upward = []
    for item in OWN:
        source, target = stage(item.source), stage(item.target)
        if source is None or target is None or source == target:
            continue
        if STAGES[target] >= STAGES[source]:
            upward.append(f"{item} ({source} → {target})")
    assert upward == []


def test_the_package_root_imports_nothing_of_its_own() -> None:
    assert [str(item) for item in OWN if stage(item.source) is None] == []


@pytest.mark.parametrize("engine", ENGINES)
def test_nothing_outside_adapters_imports_an_engine(engine: str) -> None:
    assert [str(item) for item in IMPORTS
            if item.target.split(".")[0] == engine and stage(item.source) != "adapters"] == []


def test_the_command_line_does_not_import_the_mkdocs_plugin() -> None:
    """The CLI is an adapter beside the plugin, not on top of it."""
    cli = [item for item in OWN if item.source.startswith(("decision_guide.adapters.cli",
                                                           "decision_guide.adapters.commands"))]
    assert [str(item) for item in cli if item.target == "decision_guide.adapters.mkdocs_plugin"] == []


def test_no_two_modules_import_each_other_even_indirectly() -> None:
    graph: dict[str, set[str]] = {name: set() for name in MODULES}
    for item in OWN:
        if item.target in MODULES and item.target != item.source:
            graph[item.source].add(item.target)
    assert find_cycle(graph) == []


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle as the list of modules around it, or ``[]``."""
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = "open"
        stack.append(node)
        for neighbour in sorted(graph[node]):
            if state.get(neighbour) == "open":
                return [*stack[stack.index(neighbour):], neighbour]
            if neighbour not in state and (cycle := visit(neighbour)):
                return cycle
        state[node] = "done"
        stack.pop()
        return []

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return []


def test_no_file_of_the_package_is_ignored_by_git() -> None:
    """A pattern such as ``site/`` (meant for the built site) also matches the package's
    ``site/`` stage, and a new module there would silently never be committed. Only the
    committed ``.gitignore`` files count, not a clone's own ``.git/info/exclude``."""
    listed = subprocess.run(
        ["git", "ls-files", "--ignored", "--cached", "--others", "--exclude-per-directory=.gitignore",
         "--", PACKAGE.relative_to(ROOT).as_posix()],
        cwd=ROOT, capture_output=True, text=True, check=True)
    assert [path for path in listed.stdout.split() if "__pycache__" not in path] == []


def test_find_cycle_finds_an_indirect_cycle_and_nothing_in_a_tree() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) == []


def test_relative_imports_resolve_against_the_importing_package(tmp_path: Path) -> None:
    module = PACKAGE / "knowledge" / "crossref.py"
    source = "from .located import Located\nfrom ..problems import Problem\nfrom . import dates\n"
    target = tmp_path / "crossref.py"
    target.write_text(source, encoding="utf-8")
    found = [item.target for item in imports_of(module_name(module), target)]
    assert found == ["decision_guide.knowledge.located", "decision_guide.problems",
                     "decision_guide.knowledge.dates"]
