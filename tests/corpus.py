"""Runs one bad-input case: the second guide's knowledge base plus one broken file."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from decision_guide.knowledge.base import load_knowledge
from decision_guide.problems import ProblemsFound

FIXTURES = Path(__file__).parent / "fixtures"
BASE_KNOWLEDGE = FIXTURES / "second-guide" / "content" / "knowledge"
TODAY = dt.date(2026, 11, 21)


def problems_for_case(case: Path, tmp_path: Path) -> list[str]:
    """Every problem line the loader reports once ``case`` joins a valid knowledge base."""
    knowledge = tmp_path / "content" / "knowledge"
    shutil.copytree(BASE_KNOWLEDGE, knowledge)
    shutil.copyfile(case, knowledge / case.name)
    try:
        kb = load_knowledge(knowledge, project_root=tmp_path, today=TODAY)
    except ProblemsFound as found:
        return [str(p) for p in found.problems]
    return [str(p) for p in kb.warnings]


def calculator_problems_for_case(case: Path, tmp_path: Path) -> list[str]:
    """Every problem reported for one calculator file, checked against the second guide's
    knowledge base (whose costs include ``gpu-hour``)."""
    from decision_guide.calculators.compile import load_calculators

    kb = load_knowledge(BASE_KNOWLEDGE, project_root=BASE_KNOWLEDGE.parent.parent, today=TODAY)
    folder = tmp_path / "calculators"
    folder.mkdir()
    shutil.copyfile(case, folder / case.name)
    _, problems = load_calculators(folder, kb, project_root=tmp_path)
    return [str(p) for p in sorted(problems)]
