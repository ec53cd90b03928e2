"""How the CLI loads a site: through MkDocs' own config loading, with a clear message and exit 1
for every way mkdocs.yml can be unusable, never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import SECOND_GUIDE
from decision_guide.adapters.cli import main


@pytest.fixture
def guide(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    project = tmp_path / "guide"
    shutil.copytree(SECOND_GUIDE, project)
    monkeypatch.chdir(project)
    monkeypatch.setenv("DECISION_GUIDE_TODAY", "2026-11-21")
    return project


def _edit(project: Path, old: str, new: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text
    config.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_missing_mkdocs_yml_is_named_with_what_to_do(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 1
    assert capsys.readouterr().err == (
        "decision-guide: no mkdocs.yml here; run from the site's folder or pass -f PATH/mkdocs.yml\n")


def test_a_yaml_syntax_error_in_mkdocs_yml_is_one_message(
        guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (guide / "mkdocs.yml").write_text("site_name: [unclosed\n", encoding="utf-8")
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("decision-guide: mkdocs.yml: MkDocs encountered an error parsing")
    assert "line 2" in err


def test_an_unknown_plugin_option_is_located_in_mkdocs_yml_and_fails_under_strict(
        guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _edit(guide, "max_age_months: 18", "max_age_months: 18\n      colour: red")
    assert main(["check"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "mkdocs.yml:11:7: warning: Config value 'plugins': Plugin 'decision-guide' option 'colour': "
        "Unrecognised configuration name: colour [mkdocs-config]",
        "0 errors, 1 warning in 1 file"]


def test_an_unknown_option_is_a_warning_when_the_site_is_not_strict(
        guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _edit(guide, "max_age_months: 18", "max_age_months: 18\n      colour: red")
    _edit(guide, "strict: true", "strict: false")
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "Unrecognised configuration name: colour [mkdocs-config]" in out
    assert out.splitlines()[-1].startswith("OK, no errors")
    assert main(["check", "--strict"]) == 1  # as 'mkdocs build --strict' would


def test_a_bad_option_value_is_an_error_at_its_line(guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _edit(guide, "knowledge_dir: content/knowledge", "knowledge_dir: content/knowlege")
    assert main(["check"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("mkdocs.yml:9:7: Config value 'plugins': Plugin 'decision-guide' option "
                             "'knowledge_dir': The path '")
    assert out[0].endswith("content/knowlege' isn't an existing directory. [mkdocs-config]")


def test_a_bad_today_is_an_error_at_its_line(guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _edit(guide, "max_age_months: 18", 'max_age_months: 18\n      today: "tomorrow"')
    assert main(["check"]) == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        "mkdocs.yml:11:7: Config value 'plugins': Plugin 'decision-guide' option 'today': "
        "expected a date as YYYY-MM-DD; got 'tomorrow' [mkdocs-config]")


def test_a_bad_today_in_the_environment_is_one_message(
        guide: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DECISION_GUIDE_TODAY", "soon")
    assert main(["check"]) == 1
    assert capsys.readouterr().err == (
        "decision-guide: DECISION_GUIDE_TODAY must be a date as YYYY-MM-DD; got 'soon'\n")


def test_a_site_without_the_plugin_is_told_how_to_add_it(
        guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _edit(guide, "  - decision-guide:\n      knowledge_dir: content/knowledge\n      max_age_months: 18\n",
          "  - search\n")
    assert main(["check"]) == 1
    assert capsys.readouterr().err == ("decision-guide: mkdocs.yml does not use the decision-guide plugin; "
                                       "add '- decision-guide' under 'plugins:'\n")


def test_options_are_read_relative_to_mkdocs_yml_not_the_working_folder(
        guide: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(guide.parent)
    assert main(["-f", "guide/mkdocs.yml", "check"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("OK, no errors (options: 2")
