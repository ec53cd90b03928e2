"""Runs one bad-input case: the second guide plus one broken file, in memory where it can be.

A case is a file in ``fixtures/invalid/`` (knowledge), ``fixtures/invalid-calculators/`` or
``fixtures/invalid-pages/``, next to the ``.expected`` problem lines it must produce. Besides
ordinary files (any case of ``.yml``, or ``.md`` for pages) a case can describe what cannot be
committed as a file:

- ``<name>.link`` holds a link target: ``outside`` (a valid file outside the project),
  ``missing`` (nothing) or an absolute path such as ``/etc/passwd``; the case becomes a
  symbolic link ``<name>.yml`` (or ``.md``) to it;
- ``<name>.dir`` becomes a folder named ``<name>.yml``.

Ordinary knowledge and calculator cases are loaded from memory (``load_knowledge_files``): no
tree is copied; only links and folders need a real one.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

from decision_guide.knowledge.base import KnowledgeBase, load_knowledge, load_knowledge_files
from decision_guide.knowledge.files import read_folder
from decision_guide.problems import ProblemsFound

FIXTURES = Path(__file__).parent / "fixtures"
SECOND_GUIDE = FIXTURES / "second-guide"
BASE_KNOWLEDGE = SECOND_GUIDE / "content" / "knowledge"
TODAY = dt.date(2026, 11, 21)
CASE_SUFFIXES = (".yml", ".yaml", ".md", ".link", ".dir")
BASE_FILES = read_folder(BASE_KNOWLEDGE, SECOND_GUIDE)[0]
"""The second guide's knowledge files, read once: ``{"content/knowledge/<name>": bytes}``."""


def knowledge_problems(files: dict[str, bytes | str]) -> list[str]:
    """Every problem line the loader reports for the second guide's knowledge base with ``files``
    added or replaced (keys are file names inside ``content/knowledge/``)."""
    merged = {**BASE_FILES, **{f"content/knowledge/{name}": raw for name, raw in files.items()}}
    try:
        kb = load_knowledge_files(merged, today=TODAY)
    except ProblemsFound as found:
        return [str(p) for p in found.problems]
    return [str(p) for p in kb.warnings]


def base_knowledge() -> KnowledgeBase:
    return load_knowledge_files(BASE_FILES, today=TODAY)


def _in_memory(case: Path) -> bool:
    return case.suffix.lower() in (".yml", ".yaml")


def cases(folder: str) -> list[Path]:
    """The cases of one corpus folder, in a stable order."""
    return sorted(p for p in (FIXTURES / folder).iterdir() if p.suffix.lower() in CASE_SUFFIXES)


def place_case(case: Path, folder: Path, outside: Path, default_suffix: str = ".yml") -> Path:
    """Put ``case`` into ``folder`` as an editor's file would be; return its path there."""
    if case.suffix == ".dir":
        target = folder / f"{case.stem}{default_suffix}"
        target.mkdir()
        (target / "README.txt").write_text("not YAML\n", encoding="utf-8")
        return target
    if case.suffix == ".link":
        link = folder / f"{case.stem}{default_suffix}"
        spec = case.read_text(encoding="utf-8").strip()
        if spec == "outside":
            outside.mkdir(exist_ok=True)
            target = outside / f"elsewhere{default_suffix}"
            target.write_text("sources: []\n" if default_suffix == ".yml" else "# Elsewhere\n",
                              encoding="utf-8")
        else:
            target = outside / "missing" if spec == "missing" else Path(spec)
        link.symlink_to(target)
        return link
    shutil.copyfile(case, folder / case.name)
    return folder / case.name


def problems_for_case(case: Path, tmp_path: Path) -> list[str]:
    """Every problem line the loader reports once ``case`` joins a valid knowledge base."""
    if _in_memory(case):
        return knowledge_problems({case.name: case.read_bytes()})
    project = tmp_path / "project"
    knowledge = project / "content" / "knowledge"
    shutil.copytree(BASE_KNOWLEDGE, knowledge)
    place_case(case, knowledge, tmp_path / "outside")
    try:
        kb = load_knowledge(knowledge, project_root=project, today=TODAY)
    except ProblemsFound as found:
        return [str(p) for p in found.problems]
    return [str(p) for p in kb.warnings]


def calculator_problems_for_case(case: Path, tmp_path: Path) -> list[str]:
    """Every problem reported for one calculator file, checked against the second guide's
    knowledge base (whose costs include ``gpu-hour``)."""
    from decision_guide.calculators.compile import compile_calculators, load_calculators

    kb = base_knowledge()
    if _in_memory(case):
        _, problems = compile_calculators({f"calculators/{case.name}": case.read_bytes()}, kb)
        return [str(p) for p in sorted(problems)]
    project = tmp_path / "project"
    folder = project / "calculators"
    folder.mkdir(parents=True)
    place_case(case, folder, tmp_path / "outside")
    _, problems = load_calculators(folder, kb, project_root=project)
    return [str(p) for p in sorted(problems)]


def page_problems_for_case(case: Path, tmp_path: Path) -> list[str]:
    """The problem lines a build stops with once page ``case`` joins the second guide: the
    plugin's own ``on_config``, which checks every page before MkDocs touches the site."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError

    project = tmp_path / "project"
    shutil.copytree(SECOND_GUIDE, project)
    place_case(case, project / "content" / "pages", tmp_path / "outside", ".md")
    previous = os.environ.get("DECISION_GUIDE_TODAY")
    os.environ["DECISION_GUIDE_TODAY"] = TODAY.isoformat()
    try:
        config = load_config(str(project / "mkdocs.yml"))
        config.plugins.on_config(config)
    except PluginError as error:
        return str(error).splitlines()[1:]
    finally:
        if previous is None:
            os.environ.pop("DECISION_GUIDE_TODAY", None)
        else:
            os.environ["DECISION_GUIDE_TODAY"] = previous
    return []
