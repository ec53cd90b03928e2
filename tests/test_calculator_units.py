"""What a reader types and what formulas see: percent entered as percent and computed as a
fraction, switches as yes/no, numbers kept exactly as typed, and one way of writing a range."""

from __future__ import annotations

import pytest
from conftest import ROOT, TODAY
from decision_guide.calculators.calculate import InputError, read_input
from decision_guide.calculators.compile import CompiledCalculator
from decision_guide.calculators.spec import calculator_spec
from decision_guide.calculators.units import entered, entered_text, model_value
from decision_guide.guide import load_guide
from decision_guide.site.render import RenderSettings
from hypothesis import given
from hypothesis import strategies as st

PERCENT = {"format": "percent", "type": "number", "min": 0.0, "max": 100.0, "unit": "%"}
QUERIES = {"format": "number", "type": "number", "min": 0.0, "max": 1e10, "unit": "queries"}
SWITCH = {"format": "number", "type": "boolean", "min": 0.0, "max": 1.0}


@pytest.fixture(scope="module")
def specs() -> dict[str, dict]:  # type: ignore[type-arg]
    guide = load_guide(ROOT / "content" / "knowledge", ROOT / "calculators", project_root=ROOT,
                       settings=RenderSettings(today=TODAY))
    return {k: calculator_spec(v) for k, v in guide.renderer.calculators.items()
            if isinstance(v, CompiledCalculator)}


def test_a_percent_is_entered_as_percent_and_seen_by_formulas_as_a_fraction() -> None:
    assert entered(PERCENT, 0.07) == 7  # not 7.000000000000001
    assert entered(PERCENT, 0.88) == 88
    assert model_value(PERCENT, 40) == 0.4
    assert read_input(PERCENT, "40") == 0.4
    assert read_input(PERCENT, " 40 % ") == 0.4
    assert entered(QUERIES, 0.07) == 0.07 and model_value(QUERIES, 7) == 7


def test_the_page_spec_gives_percent_inputs_in_percent_and_switches_as_switches(specs: dict) -> None:  # type: ignore[type-arg]
    share = next(i for i in specs["break-even"]["inputs"] if i["id"] == "hybrid_context_share")
    assert (share["default"], share["min"], share["max"], share["step"]) == (40, 0, 100, 5)
    rerank = next(i for i in specs["latency-budget"]["inputs"] if i["id"] == "use_rerank")
    assert (rerank["type"], rerank["default"], rerank["max"]) == ("boolean", 1, 1)
    assert specs["break-even"]["headline"] == "breakeven_month"
    assert specs["rag-cost"]["presets"][0]["values"]["output_tokens"] == "0"


@pytest.mark.parametrize(("text", "value"), [("1", 1), ("0", 0), ("yes", 1), ("No", 0), ("TRUE", 1),
                                             ("false", 0), ("on", 1), ("off", 0)])
def test_a_switch_takes_the_usual_words_for_yes_and_no(text: str, value: float) -> None:
    assert read_input(SWITCH, text) == value


@pytest.mark.parametrize(("item", "text", "message"), [
    (SWITCH, "0.5", "“0.5” is not yes or no."),
    (SWITCH, "", "Choose yes or no."),
    (PERCENT, "101", "Must be at most 100%."),
    (QUERIES, "-1", "Must not be negative."),
    (QUERIES, "1e999", "This number is too large."),
    (QUERIES, "٣", "“٣” is not a number."),  # digits of other scripts are not numbers, as in JS
    (QUERIES, "2e10", "Must be at most 10,000,000,000 queries."),
])
def test_a_bad_value_gets_the_message_the_page_shows(item: dict, text: str, message: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(InputError) as raised:
        read_input(item, text)
    assert str(raised.value) == message


@given(st.floats(min_value=0, max_value=1e10, allow_nan=False))
def test_a_number_written_as_a_box_or_a_url_holds_it_reads_back_the_same(number: float) -> None:
    for text in (entered_text(number), repr(number), f"{number!r}".replace("e+", "e")):
        assert read_input(QUERIES, text) == number, text
    assert read_input(QUERIES, "300007.0") == 300007


@pytest.mark.parametrize(("number", "text"), [(300007.0, "300007"), (1e-05, "0.00001"), (0.0, "0"),
                                              (-0.0, "0"), (12.5, "12.5"), (1e21, "1000000000000000000000")])
def test_a_box_holds_plain_digits(number: float, text: str) -> None:
    assert entered_text(number) == text
