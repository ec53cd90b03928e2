"""The decision wizard's golden cases (``tests/contracts/wizard/*.yml``, with the decision
records in ``records/``) through both twins.

Both run on the spec the build embeds in the wizard's page (read back from the rendered page),
so the Python verdict (``decision-guide decide``) and the browser's cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT
from decision_guide.calculators.decide import DecideError, decide
from decision_guide.calculators.formats import NumberStyle
from decision_guide.guide import Guide, load_guide
from decision_guide.site.record import decision_record
from decision_guide.site.render import RenderSettings, make_environment

CONTRACTS = Path(__file__).parent / "contracts" / "wizard"
GERMAN_WORDS = Path(__file__).parent / "contracts" / "words" / "de.yml"
PAGE = ROOT / "content" / "pages" / "decision-framework.md"
CASES = [(path.stem, case) for path in sorted(CONTRACTS.glob("*.yml"))
         for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]]


def load_default_guide(words: Path | None = None) -> Guide:
    return load_guide(ROOT / "content" / "knowledge", ROOT / "calculators", project_root=ROOT,
                      settings=RenderSettings(today=dt.date(2026, 11, 21), max_age_months=12,
                                              number_style=NumberStyle(locale="de-DE" if words else "en-US"),
                                              words_file=words))


def embedded_spec(guide: Guide) -> dict[str, Any]:
    """The wizard spec exactly as the decision-framework page carries it to the browser."""
    html, problems = guide.expand(PAGE.read_text(encoding="utf-8"), "decision-framework.md",
                                  "content/pages/decision-framework.md")
    assert problems == []
    found = re.findall(r"<template data-wizard-spec data-search-exclude>(.*?)</template>", html, re.S)
    assert len(found) == 1
    spec: dict[str, Any] = json.loads(found[0])
    return spec


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return embedded_spec(load_default_guide())


@pytest.fixture(scope="module")
def german_spec() -> dict[str, Any]:
    """The spec of the default guide built with German words (``contracts/words/de.yml``)."""
    return embedded_spec(load_default_guide(GERMAN_WORDS))


RECORDS = [case for _, case in CASES if "record" in case]


def _german_file(case: dict[str, Any]) -> Path:
    return CONTRACTS / "records" / "de" / Path(case["record"]["file"]).name


def test_there_are_golden_cases_for_every_part_of_the_verdict() -> None:
    files = {name for name, _ in CASES}
    assert files == {"constraints", "errors", "margin", "weights"}
    verdicts = [case["expect"] for _, case in CASES if "expect" in case]
    assert any(v["conflicts"] and v["conflicts"][0]["kind"] == "no-option-left" for v in verdicts)
    assert any(v["conflicts"] and v["conflicts"][0]["kind"] == "favourite-ruled-out" for v in verdicts)
    assert any(v["close_call"] for v in verdicts) and any(v["flip"] for v in verdicts)
    assert any(v["weights"] for v in verdicts)
    records = {case["record"]["file"] for _, case in CASES if "record" in case}
    assert records == {f"records/{path.name}" for path in (CONTRACTS / "records").glob("*.md")}


@pytest.mark.parametrize(("file", "case"), CASES, ids=[f"{n}: {c['case']}" for n, c in CASES])
def test_the_python_twin_gives_the_golden_verdict(spec: dict[str, Any], file: str,
                                                  case: dict[str, Any]) -> None:
    if "error" in case:
        with pytest.raises(DecideError) as raised:
            decide(spec, case["answers"], case.get("weights"))  # type: ignore[arg-type]
        assert str(raised.value) == case["error"]
    else:
        verdict = decide(spec, case["answers"], case.get("weights"))  # type: ignore[arg-type]
        assert verdict == case["expect"]
        if "record" in case:
            record = decision_record(make_environment(), spec, verdict, case["answers"],  # type: ignore[arg-type]
                                     case.get("weights", {}), date=case["record"]["date"],
                                     page_url=case["record"]["page_url"])
            assert record == (CONTRACTS / case["record"]["file"]).read_text(encoding="utf-8")


def test_the_javascript_twin_gives_the_same_golden_verdicts(spec: dict[str, Any], tmp_path: Path) -> None:
    node = shutil.which("node")
    assert node, "node is needed for the runtime's twin"
    (tmp_path / "spec.json").write_text(json.dumps(spec), encoding="utf-8")
    (tmp_path / "cases.json").write_text(json.dumps([c for _, c in CASES]), encoding="utf-8")
    run = subprocess.run([node, str(ROOT / "tests" / "js" / "wizard-contracts.mjs"),
                          str(tmp_path / "spec.json"), str(tmp_path / "cases.json")],
                         capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == 0, run.stderr
    outputs = json.loads(run.stdout)
    assert len(outputs) == len(CASES)
    for (file, case), output in zip(CASES, outputs, strict=True):
        expected = {"error": case["error"]} if "error" in case else {"result": case["expect"]}
        if "record" in case:
            expected["record"] = (CONTRACTS / case["record"]["file"]).read_text(encoding="utf-8")
        assert output == expected, f"{file}: {case['case']}"


def _node_records(spec: dict[str, Any], cases: list[dict[str, Any]], folder: Path) -> list[dict[str, Any]]:
    node = shutil.which("node")
    assert node, "node is needed for the runtime's twin"
    (folder / "spec.json").write_text(json.dumps(spec), encoding="utf-8")
    (folder / "cases.json").write_text(json.dumps(cases), encoding="utf-8")
    run = subprocess.run([node, str(ROOT / "tests" / "js" / "wizard-contracts.mjs"),
                          str(folder / "spec.json"), str(folder / "cases.json")],
                         capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == 0, run.stderr
    outputs: list[dict[str, Any]] = json.loads(run.stdout)
    return outputs


def test_a_record_in_another_language_is_the_same_from_both_twins(german_spec: dict[str, Any],
                                                                  tmp_path: Path) -> None:
    """A guide with German words downloads the same German record from the page as
    ``decision-guide decide --format madr`` writes: the golden records in ``records/de/``."""
    outputs = _node_records(german_spec, RECORDS, tmp_path)
    for case, output in zip(RECORDS, outputs, strict=True):
        verdict = decide(german_spec, case["answers"], case.get("weights"))  # type: ignore[arg-type]
        python = decision_record(make_environment(), german_spec, verdict, case["answers"],  # type: ignore[arg-type]
                                 case.get("weights", {}), date=case["record"]["date"],
                                 page_url=case["record"]["page_url"])
        assert output["record"] == python, case["case"]
        assert python == _german_file(case).read_text(encoding="utf-8"), case["case"]
    held = {p.name for p in (CONTRACTS / "records" / "de").glob("*.md")}
    assert {_german_file(c).name for c in RECORDS} == held
