"""``decision-guide generate`` writes one folder an engine without plugins builds the guide from:
the pages (hand-written and generated), the assets, and a config with the nav and the marker
extension. It never touches the site's own files and is idempotent."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import SECOND_GUIDE, TODAY
from decision_guide.adapters.cli import main
from decision_guide.adapters.generate import (
    EXTENSION,
    GenerateError,
    SiteSources,
    Tagged,
    generate,
    read_config,
)
from decision_guide.problems import ProblemsFound
from decision_guide.site.render import RenderSettings

SETTINGS = RenderSettings(today=TODAY, max_age_months=18)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(SECOND_GUIDE, target, ignore=shutil.ignore_patterns("site", "build"))
    return target


def sources(project: Path) -> SiteSources:
    return SiteSources(project / "mkdocs.yml", project / "content" / "pages",
                       project / "content" / "knowledge", None,
                       documents=snapshot(project / "content" / "pages"))


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_folder_holds_every_page_the_assets_and_a_config(project: Path) -> None:
    out = project / "build" / "zensical"
    generate(sources(project), SETTINGS, out)
    docs = out / "docs"
    copied = (docs / "index.md").read_text(encoding="utf-8")
    assert copied.startswith((project / "content" / "pages" / "index.md").read_text(encoding="utf-8"))
    for page in ("criteria/index.md", "criteria/unit-cost.md", "reference/prices.md",
                 "reference/sources.md", "reference/facts.md"):
        assert (docs / page).is_file(), page
    assert (docs / "assets" / "decision-guide" / "decision-guide.css").is_file()
    assert not (docs / "assets" / "decision-guide" / "calculators").exists()  # no calculators here
    assert (out / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


def test_the_config_is_the_sites_own_with_the_plugins_work_done(project: Path) -> None:
    out = project / "build" / "zensical"
    generate(sources(project), SETTINGS, out)
    config = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    original = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_name"] == original["site_name"]
    assert (config["docs_dir"], config["site_dir"]) == ("docs", "site")
    assert config["plugins"] == []  # the decision-guide plugin is replaced by the extension
    extension = config["markdown_extensions"][-1][EXTENSION]
    assert extension["project_root"] == str(project)
    assert (extension["knowledge_dir"], extension["docs_dir"]) == ("content/knowledge", "content/pages")
    assert (extension["today"], extension["max_age_months"]) == (TODAY.isoformat(), 18)
    assert extension["links_relative_to"] == "file"
    assert config["markdown_extensions"][:-1] == original["markdown_extensions"]
    assert config["nav"] == original["nav"]  # index pages list their entities; the nav does not
    assert config["extra_css"] == ["assets/decision-guide/decision-guide.css"]
    assert config["extra_javascript"] == ["assets/decision-guide/decision-guide.js"]  # classic


def test_generated_pages_link_markdown_files_for_the_engine_to_resolve(project: Path) -> None:
    out = project / "build" / "zensical"
    generate(sources(project), SETTINGS, out)
    prices = (out / "docs" / "reference" / "prices.md").read_text(encoding="utf-8")
    assert 'href="sources.md#source-' in prices


def test_tags_paths_and_other_plugins_survive(project: Path) -> None:
    config_file = project / "mkdocs.yml"
    text = config_file.read_text(encoding="utf-8").replace(
        "theme:\n", "theme:\n  custom_dir: overrides\n").replace(
        "plugins:\n", "plugins:\n  - search\n")
    text += ("extra:\n  analytics: !ENV [ANALYTICS_ID, none]\n"
             "  emoji: !!python/name:material.extensions.emoji.twemoji\n")
    config_file.write_text(text, encoding="utf-8")
    (project / "overrides").mkdir()
    out = project / "build" / "zensical"
    generate(sources(project), SETTINGS, out)
    written = (out / "mkdocs.yml").read_text(encoding="utf-8")
    assert written.startswith("# Written by 'decision-guide generate' from mkdocs.yml")
    config = read_config(out / "mkdocs.yml")
    assert config["theme"]["custom_dir"] == "../../overrides"
    assert config["plugins"] == ["search"]
    assert config["extra"]["analytics"] == Tagged("!ENV", ["ANALYTICS_ID", "none"])
    assert config["extra"]["emoji"] == Tagged(
        "tag:yaml.org,2002:python/name:material.extensions.emoji.twemoji", "")


def test_a_second_run_changes_nothing_and_a_removed_page_disappears(project: Path) -> None:
    out = project / "build" / "zensical"
    first = generate(sources(project), SETTINGS, out)
    assert first.written and not first.removed
    before = snapshot(out)
    again = generate(sources(project), SETTINGS, out)
    assert (again.written, again.removed) == ((), ())
    assert snapshot(out) == before
    (out / "site").mkdir()
    (out / "site" / "index.html").write_text("built by the engine", encoding="utf-8")
    extra = project / "content" / "pages" / "extra.md"
    extra.write_text("# Extra\n", encoding="utf-8")
    assert generate(sources(project), SETTINGS, out).written == ("docs/extra.md",)
    extra.unlink()
    assert generate(sources(project), SETTINGS, out).removed == ("docs/extra.md",)
    assert (out / "site" / "index.html").is_file()  # the engine's output is left alone


def test_the_sites_own_folders_are_never_written(project: Path) -> None:
    before = snapshot(project)
    for output in (project, project / "content" / "pages" / "generated", project / "content"):
        with pytest.raises(GenerateError, match="would mix generated files with the site's own"):
            generate(sources(project), SETTINGS, output)
    assert snapshot(project) == before


def test_a_folder_it_did_not_write_is_refused(project: Path) -> None:
    foreign = project / "notes"
    foreign.mkdir()
    (foreign / "todo.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(GenerateError, match="not empty and was not written by decision-guide"):
        generate(sources(project), SETTINGS, foreign)
    assert [p.name for p in foreign.iterdir()] == ["todo.txt"]


def test_problems_in_a_page_stop_it_before_anything_is_written(project: Path) -> None:
    page = project / "content" / "pages" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- guide:costs kind=gpu -->\n",
                    encoding="utf-8")
    out = project / "build" / "zensical"
    with pytest.raises(ProblemsFound) as found:
        generate(sources(project), SETTINGS, out)
    assert [str(p) for p in found.value.problems] == [
        "content/pages/index.md:19:1: marker '<!-- guide:costs kind=gpu -->': block 'costs' has no "
        "argument 'kind'; arguments: category, costs [bad-marker]"]
    assert not out.exists()


def test_a_hand_written_page_cannot_take_a_generated_pages_place(project: Path) -> None:
    clash = project / "content" / "pages" / "reference" / "prices.md"
    clash.parent.mkdir()
    clash.write_text("# My prices\n", encoding="utf-8")
    with pytest.raises(GenerateError, match=r"content/pages/reference/prices\.md has the path of a "
                                            "generated page"):
        generate(sources(project), SETTINGS, project / "build" / "zensical")


def test_the_command_writes_the_folder_next_to_mkdocs_yml_and_says_how_to_build_it(
        project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DECISION_GUIDE_TODAY", TODAY.isoformat())
    monkeypatch.chdir(project)
    assert main(["generate"]) == 0
    out = capsys.readouterr().out
    assert "build/zensical: " in out and " 0 removed, 0 unchanged." in out
    assert out.rstrip().endswith("Build it with: zensical build -f build/zensical/mkdocs.yml")
    assert (project / "build" / "zensical" / "docs" / "criteria" / "unit-cost.md").is_file()
    assert main(["generate"]) == 0
    assert " 0 files written, 0 removed, " in capsys.readouterr().out


def test_the_command_refuses_a_folder_of_the_site_with_a_message(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-f", str(project / "mkdocs.yml"), "generate", "-o",
                 str(project / "content" / "pages")]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith("decision-guide: ") and "would mix generated files" in captured.err
    assert "Traceback" not in captured.err


def test_the_command_takes_the_pages_a_build_takes_and_leaves_out_excluded_ones(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DECISION_GUIDE_TODAY", TODAY.isoformat())
    (project / "content" / "pages" / "draft.md").write_text(
        "# Draft\n\n<!-- guide:no-such-block -->\n", encoding="utf-8")
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("exclude_docs: draft.md\n")
    assert main(["-f", str(project / "mkdocs.yml"), "generate"]) == 0
    assert not (project / "build" / "zensical" / "docs" / "draft.md").exists()


def test_the_command_names_a_page_that_is_not_utf8_instead_of_a_traceback(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "content" / "pages" / "notes.md").write_bytes(b"# Notes\n\ncaf\xe9\n")
    assert main(["-f", str(project / "mkdocs.yml"), "generate"]) == 1
    out = capsys.readouterr().out
    assert "content/pages/notes.md:3:4: byte 0xe9 is not valid UTF-8; save the file as UTF-8 " \
           "[not-utf8]" in out
    assert not (project / "build" / "zensical").exists()


def test_a_page_with_markers_changes_when_only_the_yaml_behind_its_blocks_does(project: Path) -> None:
    """Zensical re-renders a page only when its file changes; the stamp at the end of each page
    with markers makes a YAML edit reach the blocks (the extension drops the stamp)."""
    (project / "content" / "pages" / "about.md").write_text("# About\n\nNo markers.\n",
                                                            encoding="utf-8")
    out = project / "build" / "zensical"
    generate(sources(project), SETTINGS, out)
    about, index = (out / "docs" / "about.md").read_bytes(), (out / "docs" / "index.md").read_text()
    assert about == b"# About\n\nNo markers.\n"
    assert re.search(r"\n\n<!-- decision-guide data [0-9a-f]{16} -->\n\Z", index)
    entities = project / "content" / "knowledge" / "entities.yml"
    entities.write_text(entities.read_text(encoding="utf-8").replace("value: 2.5", "value: 2.75", 1),
                        encoding="utf-8")
    assert "docs/index.md" in generate(sources(project), SETTINGS, out).written
    assert (out / "docs" / "about.md").read_bytes() == about
    assert (out / "docs" / "index.md").read_text() != index


def test_a_page_with_markers_changes_when_only_the_words_file_does(project: Path) -> None:
    """The guide's words (``words`` option) are made into the blocks too: editing them reaches
    the pages an engine without plugins renders, and the extension is told where they are."""
    words = project / "words.yml"
    words.write_text("blocks:\n  source: Quelle\n", encoding="utf-8")
    settings = RenderSettings(today=TODAY, max_age_months=18, words_file=words)
    out = project / "build" / "zensical"
    generate(sources(project), settings, out)
    index = (out / "docs" / "index.md").read_text()
    words.write_text("blocks:\n  source: Quellen\n", encoding="utf-8")
    assert "docs/index.md" in generate(sources(project), settings, out).written
    assert (out / "docs" / "index.md").read_text() != index
    config = read_config(out / "mkdocs.yml")
    extensions = config["markdown_extensions"]
    options = next(e for e in extensions if isinstance(e, dict) and EXTENSION in e)[EXTENSION]
    assert options["words"] == "words.yml" and options["locale"] == "en-US"
