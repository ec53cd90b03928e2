"""``decision-guide check``: every problem a build would stop on, without building."""

from __future__ import annotations

import argparse

from decision_guide.adapters.commands import Subcommands, print_problems
from decision_guide.adapters.site import load_site
from decision_guide.knowledge.freshness import stale_figures
from decision_guide.knowledge.models import SECTIONS
from decision_guide.problems import ProblemsFound, errors_only, summary_line


def register(subcommands: Subcommands) -> None:
    parser = subcommands.add_parser(
        "check", help="validate mkdocs.yml, the knowledge base, calculators and page markers",
        description="Load mkdocs.yml through MkDocs, then validate the knowledge base, the "
                    "calculators and the markers in every page the way 'mkdocs build' does, "
                    "without rendering (links between pages are checked by the build). Lists "
                    "every problem as path:line:col: message [code]; exit 1 on errors, or on "
                    "warnings where the build would fail on them ('strict: true').")
    parser.add_argument("--strict", action="store_true",
                        help="like 'mkdocs build --strict', and also fail on stale figures")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    site = load_site(args.config_file, strict=True if args.strict else None)
    prepared = site.prepare()  # the plugin's own on_config path: the same pages, the same checks
    if prepared.guide is None:
        raise ProblemsFound([*site.warnings, *prepared.problems])
    guide = prepared.guide
    build_warnings = [*site.warnings, *guide.warnings, *prepared.problems]
    stale = stale_figures(guide.kb, guide.renderer.settings.today, site.options.max_age_months)
    problems = build_warnings + stale
    print_problems(problems, summary=False)
    failing = errors_only(problems)
    if site.strict:  # what 'strict' makes the build fail on; --strict adds stale figures
        failing = build_warnings + (stale if args.strict else [])
    if failing:
        print(summary_line(problems))  # noqa: T201 (CLI output)
        return 1
    kb = guide.kb
    counts = ", ".join(f"{name.replace('_', ' ')}: {len(kb.section(name))}"
                       for name in SECTIONS if kb.section(name))  # what the guide has, in order
    counts += f", calculators: {len(guide.renderer.calculators)}"
    print(f"OK, no errors ({counts})" + (f"; {summary_line(problems)}" if problems else ""))  # noqa: T201
    return 0

