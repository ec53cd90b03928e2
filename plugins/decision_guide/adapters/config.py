"""The plugin's options in ``mkdocs.yml`` (``plugins: - decision-guide: ...``).

This class is the one definition of the options: MkDocs validates them for the build, the CLI
validates them through the same ``mkdocs.config.load_config`` (see ``adapters/site.py``), and the
README's option reference is tested against it. Each option's docstring is its documentation.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from decision_guide.calculators.formats import NumberStyle, StyleError, check_style
from decision_guide.knowledge import dates
from decision_guide.knowledge.yaml_source import MAX_FILE_BYTES

if TYPE_CHECKING:  # the site's rendering loads when a build starts, not with the plugin
    from decision_guide.site.render import RenderSettings


class IsoDate(c.Type[str]):
    """A date written YYYY-MM-DD, refused when MkDocs validates the config (so at load time)."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value)
        try:
            dt.date.fromisoformat(text)
        except ValueError:
            raise base.ValidationError(f"expected a date as YYYY-MM-DD; got {text!r}") from None
        return text


class Locale(c.Type[str]):
    """A BCP 47 locale tag that CLDR knows (so the browser's ``Intl.NumberFormat`` does too)."""

    def __init__(self) -> None:
        super().__init__(str, default="en-US")

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value)
        try:
            check_style(text, "USD")
        except StyleError as error:
            raise base.ValidationError(str(error)) from None
        return text


class Currency(c.Type[str]):
    """An ISO 4217 currency code (``USD``, ``EUR``, ``GBP``...)."""

    def __init__(self) -> None:
        super().__init__(str, default="USD")

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value)
        try:
            check_style("en-US", text)
        except StyleError as error:
            raise base.ValidationError(str(error)) from None
        return text


class PositiveInt(c.Type[int]):
    """A whole number above zero."""

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        number = super().run_validation(value)
        if isinstance(number, bool) or number < 1:
            raise base.ValidationError(f"expected a whole number above 0; got {value!r}")
        return number


class GuideConfig(base.Config):  # type: ignore[no-untyped-call]
    knowledge_dir = c.Dir(exists=True, default="content/knowledge")
    """Folder of the knowledge base's YAML files, relative to mkdocs.yml."""

    calculators_dir = c.Optional(c.Dir(exists=True))
    """Folder of calculator definitions (YAML), if any; the browser runtime ships with the plugin."""

    max_age_months = c.Type(int, default=12)
    """Figures whose as-of date is older than this are flagged as stale where they are shown."""

    today = c.Optional(IsoDate())
    """Pin 'today' (YYYY-MM-DD) for freshness and future-date checks, for reproducible builds.
    Defaults to the DECISION_GUIDE_TODAY environment variable, then the real date."""

    templates_dir = c.Optional(c.Dir(exists=True))
    """Folder whose templates override the package's own (``pages/*.md``, ``blocks/*.html``)."""

    currency = Currency()
    """ISO 4217 code of the currency that calculator values in ``format: currency`` are shown in,
    on the page and in the browser (``EUR``, ``GBP``...)."""

    locale = Locale()
    """BCP 47 locale for numbers: separators, currency symbol and its place (``de-DE`` shows
    ``12,50 €`` and ``1.234 €``), and for choosing plural forms of the plugin's words."""

    words = c.Optional(c.File(exists=True))
    """YAML file overriding any of the plugin's own words (button labels, messages, headings,
    the decision record) for a guide in another language; the keys and placeholders are those
    of the package's ``knowledge/words.yml``."""

    max_yaml_bytes = PositiveInt(default=MAX_FILE_BYTES)
    """The largest YAML file read, in bytes (knowledge and calculators); a larger file is refused
    with its size. Raise it for a big knowledge base, or split the file."""


def resolve_today(configured: str | None) -> dt.date:
    """The configured date (validated by ``IsoDate``), else DECISION_GUIDE_TODAY, else the real date
    (``knowledge.dates``), with a bad date as MkDocs' own error."""
    try:
        return dates.resolve_today(configured)
    except ValueError as error:
        raise PluginError(str(error)) from None


def render_settings(config: MkDocsConfig, options: GuideConfig) -> RenderSettings:
    """What rendering needs, from the site's config and the plugin's options.

    The build and every CLI command call this one function, so they cannot read an option
    differently."""
    from decision_guide.site.render import RenderSettings

    return RenderSettings(
        today=resolve_today(options.today), max_age_months=options.max_age_months,
        use_directory_urls=config.use_directory_urls,
        template_dirs=tuple(Path(d) for d in [options.templates_dir] if d),
        number_style=NumberStyle(locale=options.locale, currency=options.currency),
        max_yaml_bytes=options.max_yaml_bytes,
        words_file=Path(options.words) if options.words else None)
