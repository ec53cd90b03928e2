"""The schema of a calculator definition (``calculators/*.yml``), as pydantic models.

Formulas are text here; ``compile`` parses them and checks names, arity and cycles, and
binds defaults to the knowledge base's costs.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    Field,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from decision_guide.knowledge.models import Entity, Id, Text

Name = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
Format = Literal["currency", "number", "percent", "duration", "months"]
Finite = Annotated[float, Field(allow_inf_nan=False)]

#: The formats that take ``decimals``, and the most places they take (``formats.MOST_PLACES``).
DECIMAL_FORMATS = ("currency", "number", "percent")


def _places(value: int) -> int:
    if not 0 <= value <= 6:
        raise ValueError(f"decimals is a number of decimal places from 0 to 6; got {value}")
    return value


Decimals = Annotated[int, AfterValidator(_places), WithJsonSchema(
    {"type": "integer", "minimum": 0, "maximum": 6, "description": (
        "Show exactly this many decimal places (currency, number and percent; a percent's are "
        "of the percentage: 12.5 % is 1), instead of places chosen by the size of the value. "
        "Wins over the currency's own digits.")})]


def _check_decimals(decimals: int | None, fmt: str) -> None:
    if decimals is not None and fmt not in DECIMAL_FORMATS:
        raise ValueError(f"decimals applies only to the formats currency, number and percent; "
                         f"a {fmt} reads in its own units (remove decimals or change the format)")


PERCENT_MAX_FRACTION = 10
"""A percent input's largest sensible ``max`` (1,000 %); more is a percentage written as a number."""


class Input(Entity):
    """A number the reader can change, or a yes/no switch. Its default is a number (or yes/no) or
    a cost from the knowledge base.

    A ``percent`` input is entered and shown in percent, while formulas see the fraction: the
    reader types 40 and formulas see 0.4. Its ``default``, ``min``, ``max``, ``step`` and preset
    values are fractions, like the data they often come from.
    """

    id: Name = Field(description="Name used in formulas: lower case, digits and underscores.")
    label: Text
    type: Literal["number", "boolean"] = Field(
        default="number", description="'boolean' is a yes/no switch: formulas see 1 when on, 0 when off.")
    unit: Text | None = None
    format: Format = Field(default="number", description=(
        "How the value reads; a 'percent' input is entered in percent and is a fraction in formulas."))
    decimals: Decimals | None = None
    default: Annotated[Finite | None, WithJsonSchema(
        {"anyOf": [{"type": "number"}, {"type": "boolean"}, {"type": "null"}]})] = Field(
        default=None, description="The value at first (a fraction for percent; true or false for a switch).")
    cost: Id | None = Field(default=None, description="A cost id whose figure is the default.")
    fact: Id | None = Field(default=None, description="A fact id that supports a typed default.")
    assumption: Text | None = Field(
        default=None, description="Why a typed default with no cost or fact behind it was chosen; "
                                  "shown beside the input as the guide's assumption.")
    cost_point: Literal["low", "mid", "high"] = Field(
        default="mid", description="Which point of a cost's low–high range is the default.")
    scale: Finite = Field(default=1, description="Multiplies the cost's figure (e.g. 0.001).")
    min: Finite = 0
    max: Finite | None = Field(default=None, description="Required for a number; a switch's is 1.")
    step: Annotated[float, Field(gt=0, allow_inf_nan=False)] = 1
    help: Text | None = None

    @field_validator("default", mode="before")
    @classmethod
    def _yes_no_for_switches_only(cls, value: object, info: ValidationInfo) -> object:
        """A switch's default may be written true or false; it is 1 or 0 from then on."""
        if isinstance(value, bool) and info.data.get("type", "number") != "boolean":
            raise ValueError("a number input's default is a number; for yes/no, set type: boolean")
        return float(value) if isinstance(value, bool) else value

    @model_validator(mode="after")
    def _one_default(self) -> Input:
        if (self.default is None) == (self.cost is None):
            raise ValueError("give exactly one of 'default' or 'cost'")
        if self.type == "boolean":
            if self.cost is not None or self.default not in (True, False, 0, 1):
                raise ValueError("a boolean input's default is true or false")
            if (self.min, self.max or 1, self.step, self.format, self.decimals) != (0, 1, 1, "number", None):
                raise ValueError("a boolean input takes no min, max, step, format or decimals")
            return self
        _check_decimals(self.decimals, self.format)
        if self.max is None:
            raise ValueError("a number input needs a 'max'")
        if self.min > self.max:
            raise ValueError(f"min ({self.min:g}) is greater than max ({self.max:g})")
        if self.format == "percent" and self.max > PERCENT_MAX_FRACTION:
            # 20 written for 20 % passes every other check once max is raised to match, and
            # every result goes silently wrong by a factor of 100.
            raise ValueError(f"max {self.max:g} is {self.max * 100:,.0f} %; a percent input's "
                             "default, min, max and step are fractions (0.2 is 20 %, max: 1 is "
                             "100 %)")
        return self

    @property
    def upper(self) -> float:
        """The largest value allowed (1 for a switch)."""
        return 1.0 if self.max is None else self.max


