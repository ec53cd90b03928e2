"""``decision-guide generate``: the guide as plain files for Zensical (see ``adapters/generate.py``)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from decision_guide.adapters.commands import Subcommands, print_problems
from decision_guide.adapters.config import render_settings
from decision_guide.adapters.generate import DEFAULT_OUTPUT, GenerateError, SiteSources, generate
from decision_guide.adapters.pages import site_documents
from decision_guide.adapters.site import load_site
from decision_guide.problems import ProblemsFound


def register(subcommands: Subcommands) -> None:
    parser = subcommands.add_parser(
        "generate", help="write the guide as plain files for Zensical (build/zensical/)",
        description="Check the guide as a build would, then write the folder an engine without "
                    "MkDocs plugins builds it from: the pages (hand-written and generated), the "
                    "assets, and a mkdocs.yml with the nav and the Markdown extension that expands "
                    "markers. Only files that changed are rewritten. Then: zensical build -f "
                    "OUTPUT/mkdocs.yml (the site goes to OUTPUT/site).")
    parser.add_argument("-o", "--output", type=Path,
                        help=f"the folder to write (default: {DEFAULT_OUTPUT} next to mkdocs.yml)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    site = load_site(args.config_file)
    documents, unreadable = site_documents(site.config, site.root)
    if unreadable:
        raise ProblemsFound(unreadable)
    calculators = site.options.calculators_dir
    sources = SiteSources(config_file=Path(site.config.config_file_path).resolve(),
                          docs_dir=site.docs_dir.resolve(),
                          knowledge_dir=Path(site.options.knowledge_dir).resolve(),
                          calculators_dir=Path(calculators).resolve() if calculators else None,
                          documents=documents)
    output = args.output if args.output is not None else site.root / DEFAULT_OUTPUT
    try:
        generated = generate(sources, render_settings(site.config, site.options), output)
    except GenerateError as error:
        print(f"decision-guide: {error}", file=sys.stderr)  # noqa: T201 (CLI output)
        return 1
    failing = site.strict and bool(generated.warnings)  # 'strict: true' fails on warnings, as the build
    print_problems(generated.warnings, summary=failing)
    shown = os.path.relpath(generated.output)
    print(f"{shown}: {len(generated.written)} files written, {len(generated.removed)} removed, "  # noqa: T201
          f"{generated.unchanged} unchanged. Build it with: zensical build -f {shown}/mkdocs.yml")
    return 1 if failing else 0
