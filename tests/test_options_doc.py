"""The README's option reference is generated from the plugin's config class and must match it,
so a new or changed option cannot go undocumented."""

from __future__ import annotations

from conftest import ROOT
from decision_guide.adapters.config import GuideConfig
from decision_guide.adapters.options_doc import EXAMPLES, option_docs, options_table


def test_every_option_has_a_docstring_and_an_example() -> None:
    names = [name for name, _ in GuideConfig._schema]
    assert sorted(option_docs()) == sorted(names)
    assert sorted(EXAMPLES) == sorted(names)


def test_the_readme_holds_the_generated_table() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("<!-- options:start -->\n") + len("<!-- options:start -->\n")
    assert readme[start:readme.index("<!-- options:end -->")] == options_table()


def test_the_table_names_type_default_and_example() -> None:
    rows = {row.split(" | ")[0].strip("| `"): row for row in options_table().splitlines()[2:]}
    assert rows["currency"].startswith("| `currency` | ISO 4217 code | `USD` | `GBP` | ISO 4217 code")
    assert rows["locale"].startswith("| `locale` | BCP 47 tag | `en-US` | `en-GB` |")
    assert rows["calculators_dir"].startswith("| `calculators_dir` | folder | none | `calculators` |")
