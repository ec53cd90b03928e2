"""The Python-Markdown extension expands markers wherever Python-Markdown runs (Zensical), with
the same blocks the MkDocs plugin gives and problems at the page's own line."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import markdown
import pytest
from conftest import SECOND_GUIDE, TODAY
from decision_guide.adapters.markdown_ext import GuideExtension, GuideMarkdownError, cached_guide, stamp_line
from decision_guide.guide import load_guide
from decision_guide.site.render import RenderSettings
from markdown.preprocessors import Preprocessor


def options(**overrides: Any) -> dict[str, Any]:
    return {"project_root": str(SECOND_GUIDE), "knowledge_dir": "content/knowledge",
            "docs_dir": "content/pages", "today": TODAY.isoformat(), **overrides}


def convert(text: str, extensions: list[Any] | None = None, **config: Any) -> str:
    return markdown.markdown(text, extensions=[*(extensions or []), "md_in_html", "tables",
                                               GuideExtension(**options(**config))])


def test_markers_become_the_same_blocks_the_plugin_inserts() -> None:
    page = "# Costs\n\n<!-- guide:costs -->\n\nA GPU-hour: <!-- guide:cost id=gpu-hour -->.\n"
    guide = load_guide(SECOND_GUIDE / "content" / "knowledge", None, project_root=SECOND_GUIDE,
                       settings=RenderSettings(today=TODAY))
    expected, problems = guide.expand(page, "index.md", "index.md")
    assert problems == []
    html = convert(page)
    assert "guide:" not in html
    assert markdown.markdown(expected, extensions=["md_in_html", "tables"]) == html
    assert 'data-cost="gpu-hour"' in html


def test_text_without_markers_is_left_alone() -> None:
    assert convert("Plain *text* with `guide:` in code.") == markdown.markdown(
        "Plain *text* with `guide:` in code.")


class FakeZensicalContext(Preprocessor):
    """What Zensical registers on every conversion: the page being rendered (path relative to
    the docs folder)."""

    def __init__(self, md: markdown.Markdown, path: str) -> None:
        super().__init__(md)
        self.page = SimpleNamespace(path=path)

    def run(self, lines: list[str]) -> list[str]:
        return lines


class FakeZensical(markdown.Extension):
    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802
        md.preprocessors.register(FakeZensicalContext(md, self.path), "rendering_context", 0)


def test_links_are_made_from_the_page_the_engine_is_rendering() -> None:
    page = "<!-- guide:cost id=gpu-hour -->"
    nested = convert(page, [FakeZensical("deep/page.md")])
    top = convert(page)  # no engine context: the 'page' option, index.md by default
    assert 'href="../../reference/prices/#cost-gpu-hour"' in nested
    assert 'href="reference/prices/#cost-gpu-hour"' in top
    as_file = convert(page, [FakeZensical("deep/page.md")], links_relative_to="file")
    assert 'href="../reference/prices.md#cost-gpu-hour"' in as_file


def test_a_bad_marker_stops_the_conversion_at_its_line_in_the_file(tmp_path: Path) -> None:
    docs = tmp_path / "pages"
    docs.mkdir()
    source = "---\ntitle: Broken\n---\n\n# Broken\n\n<!-- guide:cost id=gpu-hours -->\n"
    (docs / "broken.md").write_text(source, encoding="utf-8")
    body = source.split("---\n", 2)[2]  # engines hand extensions the page without front matter
    with pytest.raises(GuideMarkdownError) as raised:
        convert(body, [FakeZensical("broken.md")], docs_dir=os.path.relpath(docs, SECOND_GUIDE))
    message = str(raised.value)
    assert "pages/broken.md:7:1: marker '<!-- guide:cost id=gpu-hours -->'" in message
    assert "did you mean 'gpu-hour'" in message


def test_a_knowledge_base_with_errors_stops_the_conversion_with_every_problem(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(SECOND_GUIDE, project)
    entities = project / "content" / "knowledge" / "entities.yml"
    text = entities.read_text(encoding="utf-8")
    entities.write_text(text.replace("unit: usd-per-gpu-hour", "unit: usd-per-gpu-hours", 1),
                        encoding="utf-8")
    with pytest.raises(GuideMarkdownError, match=r"entities\.yml:42:\d+: .*usd-per-gpu-hours") as raised:
        convert("<!-- guide:costs -->", project_root=str(project))
    assert "Traceback" not in str(raised.value)


def test_a_bad_option_is_a_message_not_a_traceback() -> None:
    with pytest.raises(GuideMarkdownError, match="'today' must be a date as YYYY-MM-DD"):
        convert("<!-- guide:costs -->", today="21/11/2026")
    with pytest.raises(GuideMarkdownError, match="'links_relative_to' must be 'page' or 'file'"):
        convert("<!-- guide:costs -->", links_relative_to="site")


def test_the_guide_is_loaded_once_and_again_after_an_edit(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(SECOND_GUIDE, project)
    extension = GuideExtension(**options(project_root=str(project)))
    first = cached_guide(extension.options())
    assert cached_guide(GuideExtension(**options(project_root=str(project))).options()) is first
    entities = project / "content" / "knowledge" / "entities.yml"
    entities.write_text(entities.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    os.utime(entities, ns=(1, 1))
    assert cached_guide(extension.options()) is not first


def test_the_stamp_generate_appends_is_dropped_and_lines_still_count_from_the_file(
        tmp_path: Path) -> None:
    docs = tmp_path / "pages"
    docs.mkdir()
    source = "---\ntitle: Broken\n---\n\n# Broken\n\n<!-- guide:cost id=gpu-hours -->\n"
    (docs / "broken.md").write_text(source, encoding="utf-8")
    copy = source.split("---\n", 2)[2] + "\n" + stamp_line("0123456789abcdef0123") + "\n"
    with pytest.raises(GuideMarkdownError, match=r"pages/broken\.md:7:1: marker"):
        convert(copy, [FakeZensical("broken.md")], docs_dir=os.path.relpath(docs, SECOND_GUIDE))
    clean = "# Page\n\n<!-- guide:cost id=gpu-hour -->\n"
    assert convert(clean + "\n" + stamp_line("0" * 64) + "\n") == convert(clean)
    assert "decision-guide data" not in convert(clean + stamp_line("f" * 64))
