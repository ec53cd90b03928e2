"""``decision-guide new DIR``: a small guide that passes ``check`` as written, in the currency and
locale asked for, and a clear refusal for a folder in use or an unknown option."""

from __future__ import annotations

from pathlib import Path

import pytest
from decision_guide.adapters.cli import main
from decision_guide.adapters.site import load_site
from decision_guide.site.pages import generated_pages


def test_new_writes_a_guide_that_check_accepts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "guide"
    assert main(["new", str(target)]) == 0
    assert capsys.readouterr().out.startswith(f"Created 10 files in {target}.")
    written = sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file())
    assert written == [
        "README.md", "calculators/lease-or-buy.yml", "calculators/wizard.yml",
        "content/knowledge/entities.yml", "content/knowledge/guide.yml", "content/pages/decide.md",
        "content/pages/index.md", "content/schema/calculator.schema.json",
        "content/schema/knowledge.schema.json", "mkdocs.yml"]
    assert main(["-f", str(target / "mkdocs.yml"), "check"]) == 0
    assert capsys.readouterr().out.startswith(
        "OK, no errors (options: 2, criteria: 3, costs: 2, questions: 2, sources: 2, calculators: 2)")


def test_a_section_the_guide_does_not_use_gets_no_empty_pages(tmp_path: Path) -> None:
    """The new guide has no patterns, use cases or facts: no "All patterns" page listing nothing
    (and no note from MkDocs about pages left out of the nav)."""
    assert main(["new", str(tmp_path / "guide")]) == 0
    guide = load_site(tmp_path / "guide" / "mkdocs.yml").load_guide()
    pages = [page.src_uri for page in generated_pages(guide.renderer)]
    assert pages == ["criteria/index.md", "criteria/cash-up-front.md", "criteria/total-cost.md",
                     "criteria/flexibility.md", "reference/prices.md", "reference/sources.md"]


def test_new_writes_the_currency_and_locale_asked_for(tmp_path: Path) -> None:
    target = tmp_path / "guide"
    assert main(["new", str(target), "--currency", "EUR", "--locale", "de-DE"]) == 0
    config = (target / "mkdocs.yml").read_text(encoding="utf-8")
    assert "      currency: EUR\n      locale: de-DE\n" in config
    assert '{id: per-month, label: "EUR / month"}' in (target / "content/knowledge/guide.yml").read_text()
    assert "__" not in "".join(p.read_text() for p in target.rglob("*.yml"))


def test_new_refuses_a_folder_that_is_not_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["new", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (
        f"decision-guide: {tmp_path} is not empty; choose a new folder (new never overwrites files)\n")
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_new_accepts_an_empty_folder(tmp_path: Path) -> None:
    assert main(["new", str(tmp_path)]) == 0
    assert (tmp_path / "mkdocs.yml").is_file()


@pytest.mark.parametrize(("option", "message"), [
    (["--currency", "EURO"], "unknown currency 'EURO'; expected an ISO 4217 code"),
    (["--locale", "german"], "unknown locale 'german'; expected a BCP 47 tag"),
])
def test_new_refuses_an_unknown_currency_or_locale_before_writing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], option: list[str], message: str) -> None:
    assert main(["new", str(tmp_path / "guide"), *option]) == 1
    assert message in capsys.readouterr().err
    assert not (tmp_path / "guide").exists()
