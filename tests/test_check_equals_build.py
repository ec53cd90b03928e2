"""`decision-guide check` and `mkdocs build` give the same verdict on every mkdocs.yml.

Both load the site through ``mkdocs.config.load_config`` and the plugin's config class, so an
option the build refuses (or a warning that ``strict: true`` turns into a failure) must make
``check`` fail too, and an option the build honours (``today``, ``templates_dir``,
``use_directory_urls``, ``site_dir``) must be honoured by ``check``. Each row edits a copy of
the second guide's mkdocs.yml; the build runs as the real ``mkdocs`` command.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SECOND_GUIDE, TODAY
from decision_guide.adapters.cli import main

PLUGIN_LINE = "  - decision-guide:\n"


def _plugin_option(line: str) -> Callable[[str], str]:
    return lambda text: text.replace(PLUGIN_LINE, PLUGIN_LINE + f"      {line}\n")


def _top(line: str) -> Callable[[str], str]:
    return lambda text: text + line + "\n"


def _lenient(edit: Callable[[str], str]) -> Callable[[str], str]:
    return lambda text: edit(text.replace("strict: true", "strict: false"))


VARIANTS: dict[str, tuple[Callable[[str], str], bool]] = {
    "as it is": (lambda text: text, True),
    "unknown plugin option under strict": (_plugin_option("colour: red"), False),
    "unknown plugin option, not strict": (_lenient(_plugin_option("colour: red")), True),
    "unknown MkDocs option under strict": (_top("site_colour: red"), False),
    "today that is not a date": (_plugin_option('today: "21 Nov 2026"'), False),
    "today before the sources' dates": (_plugin_option('today: "2020-01-01"'), False),
    "today pinned, fine": (_plugin_option('today: "2026-11-21"'), True),
    "max_age_months of the wrong type": (
        lambda text: text.replace("max_age_months: 18", "max_age_months: twelve"), False),
    "knowledge_dir that does not exist": (
        lambda text: text.replace("knowledge_dir: content/knowledge", "knowledge_dir: content/nope"), False),
    "templates_dir that does not exist": (_plugin_option("templates_dir: my-templates"), False),
    "templates_dir that exists": (_plugin_option("templates_dir: content"), True),
    "currency that is not ISO 4217": (_plugin_option("currency: EURO"), False),
    "locale CLDR does not know": (_plugin_option("locale: xx-YY"), False),
    "currency and locale of another country": (_plugin_option("currency: GBP\n      locale: en-GB"), True),
    "max_yaml_bytes under a knowledge file's size": (_plugin_option("max_yaml_bytes: 2000"), False),
    "max_yaml_bytes raised": (_plugin_option("max_yaml_bytes: 5000000"), True),
    "max_yaml_bytes of zero": (_plugin_option("max_yaml_bytes: 0"), False),
    "max_yaml_bytes not a number": (_plugin_option("max_yaml_bytes: 1MB"), False),
    "words file with some words in German": (_plugin_option("words: words-de.yml"), True),
    "words file that does not exist": (_plugin_option("words: words-fr.yml"), False),
    "words file with keys the table does not have": (_plugin_option("words: content/knowledge/guide.yml"),
                                                     False),
    "use_directory_urls off": (_top("use_directory_urls: false"), True),
    "use_directory_urls not a boolean": (_top("use_directory_urls: sometimes"), False),
    "site_dir inside docs_dir": (_top("site_dir: content/pages/built"), False),
    "site_dir elsewhere": (_top("site_dir: public"), True),
    "docs_dir that does not exist": (lambda text: text.replace("docs_dir: content/pages", "docs_dir: docs"),
                                     False),
    "YAML syntax error": (_top("nav_extra: [unclosed"), False),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", VARIANTS)
def test_check_and_build_agree(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                               monkeypatch: pytest.MonkeyPatch) -> None:
    edit, builds = VARIANTS[name]
    project = tmp_path / "guide"
    shutil.copytree(SECOND_GUIDE, project)
    config = project / "mkdocs.yml"
    config.write_text(edit(config.read_text(encoding="utf-8")), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DECISION_GUIDE_TODAY": TODAY.isoformat()}
    build = subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "-q"], cwd=project,
                           env=env, capture_output=True, text=True, timeout=120)
    monkeypatch.chdir(project)
    monkeypatch.setenv("DECISION_GUIDE_TODAY", TODAY.isoformat())
    check = main(["check"])
    said = capsys.readouterr()

    assert (build.returncode == 0) == builds, build.stderr
    assert (check == 0) == builds, said.out + said.err
    if not builds:  # the failure is explained, not just signalled
        assert said.out.strip() or said.err.strip(), "check failed without saying why"


@pytest.mark.slow
def test_check_and_build_name_the_size_limit_and_the_file(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "guide"
    shutil.copytree(SECOND_GUIDE, project)
    config = project / "mkdocs.yml"
    config.write_text(_plugin_option("max_yaml_bytes: 2000")(config.read_text(encoding="utf-8")),
                      encoding="utf-8")
    size = (project / "content/knowledge/entities.yml").stat().st_size
    message = (f"content/knowledge/entities.yml:1:1: file is {size:,} bytes, over the limit of "
               "2,000 bytes (max_yaml_bytes); split it into several files or raise "
               "max_yaml_bytes in mkdocs.yml [file-too-large]")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DECISION_GUIDE_TODAY": TODAY.isoformat()}
    build = subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "-q"], cwd=project,
                           env=env, capture_output=True, text=True, timeout=120)
    monkeypatch.chdir(project)
    monkeypatch.setenv("DECISION_GUIDE_TODAY", TODAY.isoformat())
    assert main(["check"]) == 1
    said = capsys.readouterr()
    assert message in build.stderr
    assert message in said.out + said.err
