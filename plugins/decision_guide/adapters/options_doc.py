"""The plugin's option reference, generated from ``GuideConfig`` so the README cannot drift.

Each option's description is the docstring written under it in ``config.py`` (read with
``ast``: Python keeps no attribute docstrings at run time); its type and default come from the
config option objects themselves. ``decision-guide options`` prints the table and
``tests/test_options_doc.py`` requires the README to hold exactly this table.
"""

from __future__ import annotations

import ast
import inspect

from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption

from decision_guide.adapters import config

#: An example value per option, as written in mkdocs.yml.
EXAMPLES: dict[str, str] = {
    "knowledge_dir": "`content/knowledge`",
    "calculators_dir": "`calculators`",
    "max_age_months": "`18`",
    "today": '`"2026-11-21"`',
    "templates_dir": "`my-templates`",
    "currency": "`GBP`",
    "locale": "`en-GB`",
    "max_yaml_bytes": "`5000000`",
    "words": "`words.de.yml`",
}


def option_docs() -> dict[str, str]:
    """Each option's docstring, joined into one line."""
    tree = ast.parse(inspect.getsource(config.GuideConfig))
    body = tree.body[0].body  # type: ignore[attr-defined]
    docs: dict[str, str] = {}
    for statement, following in zip(body, body[1:], strict=False):
        if (isinstance(statement, ast.Assign) and isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant) and isinstance(following.value.value, str)):
            name = statement.targets[0].id  # type: ignore[attr-defined]
            docs[name] = " ".join(following.value.value.split()).replace("``", "`")
    return docs


def _type(option: BaseConfigOption[object]) -> str:
    if isinstance(option, c.Optional):
        return _type(option.option)
    if isinstance(option, config.IsoDate):
        return "date (YYYY-MM-DD)"
    if isinstance(option, config.Currency):
        return "ISO 4217 code"
    if isinstance(option, config.Locale):
        return "BCP 47 tag"
    if isinstance(option, c.Dir):
        return "folder"
    if isinstance(option, c.File):
        return "file"
    if isinstance(option, c.Type):
        kind: type = option._type
        return {int: "integer", str: "text", bool: "boolean", dict: "mapping"}.get(kind, kind.__name__)
    return type(option).__name__


def options_table() -> str:
    """The option reference as a Markdown table: name, type, default, example, description."""
    docs = option_docs()
    rows = ["| option | type | default | example | what it does |", "|---|---|---|---|---|"]
    for name, option in config.GuideConfig._schema:
        default = option.default
        shown = "none" if default is None else f"`{default}`"
        rows.append(f"| `{name}` | {_type(option)} | {shown} | {EXAMPLES[name]} | {docs[name]} |")
    return "\n".join(rows) + "\n"
