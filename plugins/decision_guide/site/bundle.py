"""Bundle the browser runtime's ES modules into one classic script.

Why: ES modules do not load from ``file://`` (the browser blocks them as cross-origin), so a
site opened from disk had calculators that did nothing, and every module was one more request.
The runtime's modules are small, dependency-free and use a narrow subset of module syntax, so a
bundler dependency is not needed: each module becomes a function scope returning its exports,
modules are ordered so that each comes after what it imports, and the whole is one IIFE.

Supported syntax (anything else is refused with the file and line, never silently mangled):
``import { a, b as c } from "./x.js";`` (also over several lines) and ``export`` in front of
``function``, ``async function``, ``class``, ``const`` and ``let``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_IMPORT = re.compile(r'^import\s*\{([^}]*)\}\s*from\s*"(\./[\w.-]+\.js)";?[ \t]*$', re.MULTILINE)
_EXPORT = re.compile(r"^export\s+(?:(async\s+function\*?|function\*?|class)\s+([\w$]+)"
                     r"|(const|let)\s+([\w$]+))", re.MULTILINE)
_OTHER_MODULE_SYNTAX = re.compile(r"^\s*(import\b(?!\.meta)|export\b)|\bimport\.meta\b|\bimport\(",
                                  re.MULTILINE)


class BundleError(ValueError):
    """A module uses syntax the bundler does not handle, or an import cannot be resolved."""


@dataclass(frozen=True)
class _Module:
    name: str
    imports: list[tuple[str, list[tuple[str, str]]]]  # (module, [(exported, local)])
    exports: list[str]
    body: str


def bundle(entry: str, read: Callable[[str], str]) -> str:
    """One classic script running ``entry`` and every module it imports (``read(name)`` gives a
    module's source, names relative to the runtime's folder, e.g. ``"calculator.js"``)."""
    ordered: list[_Module] = []
    seen: set[str] = set()

    def visit(name: str, chain: tuple[str, ...]) -> None:
        if name in chain:
            raise BundleError(f"{name}: import cycle {' -> '.join([*chain, name])}")
        if name in seen:
            return
        module = _parse(name, read(name))
        for dependency, _ in module.imports:
            visit(dependency, (*chain, name))
        seen.add(name)
        ordered.append(module)

    visit(entry, ())
    exported = {module.name: set(module.exports) for module in ordered}
    parts = ['(function () {\n"use strict";\n']
    for module in ordered:
        parts.append(_wrap(module, exported))
    parts.append("})();\n")
    return "".join(parts)


def _parse(name: str, source: str) -> _Module:
    imports = []
    for match in _IMPORT.finditer(source):
        bindings = []
        for item in (part.strip() for part in match.group(1).split(",")):
            if not item:
                continue
            exported, _, local = item.partition(" as ")
            bindings.append((exported.strip(), (local or exported).strip()))
        imports.append((match.group(2)[2:], bindings))
    body = _IMPORT.sub("", source)
    exports = []
    for match in _EXPORT.finditer(body):
        exports.append(match.group(2) or match.group(4))
    body = _EXPORT.sub(lambda m: m.group(0)[len("export"):].lstrip(), body)
    leftover = _OTHER_MODULE_SYNTAX.search(body)
    if leftover:
        line = body[: leftover.start()].count("\n") + 1
        raise BundleError(f"{name}:{line}: module syntax the bundler does not handle: "
                          f"{body[leftover.start():].splitlines()[0].strip()!r}")
    return _Module(name, imports, exports, body)


def _variable(name: str) -> str:
    return "module_" + re.sub(r"\W", "_", name.removesuffix(".js"))


def _wrap(module: _Module, exported: dict[str, set[str]]) -> str:
    lines = []
    for dependency, bindings in module.imports:
        missing = [name for name, _ in bindings if name not in exported[dependency]]
        if missing:
            raise BundleError(f"{module.name}: {dependency} does not export {', '.join(missing)}")
        names = ", ".join(name if name == local else f"{name}: {local}" for name, local in bindings)
        lines.append(f"const {{ {names} }} = {_variable(dependency)};\n")
    result = ", ".join(module.exports)
    return (f"const {_variable(module.name)} = (function () {{\n{''.join(lines)}{module.body}\n"
            f"return {{ {result} }};\n}})();\n")
