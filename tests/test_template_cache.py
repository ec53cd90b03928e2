"""Compiled templates outlive the process (``site/template_cache``), like ``.pyc`` files: a new
build reads them instead of compiling, an edited template is compiled again, and a cache that
cannot be written never stops a build."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from decision_guide.site.template_cache import CACHE_ENV, cache_folder, template_bytecode_cache


def _environment(templates: Path) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)),
                              bytecode_cache=template_bytecode_cache())


def _compiles(env: jinja2.Environment, name: str, monkeypatch: pytest.MonkeyPatch) -> int:
    """How many times loading ``name`` in ``env`` runs Jinja's compiler."""
    calls = []
    compile_ = env.compile
    monkeypatch.setattr(env, "compile", lambda *a, **k: calls.append(1) or compile_(*a, **k))
    env.get_template(name)
    return len(calls)


def test_a_new_process_reads_compiled_templates_and_recompiles_an_edited_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    (tmp_path / "t").mkdir()
    page = tmp_path / "t" / "page.html"
    page.write_text("Hello {{ name }}", encoding="utf-8")

    assert _compiles(_environment(tmp_path / "t"), "page.html", monkeypatch) == 1
    fresh = _environment(tmp_path / "t")  # what the next build process makes
    assert _compiles(fresh, "page.html", monkeypatch) == 0
    assert fresh.get_template("page.html").render(name="you") == "Hello you"

    page.write_text("Goodbye {{ name }}", encoding="utf-8")
    edited = _environment(tmp_path / "t")
    assert _compiles(edited, "page.html", monkeypatch) == 1
    assert edited.get_template("page.html").render(name="you") == "Goodbye you"


def test_the_cache_is_private_to_the_user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    assert template_bytecode_cache() is not None
    assert (tmp_path / "cache").stat().st_mode & 0o777 == 0o700


def test_the_cache_lives_in_the_users_cache_folder_unless_told_otherwise(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_folder() == tmp_path / "decision-guide" / "templates"
    monkeypatch.setenv(CACHE_ENV, "")
    assert cache_folder() is None
    assert template_bytecode_cache() is None


def test_a_cache_that_cannot_be_written_only_means_compiling(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "page.html").write_text("ok", encoding="utf-8")
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    env = _environment(tmp_path / "t")
    (tmp_path / "cache").rmdir()
    (tmp_path / "cache").write_text("a file where the folder was", encoding="utf-8")
    assert env.get_template("page.html").render() == "ok"

    assert template_bytecode_cache() is None  # the folder cannot be made: no cache at all
