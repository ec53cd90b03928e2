"""The knowledge base's schema: what each kind of entity holds, as pydantic models.

These models check one file at a time (types, required fields, unknown keys, formats, ranges);
checks that need the whole knowledge base (references, duplicate ids) live in ``crossref``. A
field holding ids says which kind with ``Ref`` (``references.py``): crossref, the export and the
"cited by" lists read that declaration, so a new reference field needs nothing else.
Field docstrings become descriptions in the JSON Schema that editors' YAML tooling reads.
"""

from __future__ import annotations

import calendar
import re
from typing import Annotated, Literal
from urllib.parse import urlparse

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from decision_guide.knowledge.references import Ref

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000, strip_whitespace=True)]
Markdown = Annotated[str, StringConstraints(min_length=1, max_length=20000)]
NonNegative = Annotated[float, Field(ge=0, allow_inf_nan=False)]


def _check_date(value: str) -> str:
    if value == "undated":
        return value
    match = _DATE.match(value)
    if not match:
        raise ValueError(f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD (or 'undated'); got '{value}'")
    year, month, day = (int(part) if part else None for part in match.groups())
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"'{value}' is not a real date: month {month} does not exist")
    if day is not None and month is not None:
        last = calendar.monthrange(year, month)[1]  # type: ignore[arg-type]
        if not 1 <= day <= last:
            raise ValueError(f"'{value}' is not a real date: month {month} has {last} days")
    return value


def _check_url(value: str) -> str:
    parsed = urlparse(value)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ValueError(f"expected an http(s) URL; got '{value}'")
    return value


DateText = Annotated[str, AfterValidator(_check_date)]
Url = Annotated[str, StringConstraints(max_length=2000), AfterValidator(_check_url)]


