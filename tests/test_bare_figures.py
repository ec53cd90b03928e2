"""A price or share typed into prose has no source and no date: pages, YAML free text and
calculator text must write it as a reference, and `decision-guide check` names file:line."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from conftest import SECOND_GUIDE
from decision_guide.adapters.cli import main
from decision_guide.knowledge.base import load_knowledge
from decision_guide.knowledge.inline_refs import bare_figures
from decision_guide.site.prose import page_bare_figures
from decision_guide.site.render import Renderer, RenderSettings


@pytest.mark.parametrize("text", ["$5", "US$ 5", "€0.10", "costs 5 USD", "40 %", "40%", "12 percent",
                                  "50–80%", "$500–5,000"])
def test_currency_amounts_and_percentages_are_bare_figures(text: str) -> None:
    assert bare_figures(f"It is {text} here.")


@pytest.mark.parametrize("text", ["200 ms", "10K tokens", "7B model", "{cost:gpu-hour}",
                                  "{fact:self-host-share}", "1M vectors of 1536 dimensions"])
def test_other_numbers_and_references_are_not(text: str) -> None:
    assert bare_figures(f"It is {text} here.") == []


def test_a_page_reports_each_bare_figure_at_its_line_and_column() -> None:
    page = ("# Title\n\nA GPU costs $5 an hour, 40 % less.\n\n"
            "A marker <!-- guide:cost id=gpu-hour --> and `$5 in code` are fine.\n\n"
            "```\nprice = \"$5\"\n```\n")
    problems = [str(p) for p in page_bare_figures(page, "content/pages/p.md", line_offset=2)]
    assert [p.split(": bare figure")[0] for p in problems] == [
        "content/pages/p.md:5:13", "content/pages/p.md:5:25"]
    assert all(p.endswith("[bare-figure]") for p in problems)


def test_check_fails_on_a_bare_figure_in_a_page_with_file_and_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DECISION_GUIDE_TODAY", "2026-11-21")
    project = tmp_path / "guide"
    shutil.copytree(SECOND_GUIDE, project)
    (project / "content" / "pages" / "extra.md").write_text("# Extra\n\nIt saves 40 % at $5.\n")
    assert main(["-f", str(project / "mkdocs.yml"), "check"]) == 1
    out = capsys.readouterr().out
    assert "content/pages/extra.md:3:10: bare figure '40 %'" in out
    assert "content/pages/extra.md:3:18: bare figure '$5'" in out


def test_check_fails_on_a_bare_figure_in_a_note_with_file_and_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "guide"
    shutil.copytree(SECOND_GUIDE, project)
    entities = project / "content" / "knowledge" / "entities.yml"
    text = entities.read_text()
    entities.write_text(text.replace("    source: gpu-prices\n    confirmed: true\n",
                                     "    source: gpu-prices\n    confirmed: true\n"
                                     "    note: \"About $5 with a discount.\"\n", 1))
    assert main(["-f", str(project / "mkdocs.yml"), "check"]) == 1
    out = capsys.readouterr().out
    line = text.splitlines().index("    confirmed: true") + 2
    assert f"content/knowledge/entities.yml:{line}:11: costs[0].note: bare figure '$5'" in out


def test_a_reference_in_yaml_text_renders_as_the_cited_figure() -> None:
    kb = load_knowledge(SECOND_GUIDE / "content" / "knowledge", project_root=SECOND_GUIDE,
                        today=dt.date(2026, 11, 21))
    ctx = Renderer(kb, RenderSettings(today=dt.date(2026, 11, 21))).context("p.md")
    html = str(ctx.md("Rent *one* at {cost:gpu-hour}; {fact:self-host-share}"))
    assert "<em>one</em>" in html and 'data-cost="gpu-hour"' in html and "as of 2026-09" in html
    assert 'data-fact="self-host-share"' in html and "DGREF" not in html
