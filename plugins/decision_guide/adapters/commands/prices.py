"""``decision-guide prices``: every cost bound to a price feed, beside the feed's value."""

from __future__ import annotations

import argparse
import json

from decision_guide.adapters.commands import Subcommands, print_problems
from decision_guide.adapters.site import load_site
from decision_guide.knowledge.price_feeds import Comparison, compare, dated, installed_feeds
from decision_guide.problems import Problem


def register(subcommands: Subcommands) -> None:
    parser = subcommands.add_parser(
        "prices", help="compare the costs bound to a price feed with the feed",
        description="List every cost that names a price feed ('feed:' with name, provider, "
                    "model and price kind) with the guide's value and date beside the feed's. A "
                    "difference, or a price the feed lacks, is a warning (path:line:col: message "
                    "[price-feed-difference]); exit 1 only under --strict. Feeds are plug-ins "
                    "registered under the entry-point group 'decision_guide.price_feeds'.")
    parser.add_argument("--strict", action="store_true", help="exit 1 on any difference")
    parser.add_argument("--json", action="store_true", help="print the comparison as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    site = load_site(args.config_file)
    guide = site.load_guide()
    rows, problems = compare(guide.kb, installed_feeds(), guide.renderer.settings.today)
    if args.json:
        print(json.dumps([_as_json(row) for row in rows], indent=2))  # noqa: T201 (CLI output)
    else:
        for row in rows:
            print(_line(row))  # noqa: T201 (CLI output)
        print_problems(problems, summary=False)
        print(_summary(rows, problems))  # noqa: T201
    return 1 if args.strict and problems else 0


def _line(row: Comparison) -> str:
    guide = f"{row.guide_value:g} {row.guide_unit} ({dated(row.guide_as_of)}, {row.guide_source})"
    if row.found is None:
        feed = "—"
    else:
        feed = (f"{row.found.value:g} {row.found.unit} ({dated(row.found.as_of)}, {row.found.source}"
                f"{'; ' + row.found.note if row.found.note else ''})")
    verdict = "agrees" if row.problem is None else "DIFFERS"
    return (f"{row.cost_id}: {verdict}\n  guide: {guide}\n"
            f"  {row.feed} {row.provider}/{row.model} {row.price}: {feed}")


def _summary(rows: list[Comparison], problems: list[Problem]) -> str:
    agree = sum(row.problem is None for row in rows)
    return f"{len(rows)} bound costs: {agree} agree, {len(problems)} differ or are missing from the feed"


def _as_json(row: Comparison) -> dict[str, object]:
    found = None if row.found is None else {
        "value": row.found.value, "unit": row.found.unit, "as_of": row.found.as_of,
        "source": row.found.source, "note": row.found.note}
    return {"cost": row.cost_id, "feed": row.feed, "provider": row.provider, "model": row.model,
            "price": row.price, "guide": {"value": row.guide_value, "unit": row.guide_unit,
                                          "as_of": row.guide_as_of, "source": row.guide_source},
            "found": found, "difference": row.problem}
