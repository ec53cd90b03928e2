"""The ``decision-guide`` command: check the YAML, export it as JSON, write the JSON Schema,
and give the decision wizard's verdict (``decide``).

Reads the same ``mkdocs.yml`` plugin options as the build, so ``check`` reports exactly what
``mkdocs build`` would, without building.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from decision_guide.adapters import decide_command
from decision_guide.adapters.config import resolve_today
from decision_guide.exports.calculators import export_calculators
from decision_guide.exports.export import export_knowledge
from decision_guide.exports.schema import SCHEMAS, schema_text
from decision_guide.guide import Guide, load_guide
from decision_guide.knowledge.freshness import stale_figures
from decision_guide.problems import Problem, ProblemsFound, errors_only, format_problems, summary_line
from decision_guide.site.render import RenderSettings

PLUGIN_NAMES = ("decision-guide", "decision_guide")


@dataclass(frozen=True)
class Project:
    """What the CLI needs from mkdocs.yml."""

    root: Path
    knowledge_dir: Path
    calculators_dir: Path | None
    docs_dir: Path
    max_age_months: int


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="decision-guide", description=__doc__)
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path,
                        help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate the knowledge base and page markers")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    commands.add_parser("export", help="print the resolved knowledge base and calculators as JSON")
    schema = commands.add_parser("schema", help="print (or write) the JSON Schemas for editors")
    schema.add_argument("kind", nargs="?", choices=sorted(SCHEMAS), default="knowledge",
                        help="which files the schema describes (default: knowledge)")
    schema.add_argument("-o", "--output", type=Path, help="write to this file instead")
    decide_command.add_arguments(commands.add_parser(
        "decide", help="the decision wizard's verdict for the answers given"))
    args = parser.parse_args(argv)

    if args.command == "schema":
        return _schema(args.kind, args.output)
    project = read_project(args.config_file)
    if args.command == "decide":
        guide = _load_or_report(project)
        return 1 if guide is None else decide_command.run(guide, args)
    if args.command == "export":
        guide = _load_or_report(project)
        if guide is None:
            return 1
        try:
            exported = {**export_knowledge(guide.kb),
                        "calculators": export_calculators(guide.kb, guide.renderer.calculators)}
            sys.stdout.write(json.dumps(exported, indent=2, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        except BrokenPipeError:  # the reader stopped early (e.g. `| head`): not an error
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (silences the interpreter's flush)
        return 0
    return _check(project, strict=args.strict)


def read_project(config_file: Path) -> Project:
    """The plugin's folders from mkdocs.yml, resolved the way MkDocs resolves them."""
    root = config_file.resolve().parent
    with config_file.open(encoding="utf-8") as handle:
        config = yaml.load(handle, Loader=ConfigLoader)  # noqa: S506 (tags are ignored below)
    options: dict[str, object] = {}
    for entry in config.get("plugins", []):
        if isinstance(entry, dict) and set(entry) & set(PLUGIN_NAMES):
            options = next(v for k, v in entry.items() if k in PLUGIN_NAMES) or {}
    return Project(root=root,
                   knowledge_dir=root / str(options.get("knowledge_dir", "content/knowledge")),
                   calculators_dir=(root / str(options["calculators_dir"])
                                    if options.get("calculators_dir") else None),
                   docs_dir=root / str(config.get("docs_dir", "docs")),
                   max_age_months=int(options.get("max_age_months", 12)))  # type: ignore[call-overload]


class ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml may hold ``!!python/name:`` and ``!ENV`` tags; we only need plain options."""


ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)
ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/",
                                    lambda loader, suffix, node: None)


def _load_or_report(project: Project) -> Guide | None:
    settings = RenderSettings(today=resolve_today(None), max_age_months=project.max_age_months)
    try:
        return load_guide(project.knowledge_dir, project.calculators_dir,
                          project_root=project.root, settings=settings)
    except ProblemsFound as found:
        print(format_problems(found.problems))  # noqa: T201 (CLI output)
        print(summary_line(found.problems))  # noqa: T201
        return None


def _check(project: Project, *, strict: bool) -> int:
    guide = _load_or_report(project)
    if guide is None:
        return 1
    problems: list[Problem] = [*guide.warnings, *_marker_problems(guide, project),
                               *stale_figures(guide.kb, guide.renderer.settings.today,
                                              project.max_age_months)]
    if problems:
        print(format_problems(problems))  # noqa: T201
    failing = problems if strict else errors_only(problems)
    if failing:
        print(summary_line(problems))  # noqa: T201
        return 1
    kb = guide.kb
    counts = ", ".join(f"{name.replace('_', ' ')}: {len(kb.section(name))}"
                       for name in ("options", "criteria", "costs", "patterns", "use_cases",
                                    "questions", "sources"))
    counts += f", calculators: {len(guide.renderer.calculators)}"
    print(f"OK, no errors ({counts})" + (f"; {summary_line(problems)}" if problems else ""))  # noqa: T201
    return 0


def _marker_problems(guide: Guide, project: Project) -> list[Problem]:
    """Markers in hand-written pages, checked the way the build expands them."""
    problems: list[Problem] = []
    for page in sorted(project.docs_dir.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        src_uri = page.relative_to(project.docs_dir).as_posix()
        display = page.relative_to(project.root).as_posix()
        problems += guide.expand(text, src_uri, display)[1]
    return problems


def _schema(kind: str, output: Path | None) -> int:
    if output is None:
        sys.stdout.write(schema_text(kind))
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(schema_text(kind), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
