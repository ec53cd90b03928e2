"""The bad-input corpus: every case file produces exactly the problems in its .expected file,
the CLI exits 1 on it without a traceback, and a failed build leaves the last good site alone."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, TODAY
from corpus import (
    BASE_FILES,
    base_knowledge,
    calculator_problems_for_case,
    cases,
    knowledge_problems,
    page_problems_for_case,
    problems_for_case,
)
from decision_guide.calculators.compile import compile_calculators
from decision_guide.knowledge.base import load_knowledge_files
from decision_guide.knowledge.files import read_folder
from decision_guide.problems import ProblemsFound
from site_scan import folder_digest

FIXTURES = Path(__file__).parent / "fixtures"
KNOWLEDGE_CASES = cases("invalid")
CALCULATOR_CASES = cases("invalid-calculators")
PAGE_CASES = cases("invalid-pages")


def test_the_corpus_covers_at_least_eighty_cases() -> None:
    assert len(KNOWLEDGE_CASES) + len(CALCULATOR_CASES) + len(PAGE_CASES) >= 80


def test_every_case_has_its_expected_problems() -> None:
    for case in [*KNOWLEDGE_CASES, *CALCULATOR_CASES, *PAGE_CASES]:
        assert case.with_suffix(".expected").is_file(), case


@pytest.mark.parametrize("case", KNOWLEDGE_CASES, ids=[c.stem for c in KNOWLEDGE_CASES])
def test_knowledge_case_reports_exactly_the_expected_problems(case: Path, tmp_path: Path) -> None:
    expected = case.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    assert problems_for_case(case, tmp_path) == expected


@pytest.mark.parametrize("case", CALCULATOR_CASES, ids=[c.stem for c in CALCULATOR_CASES])
def test_calculator_case_reports_exactly_the_expected_problems(case: Path, tmp_path: Path) -> None:
    expected = case.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    assert calculator_problems_for_case(case, tmp_path) == expected


def test_a_file_over_the_size_limit_is_refused_before_parsing() -> None:
    # Built here, not committed: a megabyte of padding after a valid start.
    text = "sources: []\n" + "# padding\n" * 110_000
    assert knowledge_problems({"too-large.yml": text}) == [
        "content/knowledge/too-large.yml:1:1: file is 1,100,012 bytes, over the limit of "
        "1,000,000 bytes (max_yaml_bytes); split it into several files or raise max_yaml_bytes "
        "in mkdocs.yml [file-too-large]"]


def test_a_file_just_under_the_size_limit_is_read() -> None:
    text = "sources: []\n" + "#" * (1_000_000 - 14) + "\n"
    assert len(text) == 999_999
    assert knowledge_problems({"almost-too-large.yml": text}) == []


def test_the_size_limit_is_the_callers_to_set() -> None:
    largest = max(len(raw) for raw in BASE_FILES.values())
    text = "sources: []\n" + "#" * largest + "\n"
    with pytest.raises(ProblemsFound) as found:
        load_knowledge_files({**BASE_FILES, "content/knowledge/extra.yml": text}, today=TODAY,
                             max_bytes=largest)
    assert [str(p) for p in found.value.problems] == [
        f"content/knowledge/extra.yml:1:1: file is {len(text):,} bytes, over the limit of "
        f"{largest:,} bytes (max_yaml_bytes); split it into several files or raise max_yaml_bytes "
        "in mkdocs.yml [file-too-large]"]
    raised = load_knowledge_files({**BASE_FILES, "content/knowledge/extra.yml": text}, today=TODAY,
                                  max_bytes=2_000_000)
    assert raised.guide == base_knowledge().guide


def test_a_calculator_file_over_the_limit_is_refused_too() -> None:
    compiled, problems = compile_calculators({"calculators/big.yml": b"#" * 2_000}, base_knowledge(),
                                             max_bytes=1_000)
    assert (compiled, [p.code for p in problems]) == ({}, ["file-too-large"])


def test_a_file_on_disk_over_the_limit_is_not_read_and_its_size_is_told(tmp_path: Path) -> None:
    (tmp_path / "big.yml").write_bytes(b"#" * 3_000_000)
    (tmp_path / "small.yml").write_bytes(b"#" * 1_000)
    files, problems = read_folder(tmp_path, tmp_path, max_bytes=1000)
    assert list(files) == ["small.yml"]
    assert [str(p) for p in problems] == [
        "big.yml:1:1: file is 3,000,000 bytes, over the limit of 1,000 bytes (max_yaml_bytes); "
        "split it into several files or raise max_yaml_bytes in mkdocs.yml [file-too-large]"]


@pytest.mark.parametrize("case", PAGE_CASES, ids=[c.stem for c in PAGE_CASES])
def test_page_case_stops_the_build_with_exactly_the_expected_problems(case: Path,
                                                                     tmp_path: Path) -> None:
    expected = case.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    assert page_problems_for_case(case, tmp_path) == expected


def _copy_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(
        ".venv", "site", ".git", "tests", "node_modules", "__pycache__"))
    return project


@pytest.mark.slow
@pytest.mark.parametrize("case", [FIXTURES / "invalid" / "alias-bomb.yml",
                                  FIXTURES / "invalid" / "not-utf8.yml",
                                  FIXTURES / "invalid-calculators" / "formula-cycle.yml"],
                         ids=lambda c: c.stem)
def test_cli_and_build_fail_cleanly_and_keep_the_last_good_site(case: Path, tmp_path: Path) -> None:
    project = _copy_project(tmp_path)
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}
    build_command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    good = subprocess.run(build_command, cwd=project, env=env, capture_output=True, text=True)
    assert good.returncode == 0, good.stderr
    before = folder_digest(project / "site")

    folder = "calculators" if case.parent.name == "invalid-calculators" else "content/knowledge"
    shutil.copyfile(case, project / folder / case.name)
    build = subprocess.run(build_command, cwd=project, env=env, capture_output=True, text=True)
    check = subprocess.run([sys.executable, "-m", "decision_guide.adapters.cli", "check"], cwd=project,
                           env=env, capture_output=True, text=True)
    message = case.with_suffix(".expected").read_text(encoding="utf-8").splitlines()[0]
    for run, output in ((build, build.stderr), (check, check.stdout)):
        assert run.returncode == 1
        assert "Traceback" not in run.stdout + run.stderr
        assert message in output
    assert folder_digest(project / "site") == before
