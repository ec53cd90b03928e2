"""No YAML can hurt a reader: script, event-handler attributes and javascript: links written
into the knowledge base or a calculator come out as harmless text in the built site."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import SECOND_GUIDE, build_project
from site_scan import html_pages

pytestmark = pytest.mark.slow

HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)> [click](javascript:alert(3))'


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.handlers: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handlers += [f"<{tag} {name}>" for name, _ in attrs if name.startswith("on")]


def _event_handler_attributes(html: str) -> list[str]:
    """Attributes such as onerror= on real elements (escaped text inside values is harmless)."""
    parser = _Attributes()
    parser.feed(html)
    return parser.handlers


def _yaml_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def test_hostile_yaml_yields_a_site_without_script_handlers_or_javascript_links(tmp_path: Path) -> None:
    project = tmp_path / "guide"
    shutil.copytree(SECOND_GUIDE, project)
    entities = project / "content" / "knowledge" / "entities.yml"
    text = entities.read_text(encoding="utf-8")
    for old in ("summary: Run open weights on GPUs you rent or own.",
                "description: You operate the *inference server* yourself.",
                "item: One H100 GPU-hour", "statement: About a third of teams self-host at least one model.",
                "title: Data control", "title: Hosting survey"):
        key = old.split(":", 1)[0]
        text = text.replace(old, f"{key}: {_yaml_text(HOSTILE)}")
    text = text.replace("{rating: good, note: Cheap per token once the GPU is busy.}",
                        "{rating: good, note: " + _yaml_text(HOSTILE) + "}")
    entities.write_text(text, encoding="utf-8")
    (project / "calculators").mkdir()
    (project / "calculators" / "hostile.yml").write_text(f"""calculator:
  id: hostile
  title: {_yaml_text(HOSTILE)}
  summary: {_yaml_text(HOSTILE)}
  inputs:
    - {{id: hours, label: {_yaml_text(HOSTILE)}, default: 2, max: 10, help: {_yaml_text(HOSTILE)}}}
    - {{id: rate, label: Rate, cost: gpu-hour, max: 100}}
  values:
    - {{id: total, label: {_yaml_text(HOSTILE)}, formula: hours * rate, output: true}}
""", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "knowledge_dir: content/knowledge",
        "knowledge_dir: content/knowledge\n      calculators_dir: calculators"))
    index = project / "content" / "pages" / "index.md"
    index.write_text(index.read_text() + "\n<!-- guide:calculator id=hostile -->\n")

    site = build_project(project, tmp_path / "site")
    shown = 0
    for page in html_pages(site):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html, page
        handlers = _event_handler_attributes(html)
        assert handlers == [], (page, handlers)
        assert not re.search(r"""(href|src|action)\s*=\s*["']?\s*javascript:""", html, re.I), page
        assert "<img src=x" not in html
        shown += html.count("&lt;script&gt;alert(1)&lt;/script&gt;")
    assert shown >= 5  # the text is there, as text
