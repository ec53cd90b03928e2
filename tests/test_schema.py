"""The committed JSON Schemas match the models, and every YAML file points editors at one."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import ROOT
from decision_guide.adapters.cli import main
from decision_guide.exports.schema import SCHEMAS, schema, schema_text

SCHEMA_DIR = ROOT / "content" / "schema"
YAML_FILES = {
    "knowledge": sorted((ROOT / "content" / "knowledge").glob("*.yml")),
    "calculator": sorted((ROOT / "calculators").glob("*.yml")),
}


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_the_committed_schema_is_up_to_date(kind: str) -> None:
    committed = (SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(kind), (
        f"run: .venv/bin/decision-guide schema {kind} -o content/schema/{kind}.schema.json")


@pytest.mark.parametrize(("kind", "path"), [(k, p) for k, files in YAML_FILES.items() for p in files],
                         ids=lambda v: v.name if isinstance(v, Path) else v)
def test_each_yaml_file_names_its_schema_and_satisfies_it(kind: str, path: Path) -> None:
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first_line.startswith(prefix)
    target = (path.parent / first_line.removeprefix(prefix)).resolve()
    assert target == (SCHEMA_DIR / f"{kind}.schema.json").resolve()
    jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema(kind))


def test_the_schema_rejects_an_unknown_key_so_editors_see_typos() -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"sources": [{"id": "x", "titel": "typo"}]}, schema("knowledge"))


def test_the_cli_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "calculator"]) == 0
    assert capsys.readouterr().out == schema_text("calculator")
