"""Under `mkdocs serve --dirty` (how `make serve` runs), a YAML save rebuilds the pages whose text
it changed, generated or hand-written, and leaves the others as they were; a save of mkdocs.yml
or of the theme's custom_dir rebuilds every page; the theme's compiled templates outlive each
rebuild.

The rebuilds run as MkDocs' serve loop runs them (``on_startup`` for serve, a fresh config per
build, ``build(dirty=True)``), in a child process: MkDocs keeps one plugin object per process.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest
from conftest import SECOND_GUIDE, TODAY
from decision_guide.adapters.serve_rebuilds import (
    MemoryBytecodeCache,
    Rebuilds,
    fingerprints,
    site_fingerprint,
)
from decision_guide.site.page_check import ExpandedPages

REBUILD = """
import json, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

site = Path(sys.argv[1])
def config():
    return load_config("mkdocs.yml", site_dir=str(site))

def built():
    return {str(p.relative_to(site)): p.stat().st_mtime_ns for p in site.rglob("index.html")}

first = config()
first.plugins.on_startup(command="serve", dirty=True)
build(first, dirty=True)
before = built()
print(json.dumps(before), flush=True)
while sys.stdin.readline():  # the test edits the YAML, then asks for a rebuild
    build(config(), dirty=True)
    after = built()
    print(json.dumps(sorted(page for page in after if after[page] != before.get(page))), flush=True)
    before = after
