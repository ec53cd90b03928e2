"""The decision-guide command: check, export and schema, on the project and on the second guide."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest
from conftest import ROOT, SECOND_GUIDE
from decision_guide.adapters.cli import build_parser, main


def test_check_on_a_clean_guide_prints_one_summary_line_and_exits_0(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DECISION_GUIDE_TODAY", "2026-11-21")
    assert main(["-f", str(SECOND_GUIDE / "mkdocs.yml"), "check"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1].startswith("OK, no errors (options: 2, criteria: 2")
    assert lines[0].startswith("content/knowledge/entities.yml:")  # the stale 2024 figure
    assert "[stale-figure]" in lines[0] and "warning:" in lines[0]


def test_check_strict_turns_stale_figures_into_a_failure(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DECISION_GUIDE_TODAY", "2026-11-21")
    assert main(["-f", str(SECOND_GUIDE / "mkdocs.yml"), "check", "--strict"]) == 1
    out = capsys.readouterr().out
    assert "cost 'api-tokens' was checked 2 years ago (as of 2024-01)" in out
    assert out.splitlines()[-1] == "0 errors, 1 warning in 1 file"


def test_check_reports_errors_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    project = tmp_path / "guide"
    shutil.copytree(SECOND_GUIDE, project)
    entities = project / "content" / "knowledge" / "entities.yml"
    entities.write_text(entities.read_text().replace("unit: usd-per-gpu-hour", "unit: usd-hour"))
    assert main(["-f", str(project / "mkdocs.yml"), "check"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("content/knowledge/entities.yml:")
    assert "unknown unit id 'usd-hour'" in out[0] and out[-1] == "1 error in 1 file"


def test_export_resolves_references_and_gives_file_and_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-f", str(ROOT / "mkdocs.yml"), "export"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["criteria"]) >= 16 and len(data["patterns"]) >= 7
    latency = next(c for c in data["criteria"] if c["id"] == "latency")
    assert latency["origin"]["path"] == "content/knowledge/criteria.yml"
    assert latency["origin"]["line"] > 1
    first_source = latency["sources"][0]
    assert set(first_source) == {"id", "section", "label", "origin"}
    assert first_source["origin"]["path"] == "content/knowledge/sources.yml"
    cost = next(c for c in data["costs"] if c["conflicts_with"])
    assert cost["conflicts_with"][0]["section"] == "costs"


def test_export_includes_every_calculator_with_its_origin_and_bound_costs(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-f", str(ROOT / "mkdocs.yml"), "export"]) == 0
    data = json.loads(capsys.readouterr().out)
    files = sorted(p.name for p in (ROOT / "calculators").glob("*.yml"))
    assert sorted(c["origin"]["path"].rsplit("/", 1)[1] for c in data["calculators"]) == files
    for calculator in data["calculators"]:
        path, line = calculator["origin"]["path"], calculator["origin"]["line"]
        written = (ROOT / path).read_text(encoding="utf-8").splitlines()[line - 1]
        assert written.strip() == f"id: {calculator['id']}", (path, line, written)
    kinds = {c["kind"] for c in data["calculators"]}
    assert kinds == {"calculator", "wizard"}
    bound = next(c for c in data["calculators"] if c.get("default_costs"))
    input_id, cost = next(iter(bound["default_costs"].items()))
    assert cost["section"] == "costs" and cost["origin"]["path"] == "content/knowledge/costs.yml"
    assert input_id in bound["defaults"]
    wizard = next(c for c in data["calculators"] if c["kind"] == "wizard")
    assert wizard["questions"] and wizard["questions"][0]["section"] == "questions"


def test_every_commands_help_prints_as_written(capsys: pytest.CaptureFixture[str]) -> None:
    """argparse formats help with %-formatting, but not descriptions: '%%' there shows as '%%'."""
    parser = build_parser()
    subcommands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    texts = [parser.format_help()] + [sub.format_help() for sub in subcommands.choices.values()]
    assert len(texts) > 8
    assert not [text for text in texts if "%%" in text or "%(" in text]
