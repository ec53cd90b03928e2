"""A knowledge base N times larger, to measure how the build grows: ``python bench/scale.py
--scale N OUT`` writes a copy of the project in OUT whose knowledge base holds N copies of every
entity.

Copy k (k >= 1) of an entity gets the id suffix ``-xk`` and its references to other copied
entities point at copy k too, so each copy is a complete, valid knowledge base of its own, and
nothing refers across copies. The options compared, the guide's settings and the wizard's
questions are not copied (every criterion rates every option, so copying the options would
grow the data quadratically, not N-fold). The copies are spread over several files, each well
under the YAML size limit, as a large knowledge base would be.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path
from typing import Any

import yaml

COPIED = ("criteria", "costs", "patterns", "use_cases", "kpis", "sources", "facts", "quality")
PER_FILE = 100
PROJECT_FILES = ("mkdocs.yml", "overrides", "calculators", "content/pages")


def read_sections(knowledge: Path) -> dict[str, list[dict[str, Any]]]:
    """Every section's records over all files of ``knowledge``, in file order."""
    sections: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(knowledge.rglob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for name, records in data.items():
            if name == "guide":
                sections["guide"] = [records]
            else:
                sections.setdefault(name, []).extend(records)
    return sections


def _rename(value: Any, ids: set[str], suffix: str) -> Any:
    """``value`` with every string that is a copied entity's id given ``suffix``."""
    if isinstance(value, str):
        return value + suffix if value in ids else value
    if isinstance(value, list):
        return [_rename(item, ids, suffix) for item in value]
    if isinstance(value, dict):
        return {key: _rename(item, ids, suffix) for key, item in value.items()}
    return value


def scaled(sections: dict[str, list[dict[str, Any]]], factor: int) -> dict[str, list[dict[str, Any]]]:
    """The sections with ``factor`` copies of every copied entity (copy 0 is the original)."""
    ids = {record["id"] for name in COPIED for record in sections.get(name, [])}
    result = {name: list(records) for name, records in sections.items()}
    for name in COPIED:
        for k in range(1, factor):
            for record in sections.get(name, []):
                copy = _rename({key: value for key, value in record.items() if key != "id"}, ids,
                               f"-x{k}")
                result[name].append({"id": f"{record['id']}-x{k}", **copy})
    return result


def write_knowledge(sections: dict[str, list[dict[str, Any]]], knowledge: Path) -> int:
    """Write ``sections`` as files of at most ``PER_FILE`` records; the number of entities."""
    knowledge.mkdir(parents=True, exist_ok=True)
    count = 0
    for name, records in sections.items():
        if name == "guide":
            _dump({"guide": records[0]}, knowledge / "guide.yml")
            continue
        count += len(records)
        for start in range(0, len(records), PER_FILE):
            _dump({name: records[start:start + PER_FILE]},
                  knowledge / f"{name}-{start // PER_FILE:04d}.yml")
    return count


def _dump(data: dict[str, Any], path: Path) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100),
                    encoding="utf-8")


def scaled_project(root: Path, out: Path, factor: int) -> tuple[Path, int]:
    """A copy of the project at ``root`` in ``out`` with its knowledge base scaled ``factor``
    times; its mkdocs.yml and its number of entities."""
    for name in PROJECT_FILES:
        source, target = root / name, out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True)
        else:
            shutil.copy2(source, target)
    count = write_knowledge(scaled(read_sections(root / "content" / "knowledge"), factor),
                            out / "content" / "knowledge")
    return out / "mkdocs.yml", count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, required=True, help="copies of every entity")
    parser.add_argument("out", type=Path, help="folder for the scaled project")
    args = parser.parse_args()
    config, count = scaled_project(Path(__file__).resolve().parent.parent, args.out, args.scale)
    print(f"{config}: {count:,d} entities")  # noqa: T201 (command-line output)


if __name__ == "__main__":
    main()
