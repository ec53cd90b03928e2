"""The plugin keeps Python's garbage collector out of the way of a build: off while the guide
loads (many objects, next to no garbage), then everything loaded frozen so the collector's
passes during page rendering skip it, and thawed again when the build ends, however it ends."""

from __future__ import annotations

import gc
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import SECOND_GUIDE, TODAY
from decision_guide.adapters import site as guide_module
from decision_guide.guide import load_guide
from mkdocs.config import load_config


@pytest.fixture(autouse=True)
def _collector_as_found() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    gc.unfreeze()
    (gc.enable if enabled else gc.disable)()


def _plugin_and_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Any]:
    shutil.copytree(SECOND_GUIDE, tmp_path / "project")
    monkeypatch.setenv("DECISION_GUIDE_TODAY", TODAY.isoformat())
    config = load_config(str(tmp_path / "project" / "mkdocs.yml"))
    plugin = config.plugins["decision-guide"]
    plugin.on_startup(command="build", dirty=False)
    return plugin, config


def test_the_collector_rests_while_the_guide_loads_and_the_guide_is_frozen_until_the_build_ends(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plugin, config = _plugin_and_config(tmp_path, monkeypatch)
    seen = []
    monkeypatch.setattr(guide_module, "load_guide",
                        lambda *a, **k: seen.append(gc.isenabled()) or load_guide(*a, **k))
    gc.enable()
    plugin.on_config(config)
    assert seen == [False]
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0  # the guide, while MkDocs renders the pages
    plugin.on_post_build(config)
    assert gc.get_freeze_count() == 0


def test_a_failed_build_thaws_the_guide_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plugin, config = _plugin_and_config(tmp_path, monkeypatch)
    plugin.on_config(config)
    plugin.on_build_error(error=RuntimeError("a page failed"))
    assert gc.get_freeze_count() == 0


def test_a_guide_that_fails_to_load_leaves_the_collector_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plugin, config = _plugin_and_config(tmp_path, monkeypatch)

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug in the loader")

    monkeypatch.setattr(guide_module, "load_guide", explode)
    gc.enable()
    with pytest.raises(RuntimeError):
        plugin.on_config(config)
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_a_collector_switched_off_by_the_caller_stays_off(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plugin, config = _plugin_and_config(tmp_path, monkeypatch)
    gc.disable()
    plugin.on_config(config)
    assert not gc.isenabled()