class Value(Entity):
    """A derived value: a formula over inputs and earlier or later values (order is worked out)."""

    id: Name
    label: Text
    formula: Text
    format: Format = "currency"
    decimals: Decimals | None = None
    output: bool = Field(default=False, description="Shown to the reader as a result.")
    help: Text | None = None
    never: Text | None = Field(default=None, description=(
        "Why this value does not exist when it cannot be computed (e.g. why a break-even never "
        "comes); the reader then sees 'Never' and this reason instead of a dash."))

    @model_validator(mode="after")
    def _decimals_fit(self) -> Value:
        _check_decimals(self.decimals, self.format)
        return self


class Preset(Entity):
    id: Id
    label: Text
    values: dict[Name, Finite] = Field(min_length=1)


class Over(Entity):
    input: Name
    values: list[Finite] = Field(min_length=1, max_length=50)


class Column(Entity):
    value: Name
    label: Text


class ScenarioTable(Entity):
    id: Id
    caption: Text
    over: Over
    columns: list[Column] = Field(min_length=1)


class Axis(Entity):
    input: Name
    start: Finite = Field(alias="from")
    to: Finite
    step: Annotated[float, Field(gt=0, allow_inf_nan=False)] = 1
    label: Text
    format: Format = "number"
    decimals: Decimals | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Axis:
        _check_decimals(self.decimals, self.format)
        if self.start > self.to:
            raise ValueError(f"from ({self.start:g}) is greater than to ({self.to:g})")
        if (self.to - self.start) / self.step > 400:
            raise ValueError("more than 400 points; use a larger step")
        return self


class YAxis(Entity):
    label: Text
    format: Format = "currency"
    decimals: Decimals | None = None

    @model_validator(mode="after")
    def _decimals_fit(self) -> YAxis:
        _check_decimals(self.decimals, self.format)
        return self


class Series(Entity):
    value: Name
    label: Text


class Marker(Entity):
    value: Name
    label: Text


class Chart(Entity):
    id: Id
    caption: Text
    x: Axis
    y: YAxis
    series: list[Series] = Field(min_length=1, max_length=6)
    marker: Marker | None = None


class Calculator(Entity):
    """A calculator: inputs, derived values and outputs, presets, scenario tables and charts."""

    id: Id
    title: Text
    summary: Text
    headline: Name | None = Field(default=None, description=(
        "The output stated first, above the inputs; the first output when not given."))
    assumptions: list[Text] = Field(default=[], description="Listed beside the results.")
    inputs: list[Input] = Field(min_length=1)
    values: list[Value] = Field(min_length=1)
    presets: list[Preset] = []
    tables: list[ScenarioTable] = []
    charts: list[Chart] = []


class Wizard(Entity):
    """The decision wizard: the knowledge base's questions, scored per option."""

    id: Id
    title: Text
    summary: Text
    questions: list[Id] = Field(default=[], description="Question ids to ask; all when empty.")
    close_call: Annotated[float, Field(ge=0, le=1)] = Field(
        default=0.1, description="A lead of at most this share of the leader's points is flagged "
                                 "as a close call.")


class CalculatorFile(Entity):
    """One file under ``calculators/``: a calculator or the decision wizard."""

    calculator: Calculator | None = None
    wizard: Wizard | None = None

    @model_validator(mode="after")
    def _one(self) -> CalculatorFile:
        if (self.calculator is None) == (self.wizard is None):
            raise ValueError("a calculator file holds exactly one of 'calculator' or 'wizard'")
        return self