"""


def expanded(pages: dict[str, str]) -> ExpandedPages:
    result = ExpandedPages()
    for uri, text in pages.items():
        result.texts[(uri, f"source of {uri}")] = text
    return result


def test_the_first_build_and_any_build_with_problems_rebuild_every_page() -> None:
    rebuilds = Rebuilds()
    prints = fingerprints(expanded({"a.md": "A", "b.md": "B"}), {})
    rebuilds.note(prints, problems=False)
    assert not rebuilds.unchanged("a.md") and not rebuilds.unchanged("b.md")
    rebuilds.note(prints, problems=True)
    assert not rebuilds.unchanged("a.md")
    rebuilds.note(prints, problems=False)  # the banner goes away from every page
    assert not rebuilds.unchanged("a.md")
    rebuilds.note(prints, problems=False)
    assert rebuilds.unchanged("a.md") and rebuilds.unchanged("b.md")


def test_a_page_is_changed_when_its_expansion_or_its_generated_text_differs() -> None:
    rebuilds = Rebuilds()
    rebuilds.note(fingerprints(expanded({"a.md": "A", "b.md": "B", "g.md": "G"}), {"g.md": "t: 1"}),
                  problems=False)
    rebuilds.note(fingerprints(expanded({"a.md": "A2", "b.md": "B", "g.md": "G", "new.md": "N"}),
                               {"g.md": "t: 2"}), problems=False)
    assert [uri for uri in ("a.md", "b.md", "g.md", "new.md") if rebuilds.unchanged(uri)] == ["b.md"]


def test_a_change_to_the_config_or_the_theme_folder_rebuilds_every_page() -> None:
    rebuilds = Rebuilds()
    prints = fingerprints(expanded({"a.md": "A"}), {})
    rebuilds.note(prints, problems=False, site=b"nav 1")
    rebuilds.note(prints, problems=False, site=b"nav 1")
    assert rebuilds.unchanged("a.md")
    rebuilds.note(prints, problems=False, site=b"nav 2")
    assert not rebuilds.unchanged("a.md")
    rebuilds.note(prints, problems=False, site=b"nav 2")
    assert rebuilds.unchanged("a.md")


def test_the_site_fingerprint_follows_the_config_file_and_every_file_of_the_theme_folder(
        tmp_path: Path) -> None:
    config, theme = tmp_path / "mkdocs.yml", tmp_path / "overrides"
    config.write_text("site_name: A\n", encoding="utf-8")
    (theme / "partials").mkdir(parents=True)
    (theme / "main.html").write_text("{% extends 'base.html' %}", encoding="utf-8")

    def now() -> bytes:
        return site_fingerprint(str(config), str(theme))

    seen = [now()]
    assert now() == seen[0], "nothing changed, nothing to rebuild"
    config.write_text("site_name: B\n", encoding="utf-8")
    seen.append(now())
    (theme / "partials" / "footer.html").write_text("<footer></footer>", encoding="utf-8")
    seen.append(now())
    (theme / "partials" / "footer.html").write_text("<footer>edited</footer>", encoding="utf-8")
    seen.append(now())
    (theme / "partials" / "footer.html").unlink()
    seen.append(now())
    assert all(seen[i] != seen[i + 1] for i in range(len(seen) - 1)), "each change is seen"
    assert seen[-1] == seen[1], "the folder is as it was after the config change"
    assert site_fingerprint(str(config), None) == site_fingerprint(str(config), str(tmp_path / "none"))


def test_compiled_templates_outlive_their_environment_and_follow_their_source() -> None:
    cache = MemoryBytecodeCache()
    sources = {"page.html": "Hello {{ name }}"}

    def render() -> str:
        env = jinja2.Environment(loader=jinja2.DictLoader(sources), bytecode_cache=cache)
        return env.get_template("page.html").render(name="reader")

    assert render() == "Hello reader"
    assert len(cache._store) == 1
    assert render() == "Hello reader"  # read back from the cache by a new environment
    sources["page.html"] = "Bye {{ name }}"
    assert render() == "Bye reader"


class Serving:
    """A dirty serve loop in a child process: ``rebuild()`` after an edit says which pages were
    written again."""

    def __init__(self, project: Path, site: Path) -> None:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DECISION_GUIDE_TODAY": TODAY.isoformat()}
        self.child = subprocess.Popen([sys.executable, "-c", REBUILD, str(site)], cwd=project,
                                      env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True)
        assert self.child.stdout is not None and self.child.stdin is not None
        self.stdin, self.stdout = self.child.stdin, self.child.stdout
        self.first: dict[str, int] = json.loads(self.stdout.readline() or "{}")

    def rebuild(self) -> list[str]:
        self.stdin.write("go\n")
        self.stdin.flush()
        return json.loads(self.stdout.readline() or "null")  # type: ignore[no-any-return]

    def close(self) -> str:
        _, errors = self.child.communicate(timeout=120)
        assert self.child.returncode == 0, errors
        return errors


def second_guide(tmp_path: Path) -> tuple[Path, Path]:
    project = tmp_path / "guide"
    shutil.copytree(SECOND_GUIDE, project)
    return project, project / "content/knowledge/entities.yml"


@pytest.mark.slow
def test_a_yaml_save_rebuilds_the_pages_that_show_the_value_and_only_those(tmp_path: Path) -> None:
    project, entities = second_guide(tmp_path)
    site = tmp_path / "site"
    serving = Serving(project, site)
    assert "index.html" in serving.first
    text = entities.read_text(encoding="utf-8")
    assert text.count("    value: 2.5\n") == 1  # the gpu-hour price
    entities.write_text(text.replace("    value: 2.5\n", "    value: 7.25\n"), encoding="utf-8")
    rewritten = serving.rebuild()
    errors = serving.close()
    # the strict site builds dirty without failing on MkDocs' dirty-build notice
    assert "Aborted" not in errors
    assert rewritten == ["index.html", "reference/prices/index.html"]
    assert "7.25" in (site / "index.html").read_text(encoding="utf-8")
    assert "7.25" in (site / "reference/prices/index.html").read_text(encoding="utf-8")
    assert len(serving.first) > 10


@pytest.mark.slow
def test_a_save_of_mkdocs_yml_rebuilds_every_page_with_the_new_nav(tmp_path: Path) -> None:
    project, _ = second_guide(tmp_path)
    site = tmp_path / "site"
    serving = Serving(project, site)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - Sources: reference/sources.md", "  - Where figures come from: reference/sources.md"),
        encoding="utf-8")
    rewritten = serving.rebuild()
    serving.close()
    assert sorted(rewritten) == sorted(serving.first)
    assert all("Where figures come from" in (site / page).read_text(encoding="utf-8")
               for page in serving.first if page != "404.html")


@pytest.mark.slow
def test_a_broken_save_and_its_fix_rebuild_every_page_for_the_banner(tmp_path: Path) -> None:
    project, entities = second_guide(tmp_path)
    site = tmp_path / "site"
    serving = Serving(project, site)
    good = entities.read_text(encoding="utf-8")
    entities.write_text(good.replace("    value: 2.5\n", "    value: [oops\n"), encoding="utf-8")
    broken = serving.rebuild()
    with_banner = [page for page in serving.first
                   if 'class="dg-banner"' in (site / page).read_text(encoding="utf-8")]
    entities.write_text(good, encoding="utf-8")
    fixed = serving.rebuild()
    serving.close()
    assert sorted(broken) == sorted(serving.first) == sorted(with_banner)
    assert sorted(fixed) == sorted(serving.first)
    assert not any('class="dg-banner"' in (site / page).read_text(encoding="utf-8")
                   for page in serving.first)


class FakeServer:
    """What ``watch_quickly`` relies on in MkDocs' live-reload server: ``watch`` schedules its
    handler on ``self.observer``."""

    def __init__(self) -> None:
        from watchdog.observers.polling import PollingObserver

        self.observer = PollingObserver(timeout=0.5)
        self.scheduled: list[tuple[str, float]] = []

    def watch(self, path: str) -> None:
        from watchdog.events import FileSystemEventHandler

        self.observer.schedule(FileSystemEventHandler(), path, recursive=True)
        self.scheduled.append((path, self.observer.timeout))


def test_the_yaml_folders_are_polled_five_times_as_often_as_mkdocs_polls(tmp_path: Path) -> None:
    from decision_guide.adapters.serve_rebuilds import FAST_POLL, watch_quickly

    server = FakeServer()
    usual = server.observer
    observer = watch_quickly(server, [str(tmp_path)])
    try:
        assert server.scheduled == [(str(tmp_path), FAST_POLL)]
        assert server.observer is usual  # the server's own observer is left as it was
        assert observer is not None and observer.is_alive()
    finally:
        assert observer is not None
        observer.stop()


def test_without_an_observer_to_borrow_the_server_watches_as_usual(tmp_path: Path) -> None:
    from decision_guide.adapters.serve_rebuilds import watch_quickly

    watched: list[str] = []

    class Plain:
        def watch(self, path: str) -> None:
            watched.append(path)

    assert watch_quickly(Plain(), [str(tmp_path)]) is None
    assert watched == [str(tmp_path)]
