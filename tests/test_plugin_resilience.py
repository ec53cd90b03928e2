"""Under `mkdocs serve`, any failure while loading the guide (not only a reported problem) keeps
the server up, keeps the last guide that loaded, and shows a banner; a build shows the
traceback of such a bug instead of hiding it."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from conftest import SECOND_GUIDE, TODAY
from decision_guide.adapters import site as guide_module  # on_config loads the guide through it
from decision_guide.guide import load_guide
from mkdocs.config import load_config


def _plugin_and_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                       command: str) -> tuple[Any, Any]:
    project = tmp_path / "project"
    shutil.copytree(SECOND_GUIDE, project)
    monkeypatch.setenv("DECISION_GUIDE_TODAY", TODAY.isoformat())
    config = load_config(str(project / "mkdocs.yml"))
    plugin = config.plugins["decision-guide"]
    plugin.on_startup(command=command, dirty=False)
    return plugin, config


def _page(src_uri: str) -> Any:
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri))


def _explode(*args: object, **kwargs: object) -> None:
    raise RuntimeError("a bug in the loader")


def test_serve_shows_any_exception_in_the_banner_and_keeps_the_last_guide(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plugin, config = _plugin_and_config(tmp_path, monkeypatch, "serve")
    plugin.on_config(config)
    last_good = plugin.guide
    assert last_good is not None and plugin.problems == []
    monkeypatch.setattr(guide_module, "load_guide", _explode)
    plugin.on_config(config)  # does not raise: the server lives on
    assert plugin.guide is last_good
    html = plugin.on_page_content("<h1>Home</h1>", page=_page("index.md"), config=config, files=None)
    assert 'class="dg-banner"' in html
    assert "internal error: RuntimeError: a bug in the loader" in html
    assert "last version that loaded" in html
    monkeypatch.setattr(guide_module, "load_guide", load_guide)
    plugin.on_config(config)  # the next save loads again and the banner goes
    assert plugin.on_page_content("<p>x</p>", page=_page("index.md"), config=config,
                                  files=None) == "<p>x</p>"


def test_a_build_does_not_hide_a_bug(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plugin, config = _plugin_and_config(tmp_path, monkeypatch, "build")
    monkeypatch.setattr(guide_module, "load_guide", _explode)
    with pytest.raises(RuntimeError, match="a bug in the loader"):
        plugin.on_config(config)
