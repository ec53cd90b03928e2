"""Checking one YAML document against a pydantic model, with errors placed at file:line:col.

Pydantic reports each error at a ``loc`` tuple (``('costs', 3, 'unit')``); we map it back to the
YAML node's mark and phrase the message for an editor: the field path as it reads in the file,
what was expected and what was found.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from decision_guide.knowledge.yaml_source import YamlDocument
from decision_guide.problems import Problem, suggest

ModelT = TypeVar("ModelT", bound=BaseModel)

_CODES = {
    "missing": "missing-field",
    "extra_forbidden": "unknown-key",
    "greater_than_equal": "out-of-range",
    "less_than_equal": "out-of-range",
    "greater_than": "out-of-range",
    "less_than": "out-of-range",
    "too_short": "too-short",
    "too_long": "too-long",
    "string_pattern_mismatch": "bad-id",
    "literal_error": "not-allowed",
    "value_error": "invalid-value",
    "finite_number": "not-finite",
}


def validate_document(document: YamlDocument, model: type[ModelT]) -> tuple[ModelT | None, list[Problem]]:
    """Validate ``document.data`` as ``model``; return the instance or the editor-facing problems."""
    try:
        return model.model_validate(document.data), []
    except ValidationError as exc:
        return None, _merge_missing([_to_problem(document, error, model) for error in exc.errors()])


def _merge_missing(problems: list[Problem]) -> list[Problem]:
    """One message per record for its missing fields: a record cut short after its id (a file
    saved half-written) otherwise floods the list with one line per field."""
    merged: list[Problem] = []
    missing: dict[tuple[str, int, int], list[str]] = {}
    for problem in problems:
        if problem.code != "missing-field":
            merged.append(problem)
            continue
        key = (problem.path, problem.line, problem.col)
        if key not in missing:
            missing[key] = []
            merged.append(problem)
        missing[key].append(problem.message.rsplit(" ", 1)[-1])
    return [replace(p, message=p.message.replace("missing required field ",
                                                 "missing required fields ").rsplit(" ", 1)[0]
                    + " " + ", ".join(missing[(p.path, p.line, p.col)]))
            if p.code == "missing-field" and len(missing[(p.path, p.line, p.col)]) > 1 else p
            for p in merged]


def field_path(loc: tuple[int | str, ...]) -> str:
    """``('costs', 3, 'unit')`` → ``costs[3].unit``, the way the path reads in the YAML."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(file)"


def _to_problem(document: YamlDocument, error: Any, model: type[BaseModel]) -> Problem:
    loc = _clean_loc(error["loc"])
    kind = error["type"]
    code = _CODES.get(kind, "wrong-type" if kind.endswith(("_type", "_parsing")) else kind.replace("_", "-"))
    where = field_path(loc)
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        message = f"{where}: unknown key '{loc[-1]}'{suggest(str(loc[-1]), allowed)}"
        if allowed and not suggest(str(loc[-1]), allowed):
            message += f"; allowed keys: {', '.join(sorted(allowed))}"
        return document.problem(loc, message, code, key=True)
    if kind == "missing":
        return document.problem(loc[:-1], f"{field_path(loc[:-1])}: missing required field "
                                          f"'{loc[-1]}'", code)
    message = error["msg"]
    if kind == "value_error":
        message = message.removeprefix("Value error, ")
    else:
        value = error.get("input")
        message = f"{message[0].lower()}{message[1:]}; got {_show(value)}{_yaml_hint(value, kind)}"
    return document.problem(loc, f"{where}: {message}", code)


_YAML11 = [
    (re.compile(r"^(?:y|yes|n|no|on|off)$", re.I), "YAML 1.1 would read it as a boolean"),
    (re.compile(r"^[-+]?0[xob]", re.I), "hexadecimal, octal and binary are not read; write the "
                                        "number in decimal"),
    (re.compile(r"^[-+]?0[0-9]"), "a leading zero is not allowed (YAML 1.1 reads it as octal); "
                                  "write the number without it"),
    (re.compile(r"^[-+]?[0-9.]+(?:_[0-9.]*)+$"), "write the number without underscores"),
    (re.compile(r"^[-+]?\.?(?:inf|nan)$", re.I), "infinite and not-a-number values are not "
                                                 "allowed; write a finite number"),
    (re.compile(r"^[-+]?[0-9]+(?::[0-5]?[0-9])+(?:\.[0-9]*)?$"),
     "a sexagesimal number (YAML 1.1's '1:30' is 90); write it in decimal"),
    (re.compile(r"^\s*[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\s*$"),
     "a number in quotes is text; write it without the quotes"),
]


def _yaml_hint(value: Any, kind: str) -> str:
    """Why a value that looks like a number or a boolean was not read as one."""
    wanted = "true or false" if kind.startswith("bool") else "a number"
    if isinstance(value, bool):
        return f"; write {wanted}, not {str(value).lower()}"
    if isinstance(value, str):
        for pattern, hint in _YAML11:
            if pattern.match(value):
                return f" ({hint}; write {wanted})" if hint.endswith("boolean") else f" ({hint})"
    return ""


_INTERNAL_STEP = re.compile(r"^[a-z]+(?:-[a-z]+)+\[.*\]$")


def _clean_loc(loc: tuple[Any, ...]) -> tuple[int | str, ...]:
    """Drop pydantic's internal steps (``function-after[...]``) that are not YAML keys. An
    editor's key may hold brackets too (``o[ptions]``, a typo): it stays, or the message would
    have no key to name."""
    return tuple(part for part in loc if isinstance(part, int) or not _INTERNAL_STEP.match(part))


def _show(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    if value is None:
        return "nothing"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "...'"


def _allowed_keys(model: type[BaseModel], loc: tuple[int | str, ...]) -> list[str]:
    """The field names valid at ``loc``, found by walking the model's annotations."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        field = current.model_fields.get(str(part))
        if field is None:
            return []
        current = _model_in(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _model_in(annotation: Any) -> Any:
    """The pydantic model inside ``list[M]``, ``M | None`` or ``dict[str, M]``, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