class Entity(BaseModel):
    """Base of every record: unknown keys are errors, so a typo never vanishes silently; types are
    strict, so ``true`` or the text ``'2'`` is never quietly read as a number."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Identified(Entity):
    id: Id = Field(description="Stable id, lower-case words joined by hyphens; other records refer to it.")


class Rating(Identified):
    """One step of the rating scale used by assessments (e.g. weak, moderate, strong)."""

    label: Text
    score: float = Field(description="Higher is better for the option; orders the scale.")


class Group(Identified):
    """A heading that gathers criteria (or cost categories) on index pages."""

    title: Text
    description: Markdown | None = None


class Unit(Identified):
    """A unit prices are quoted in, e.g. usd-per-1m-tokens labelled 'USD / 1M tokens'."""

    label: Text


class GuideMeta(Entity):
    """The guide as a whole: its question, rating scale, groups and units."""

    title: Text = Field(description="The question the guide answers, used as the site's headline.")
    summary: Markdown
    ratings: list[Rating] = Field(min_length=2)
    criterion_groups: list[Group] = Field(min_length=1)
    cost_categories: list[Group] = Field(min_length=1)
    units: list[Unit] = Field(min_length=1)


class Option(Identified):
    """One approach the guide compares."""

    name: Text
    short_name: Text = Field(description="Column heading in tables.")
    summary: Text
    description: Markdown


class Inference(Entity):
    """A rating or a matrix tick that no source states: the guide inferred it, and says from what."""

    basis: Text = Field(description="What it was inferred from, in the guide's own words.")
    sources: Annotated[list[Id], Ref("sources")] = Field(
        min_length=1, description="The sources whose statements it was inferred from.")


class Assessment(Entity):
    rating: Annotated[Id, Ref("ratings")] = Field(description="A rating id from the guide's rating scale.")
    note: Text = Field(description="One sentence saying why, in the guide's own words.")
    inferred_from: Inference | None = Field(
        default=None, description="Set when no source gives this rating: what the guide inferred it "
                                  "from. Tables mark such a cell as inferred.")


class Threshold(Entity):
    """A measurable point where the recommendation tips, e.g. 'latency budget under 200 ms'."""

    when: Text
    favours: Annotated[Id, Ref("options")] = Field(description="The option id this threshold favours.")
    sources: Annotated[list[Id], Ref("sources")] = Field(min_length=1)


class Criterion(Identified):
    """A decision dimension with an assessment of every option."""

    title: Text
    group: Annotated[Id, Ref("criterion_groups")]
    question: Text = Field(description="The question a reader asks themselves about this dimension.")
    summary: Text
    details: Markdown | None = None
    assessments: Annotated[dict[Id, Assessment], Ref("options", keys=True)] = Field(
        description="One assessment per option id.")
    thresholds: list[Threshold] = []
    sources: Annotated[list[Id], Ref("sources")] = Field(min_length=1)
    related: Annotated[list[Id], Ref("criteria")] = Field(default=[], description="Ids of related criteria.")


class Range(Entity):
    low: NonNegative
    high: NonNegative

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if self.low > self.high:
            raise ValueError(f"low ({self.low:g}) is greater than high ({self.high:g})")
        return self


class Feed(Entity):
    """Where a kept price database holds this price: ``decision-guide prices`` compares the two."""

    name: Id = Field(description="The price feed, as installed under the entry-point group "
                                 "'decision_guide.price_feeds' (this package brings 'genai-prices').")
    provider: Text = Field(description="The provider's id in the feed, e.g. 'anthropic'.")
    model: Text = Field(description="The model's id in the feed, e.g. 'claude-sonnet-4-6'.")
    price: Text = Field(description="The kind of price in the feed, e.g. 'input_mtok' or 'output_mtok'.")


class Cost(Identified):
    """A priced item: a single value or a low–high range, with unit, provider, date and source."""

    item: Text
    category: Annotated[Id, Ref("cost_categories")]
    provider: Text
    value: NonNegative | None = None
    range: Range | None = None
    unit: Annotated[Id, Ref("units")]
    as_of: DateText = Field(description="When the price was read or stated: YYYY, YYYY-MM or YYYY-MM-DD.")
    source: Annotated[Id, Ref("sources")]
    confirmed: bool = Field(description="False where only a secondary or unverified source gives it.")
    note: Text | None = None
    conflicts_with: Annotated[list[Id], Ref("costs")] = Field(
        default=[], description="Costs that other sources give differently.")
    derived_from: Annotated[list[Id], Ref("costs")] = Field(
        default=[], description="Costs this figure is computed from.")
    feed: Feed | None = Field(default=None, description="A price database that also holds this "
                              "price; `decision-guide prices` reports any difference.")

    @model_validator(mode="after")
    def _one_figure(self) -> Cost:
        if (self.value is None) == (self.range is None):
            raise ValueError("give exactly one of 'value' or 'range'")
        return self


class Pattern(Identified):
    """An architecture, usually a hybrid of the options."""

    name: Text
    summary: Text
    description: Markdown
    components: list[Text] = Field(min_length=1)
    when_to_use: list[Text] = Field(min_length=1)
    strengths: list[Text] = Field(min_length=1)
    weaknesses: list[Text] = Field(min_length=1)
    options: Annotated[list[Id], Ref("options")] = Field(
        min_length=1, description="Option ids the pattern combines.")
    sources: Annotated[list[Id], Ref("sources")] = Field(min_length=1)


class UseCase(Identified):
    name: Text
    sector: Text
    summary: Text
    recommended: Annotated[Id, Ref("options")] = Field(description="The option id recommended for this case.")
    why: Markdown
    patterns: Annotated[list[Id], Ref("patterns")] = []
    sources: Annotated[list[Id], Ref("sources")] = Field(min_length=1)


class Answer(Identified):
    """One answer to a wizard question: points per option and, for a hard constraint, the
    options it rules out. A "must" is not a weight: excluded options lose whatever their points."""

    label: Text
    scores: Annotated[dict[Id, Annotated[int, Field(ge=0, le=3)]], Ref("options", keys=True)] = Field(
        description="Points (0–3) this answer gives each option id; options left out get 0.")
    excludes: Annotated[list[Id], Ref("options")] = Field(
        default=[], description="Option ids this answer rules out whatever their points: a hard "
                                "constraint. Needs 'reason' and 'sources'.")
    reason: Text | None = Field(default=None, description="Why the excluded options cannot work, "
                                "shown with the ruling; only with 'excludes'.")
    sources: Annotated[list[Id], Ref("sources")] = Field(
        default=[], description="Sources supporting the constraint; only with 'excludes'.")
    inferred_from: Inference | None = Field(
        default=None, description="Set when no source says which option this answer points to (for "
                                  "a question's first answer: the decision matrix's tick): what the "
                                  "guide inferred it from. The matrix marks such a tick as inferred.")

    @model_validator(mode="after")
    def _constraint_explained(self) -> Answer:
        if self.excludes and (self.reason is None or not self.sources):
            raise ValueError("an answer with 'excludes' needs a 'reason' and 'sources' saying why")
        if not self.excludes and (self.reason is not None or self.sources):
            raise ValueError("'reason' and 'sources' explain 'excludes'; add 'excludes' or remove them")
        return self


class Question(Identified):
    """A decision-wizard question. Its first answer is the one the decision matrix shows."""

    text: Text
    help: Text
    criterion: Annotated[Id, Ref("criteria")]
    answers: list[Answer] = Field(min_length=2)
    sources: Annotated[list[Id], Ref("sources")] = Field(min_length=1)


class Kpi(Identified):
    name: Text
    description: Text
    applies_to: Annotated[list[Id], Ref("options")] = Field(
        min_length=1, description="Option ids this KPI matters for.")
    sources: Annotated[list[Id], Ref("sources")] = Field(min_length=1)


class Source(Identified):
    title: Text
    publisher: Text
    cite_as: Text | None = Field(default=None, description="Short label citations show; "
                                 "defaults to the publisher.")
    url: Url | None = Field(default=None, description="Leave out rather than guess when unknown.")
    date: DateText
    kind: Literal["article", "paper", "pricing", "docs", "survey", "benchmark", "digest"]
    note: Text | None = None


class Fact(Identified):
    statement: Text
    topic: Id | None = Field(default=None, description="Groups facts on pages, e.g. quality-evidence.")
    status: Literal["confirmed", "unconfirmed", "unsourced"]
    sources: Annotated[list[Id], Ref("sources")] = []
    note: Text | None = None

    @model_validator(mode="after")
    def _sourced(self) -> Fact:
        if self.status != "unsourced" and not self.sources:
            raise ValueError("a confirmed or unconfirmed fact needs at least one source; "
                             "mark it 'unsourced' if no source exists")
        return self


class QualityMetric(Identified):
    """A row of the quality comparison: how each option fares on one quality measure."""

    metric: Text
    assessments: Annotated[dict[Id, Assessment], Ref("options", keys=True)] = Field(min_length=1)
    sources: Annotated[list[Id], Ref("sources")] = Field(min_length=1)


class Side(Entity):
    """One side of a disagreement: what it holds, with the figures and sources that say so."""

    says: Text = Field(description="This side's position, in the guide's own words; figures as "
                                   "{cost:ID} or {fact:ID} references.")
    value: Text | None = Field(default=None, description="The side's value in a word or two "
                               "(a rating, a range), shown as the side's headline.")
    sources: Annotated[list[Id], Ref("sources")] = Field(min_length=1)


class Disagreement(Identified):
    """Where sources disagree: the claim in question and every side, each cited. Shown on the
    pages of the criteria it concerns and on the disagreements list."""

    claim: Text = Field(description="What the sources disagree about, as a question or claim.")
    sides: list[Side] = Field(min_length=2)
    reading: Text | None = Field(default=None, description="How the guide weighs the sides, if it does.")
    criteria: Annotated[list[Id], Ref("criteria")] = Field(
        default=[], description="Criteria whose pages show this disagreement.")
    facts: Annotated[list[Id], Ref("facts")] = Field(default=[], description="Facts it concerns.")
    costs: Annotated[list[Id], Ref("costs")] = Field(default=[], description="Costs it concerns.")


class KnowledgeFile(Entity):
    """One YAML file under the knowledge folder: any of these sections, each a list of records."""

    guide: GuideMeta | None = None
    options: list[Option] = []
    criteria: list[Criterion] = []
    costs: list[Cost] = []
    patterns: list[Pattern] = []
    use_cases: list[UseCase] = []
    questions: list[Question] = []
    kpis: list[Kpi] = []
    sources: list[Source] = []
    facts: list[Fact] = []
    quality: list[QualityMetric] = []
    disagreements: list[Disagreement] = []


SECTIONS: tuple[str, ...] = tuple(name for name in KnowledgeFile.model_fields if name != "guide")
