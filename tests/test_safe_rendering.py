"""No YAML can hurt a reader: script, event-handler attributes and javascript: links written
into the knowledge base or a calculator come out as harmless text in the built site."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, SECOND_GUIDE, build_project
from html_check import live_code
from site_scan import html_pages

pytestmark = pytest.mark.slow

HOSTILE = ('<script>alert(1)</script><img src=x onerror=alert(2)> [click](javascript:alert(3)) '
           '" onmouseover="alert(4)" `code` {: onclick=alert(5)} [x](&#106;avascript:alert(6))')


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
                "title: Data control", "title: Hosting survey", "title: GPU price list",
                "publisher: Example Cloud"):
        key = old.split(":", 1)[0]
        text = text.replace(old, f"{key}: {_yaml_text(HOSTILE)}")
    text = text.replace("    url: https://example.com/gpu\n",
                        f"    url: https://example.com/gpu\n    cite_as: {_yaml_text(HOSTILE)}\n")
    text = text.replace("{rating: good, note: Cheap per token once the GPU is busy.}",
                        "{rating: good, note: " + _yaml_text(HOSTILE) + "}")
    entities.write_text(text, encoding="utf-8")
    guide = project / "content" / "knowledge" / "guide.yml"
    guide.write_text(guide.read_text(encoding="utf-8").replace(
        "label: USD / GPU-hour", f"label: {_yaml_text(HOSTILE)}"), encoding="utf-8")
    (project / "calculators").mkdir()
    (project / "calculators" / "hostile.yml").write_text(f"""calculator:
  id: hostile
  title: {_yaml_text(HOSTILE)}
  summary: {_yaml_text(HOSTILE)}
  inputs:
    - {{id: hours, label: "Hours\\u2028a\\u2029day", default: 2, assumption: An example., max: 10,
       help: {_yaml_text(HOSTILE)}}}
    - {{id: rate, label: Rate, cost: gpu-hour, max: 100}}
  values:
    - {{id: total, label: {_yaml_text(HOSTILE)}, formula: hours * rate, output: true}}
""", encoding="utf-8")
    config = project / "mkdocs.yml"
    shutil.copytree(ROOT / "overrides", project / "overrides")  # Material's inline scripts as files
    config.write_text(config.read_text().replace(
        "knowledge_dir: content/knowledge",
        "knowledge_dir: content/knowledge\n      calculators_dir: calculators").replace(
        "  name: material\n", "  name: material\n  custom_dir: overrides\n"))
    index = project / "content" / "pages" / "index.md"
    index.write_text(index.read_text() + "\n<!-- guide:calculator id=hostile -->\n")

    site = build_project(project, tmp_path / "site")
    shown = 0
    specs: list[dict[str, Any]] = []
    for page in html_pages(site):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html, page
        assert live_code(html) == [], page
        assert "<img src=x" not in html
        shown += html.count("&lt;script&gt;alert(1)&lt;/script&gt;")
        for spec in re.findall(r"<template data-calculator-spec[^>]*>(.*?)</template>", html, re.S):
            specs.append(json.loads(spec))
    assert shown >= 5  # the text is there, as text
    assert [s["inputs"][0]["label"] for s in specs] == ["Hours\u2028a\u2029day"]
