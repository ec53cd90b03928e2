"""A compiled calculator as the JSON spec both twins read: the browser runtime and ``calculate``.

One spec, built here, is what the page embeds, what ``decision-guide calc`` evaluates and what
the golden cases run through in node, so the two twins cannot read different definitions.

Inputs carry their default, min, max and step in *entered* units, the numbers the reader types
(``units.py``): a percent input's 0.4 is entered as 40.
"""

from __future__ import annotations

from typing import Any

from decision_guide.calculators.compile import CompiledCalculator
from decision_guide.calculators.formats import DEFAULT_STYLE, NumberStyle
from decision_guide.calculators.units import entered, entered_text
from decision_guide.knowledge.words import Words, default_words

#: The sections of the words table a calculator's runtime reads.
CALCULATOR_WORDS = ("calculator", "export", "chart")


def calculator_spec(compiled: CompiledCalculator, style: NumberStyle = DEFAULT_STYLE,
                    words: Words | None = None) -> dict[str, Any]:
    """What the runtime needs: inputs with defaults, value trees in evaluation order, how numbers
    read (``style``: locale, currency, unit words), the words it writes, and more."""
    definition = compiled.definition
    inputs = {i.id: i for i in definition.inputs}
    outputs = [v.definition.id for v in compiled.values if v.definition.output]
    return {
        "style": style.to_json(),
        "words": (words or default_words(style.locale)).for_runtime(*CALCULATOR_WORDS),
        "id": definition.id, "title": definition.title,
        "headline": definition.headline or (outputs[0] if outputs else None),
        "assumptions": list(definition.assumptions),
        "inputs": [{"id": i.id, "label": i.label, "unit": i.unit, "format": i.format,
                    "decimals": i.decimals, "type": i.type,
                    "default": entered(i, compiled.defaults[i.id]), "min": entered(i, i.min),
                    "max": entered(i, i.upper), "step": entered(i, i.step)}
                   for i in definition.inputs],
        "values": [{"id": v.definition.id, "label": v.definition.label,
                    "format": v.definition.format, "decimals": v.definition.decimals,
                    "tree": v.tree, "formula": v.definition.formula,
                    "output": v.definition.output, "never": v.definition.never}
                   for v in compiled.values],
        "presets": [{"id": p.id, "label": p.label,
                     "values": {name: entered_text(entered(inputs[name], value))
                                for name, value in p.values.items()}}
                    for p in definition.presets],
        "tables": [t.model_dump() for t in definition.tables],
        "charts": [c.model_dump(by_alias=True, exclude_none=True) for c in definition.charts],
    }
