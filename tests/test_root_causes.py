"""One mistake, one message: when a file cannot be read, the errors that follow only from its
absence are not reported; an id cited in many places that does not exist is one problem with
the count of the places."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, TODAY
from decision_guide.knowledge.base import load_knowledge
from decision_guide.problems import Problem, ProblemsFound

KNOWLEDGE = ROOT / "content" / "knowledge"
FILES = sorted(p.name for p in KNOWLEDGE.glob("*.yml"))

BREAKAGES: dict[str, Callable[[str], str]] = {
    "syntax error on line 1": lambda text: "oops: [unclosed\n" + text,
    "cut in half": lambda text: text[: len(text) // 2],
    "a list at the top": lambda text: "- " + text.replace("\n", "\n  "),
    "a tab in the indentation": lambda text: text.replace("\n  - ", "\n\t- ", 1),
    "not UTF-8": lambda text: text.replace("\n", "\n# caf\udce9\n", 1),
    "a section that is text": lambda text: re.sub(r"^(\w+):\n(?:[ -].*\n?)*", r"\1: nothing\n",
                                                   text, count=1, flags=re.M),
}


def _problems(folder: Path) -> list[Problem]:
    try:
        kb = load_knowledge(folder, project_root=folder.parent.parent, today=TODAY)
    except ProblemsFound as found:
        return [p for p in found.problems if p.severity == "error"]
    return [p for p in kb.warnings if p.severity == "error"]


@pytest.fixture(scope="module")
def knowledge(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("project") / "content" / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    return folder


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
@pytest.mark.parametrize("name", FILES)
def test_one_bad_file_gives_at_most_five_messages_all_about_it(knowledge: Path, name: str,
                                                               breakage: str) -> None:
    path = knowledge / name
    original = path.read_bytes()
    text = BREAKAGES[breakage](original.decode("utf-8"))
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    try:
        problems = _problems(knowledge)
    finally:
        path.write_bytes(original)
    if text.encode("utf-8", "surrogateescape") == original:
        return  # this breakage does not apply to this file
    assert 1 <= len(problems) <= 5, "\n".join(map(str, problems))
    elsewhere = [p for p in problems if p.path not in (f"content/knowledge/{name}", "content/knowledge")]
    # A file cut at a record boundary is valid YAML with records missing: references to them,
    # one problem per missing id, are then the whole story.
    assert all(p.code == "unknown-reference" for p in elsewhere), "\n".join(map(str, problems))


def test_a_renamed_source_is_one_message_with_the_count_of_its_citations(knowledge: Path) -> None:
    sources = knowledge / "sources.yml"
    original = sources.read_text(encoding="utf-8")
    cited = sum(len(re.findall(r"\banthropic-model-pages\b", p.read_text(encoding="utf-8")))
                for p in knowledge.glob("*.yml") if p.name != "sources.yml")
    sources.write_text(original.replace("id: anthropic-model-pages", "id: anthropic-models"),
                       encoding="utf-8")
    try:
        try:
            load_knowledge(knowledge, project_root=knowledge.parent.parent, today=TODAY)
        except ProblemsFound as found:
            problems = found.problems
    finally:
        sources.write_text(original, encoding="utf-8")
    assert len(problems) == 1, "\n".join(map(str, problems))
    message = problems[0].message
    assert "unknown source id 'anthropic-model-pages'; did you mean 'anthropic-models'?" in message
    assert f"cited in {cited} places" in message
