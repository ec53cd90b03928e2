"""``decision-guide new DIR``: a small, working guide to start from.

The scaffold ships inside the package (``decision_guide/scaffold/``), so a ``pip install`` is all
a new user needs. It is written with the chosen currency and locale, dates set to this month (so
nothing is stale or in the future), and the JSON Schemas editors use; it builds with
``mkdocs build --strict`` as it is. An existing folder with anything in it is refused: ``new``
never overwrites a user's files.
"""

from __future__ import annotations

import argparse
import sys
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from decision_guide.adapters.commands import Subcommands
from decision_guide.adapters.site import SiteError
from decision_guide.calculators.formats import StyleError, check_style
from decision_guide.exports.schema import SCHEMAS, schema_text
from decision_guide.knowledge.dates import resolve_today

SCHEMA_FILES = {"knowledge": "knowledge.schema.json", "calculator": "calculator.schema.json"}


def register(subcommands: Subcommands) -> None:
    parser = subcommands.add_parser(
        "new", help="create a small working guide in a new folder",
        description="Create a small decision guide in DIR (which must not exist or be empty): "
                    "mkdocs.yml, a knowledge base with two options, criteria and cited costs, a "
                    "calculator, the decision wizard, pages with markers and a README.")
    parser.add_argument("directory", type=Path, metavar="DIR", help="the folder to create")
    parser.add_argument("--currency", default="USD", help="ISO 4217 currency (default: USD)")
    parser.add_argument("--locale", default="en-US", help="BCP 47 locale for numbers (default: en-US)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    written = scaffold(args.directory, currency=args.currency, locale=args.locale)
    target = args.directory
    sys.stdout.write(f"Created {len(written)} files in {target}. Next:\n"
                     f"  cd {target}\n  mkdocs serve\n")
    return 0


def scaffold(target: Path, *, currency: str, locale: str) -> list[Path]:
    """Write the scaffold into ``target``; raise ``SiteError`` for a bad folder or option."""
    try:
        check_style(locale, currency)
    except StyleError as error:
        raise SiteError(str(error)) from None
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        what = "is a file" if not target.is_dir() else "is not empty"
        raise SiteError(f"{target} {what}; choose a new folder (new never overwrites files)")
    month = resolve_today(None).strftime("%Y-%m")
    replacements = {"__CURRENCY__": currency, "__LOCALE__": locale, "__MONTH__": month}
    written = []
    for relative, text in _files(resources.files("decision_guide") / "scaffold"):
        for placeholder, value in replacements.items():
            text = text.replace(placeholder, value)
        written.append(_write(target / relative, text))
    for kind in SCHEMAS:
        written.append(_write(target / "content" / "schema" / SCHEMA_FILES[kind], schema_text(kind)))
    return written


def _files(folder: Traversable, prefix: str = "") -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_dir():
            found += _files(entry, f"{prefix}{entry.name}/")
        elif entry.name.endswith((".yml", ".md")):
            found.append((prefix + entry.name, entry.read_text(encoding="utf-8")))
    if not found and not prefix:  # a broken install must not create an empty guide
        raise SiteError(f"the decision_guide package is incomplete: no scaffold in {folder}")
    return found


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
