"""Reading a folder of YAML files: the one way in from disk, for knowledge and calculators."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus import TODAY, base_knowledge
from decision_guide.calculators.compile import load_calculators
from decision_guide.knowledge.base import load_knowledge
from decision_guide.knowledge.files import display_path, read_folder
from decision_guide.problems import ProblemsFound


def test_reads_every_yaml_file_under_the_folder_as_bytes_in_path_order(tmp_path: Path) -> None:
    (tmp_path / "k" / "sub").mkdir(parents=True)
    (tmp_path / "k" / "b.yml").write_bytes(b"b: 1\n")
    (tmp_path / "k" / "sub" / "a.yaml").write_bytes(b"\xff")
    (tmp_path / "k" / "notes.txt").write_text("not YAML")
    assert read_folder(tmp_path / "k", tmp_path) == ({"k/b.yml": b"b: 1\n", "k/sub/a.yaml": b"\xff"}, [])


def test_a_path_outside_the_project_is_shown_as_given(tmp_path: Path) -> None:
    assert display_path(tmp_path / "project" / "k.yml", tmp_path / "project") == "k.yml"
    assert display_path(tmp_path / "elsewhere" / "k.yml", tmp_path / "project") == \
        (tmp_path / "elsewhere" / "k.yml").as_posix()


def test_calculators_outside_the_project_root_report_problems_not_a_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "shared-calculators"
    folder.mkdir()
    (folder / "broken.yml").write_text("calculator: [\n", encoding="utf-8")
    _, problems = load_calculators(folder, base_knowledge(), project_root=tmp_path / "project")
    assert [p.path for p in problems] == [(folder / "broken.yml").as_posix()]


def test_an_empty_knowledge_folder_is_one_problem(tmp_path: Path) -> None:
    (tmp_path / "content" / "knowledge").mkdir(parents=True)
    with pytest.raises(ProblemsFound) as found:
        load_knowledge(tmp_path / "content" / "knowledge", today=TODAY)
    assert [str(p) for p in found.value.problems] == [
        "content/knowledge:1:1: no YAML files in the knowledge folder [no-files]"]
