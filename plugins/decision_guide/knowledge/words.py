"""The plugin's own words: one table (``words.yml``, English) that a guide overrides for another
language with the ``words`` option (a YAML file of the same shape, any subset of the keys).

Everything the plugin itself writes on a page reads from here: templates through the render
context (``w``), the browser runtime through the JSON each calculator and the wizard embed
(``runtime/words.js`` fills in the same entries the same way), and the Python twins
(``calculate``, the decision record) through the same keys. An entry is text with ``{name}``
placeholders, or, where it counts something, plural forms (``one``, ``other``...) chosen by
``{count}`` with CLDR's rules for the guide's locale (Babel here, ``Intl.PluralRules`` there).

An override is checked as the knowledge base is: an unknown key, a value that is not text, a
placeholder the entry does not have or one it needs left out is one problem at the file's
line and column, never a traceback.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from decision_guide.knowledge.yaml_source import YamlDocument, decode_yaml, parse_yaml
from decision_guide.problems import Problem, ProblemsFound, suggest

#: A placeholder: ``{name}``, letters, digits and underscores. Nothing else in braces is one.
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
#: CLDR's plural categories.
PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")

Entry = str | Mapping[str, str]


def _flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping) and not _is_plural(value):
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = value
    return flat


def _is_plural(value: Mapping[str, Any]) -> bool:
    return bool(value) and all(key in PLURAL_FORMS for key in value)


def placeholders(entry: Entry) -> set[str]:
    texts = [entry] if isinstance(entry, str) else list(entry.values())
    return {name for text in texts for name in PLACEHOLDER.findall(text)}


def fill(text: str, values: Mapping[str, object]) -> str:
    """``text`` with each ``{name}`` replaced by ``values[name]`` (unknown names left as written)."""
    return PLACEHOLDER.sub(lambda m: str(values[m[1]]) if m[1] in values else m[0], text)


@dataclass(frozen=True)
class Words:
    """The table in force for one guide: English with the guide's overrides, and its locale."""

    table: Mapping[str, Entry]
    locale: str = "en-US"

    def __hash__(self) -> int:
        return hash((self.locale, tuple(sorted((k, str(v)) for k, v in self.table.items()))))

    def text(self, key: str, count: float | None = None) -> str:
        """The entry ``key`` unfilled: its plural form for ``count`` where it has forms."""
        entry = self.table[key]
        if isinstance(entry, str):
            return entry
        if count is None:
            raise TypeError(f"words entry {key!r} has plural forms: give a count")
        form = _plural_form(self.locale, count)
        return entry.get(form, entry["other"])

    def say(self, key: str, count: float | None = None, **values: Any) -> str:
        """Entry ``key`` filled in (``count`` fills ``{count}`` and picks the plural form)."""
        if count is not None:
            values = {"count": _count_text(count), **values}
        return fill(self.text(key, count), values)

    def html(self, key: str, count: float | None = None, **values: Any) -> Markup:
        """``say`` for an HTML template: the entry's own text escaped, values escaped unless
        already markup (a link, a figure)."""
        text = self.text(key, count)
        if count is not None:
            values = {"count": _count_text(count), **values}
        parts = PLACEHOLDER.split(text)
        out = [escape(part) if i % 2 == 0 else escape(values.get(part, "{" + part + "}"))
               for i, part in enumerate(parts)]
        return Markup("").join(out)

    __call__ = html

    def section(self, name: str) -> dict[str, str]:
        """The plain entries under ``name.`` with the prefix dropped (e.g. ``units``)."""
        prefix = f"{name}."
        return {key[len(prefix):]: value for key, value in self.table.items()
                if key.startswith(prefix) and isinstance(value, str)}

    def for_runtime(self, *sections: str) -> dict[str, Any]:
        """What the browser runtime needs (``words.js``): the entries of ``sections`` and the locale."""
        return {"locale": self.locale,
                "table": {key: value for key, value in self.table.items()
                          if key.split(".", 1)[0] in sections}}


def _count_text(count: float) -> str:
    """A count as JavaScript's ``String()`` writes it (3, 1.5), so both twins read alike."""
    return str(int(count)) if float(count).is_integer() else repr(float(count))


@functools.lru_cache(maxsize=32)
def _plural_rule(locale: str) -> Any:
    from babel import Locale

    return Locale.parse(locale, sep="-").plural_form


def _plural_form(locale: str, count: float) -> str:
    """CLDR's category of ``count`` as JavaScript sees the number: 1.0 is 1 (a weighted score)."""
    number = abs(count)
    return str(_plural_rule(locale)(int(number) if float(number).is_integer() else number))


def english_text() -> str:
    """The package's own table (``words.yml``) as written, comments included: where a
    translation starts."""
    return resources.files("decision_guide.knowledge").joinpath("words.yml").read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def english() -> dict[str, Entry]:
    """The package's own table (``words.yml``), flattened to ``section.key``."""
    document, problems = parse_yaml(english_text(), "words.yml")
    if document is None or problems:  # the package's own file: a mistake here is our bug
        raise RuntimeError(f"the package's words.yml does not load: {problems}")
    return _flatten(document.data)


def default_words(locale: str = "en-US") -> Words:
    return Words(english(), locale)


def load_words(path: Path | None, *, project_root: Path, locale: str = "en-US") -> Words:
    """English with the overrides in ``path`` (if any). Raises ``ProblemsFound`` listing every
    mistake in the file."""
    if path is None:
        return default_words(locale)
    shown = _display(path, project_root)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ProblemsFound([Problem(shown, 1, 1, f"cannot read the words file: {error.strerror}",
                                     "words-unreadable")]) from None
    document, problems = decode_yaml(raw, shown)
    if document is None:
        raise ProblemsFound(problems)
    overrides, more = check_overrides(document)
    if problems or more:
        raise ProblemsFound([*problems, *more])
    return Words({**english(), **overrides}, locale)


def check_overrides(document: YamlDocument) -> tuple[dict[str, Entry], list[Problem]]:
    """The overrides a words file holds, and a problem for each entry that is not one."""
    known = english()
    sections = sorted({key.split(".", 1)[0] for key in known})
    found: dict[str, Entry] = {}
    problems: list[Problem] = []

    def walk(data: Any, loc: tuple[str, ...]) -> None:
        if not isinstance(data, Mapping):
            what = "a section of the words table" if loc else "a mapping of sections"
            problems.append(document.problem(loc, f"expected {what} (key: text); got "
                                             f"{_kind(data)}", "words-type"))
            return
        for key, value in data.items():
            here = (*loc, str(key))
            name = ".".join(here)
            if name in known:
                _check_entry(name, value, known[name], here, document, found, problems)
            elif any(k.startswith(f"{name}.") for k in known):
                walk(value, here)
            else:
                siblings = [k.rsplit(".", 1)[-1] for k in known if k.rsplit(".", 1)[0] == ".".join(loc)]
                hint = suggest(str(key), siblings if loc else sections)
                where = f"in '{'.'.join(loc)}'" if loc else "at the top"
                expected = (f"one of its keys{hint}" if loc else
                            f"a section: {', '.join(sections)}{hint}")
                problems.append(document.problem(here, f"unknown key '{key}' {where} of the words "
                                                 f"table; expected {expected}", "words-unknown-key",
                                                 key=True))

    walk(document.data, ())
    return found, problems


def _check_entry(name: str, value: Any, english_entry: Entry, loc: tuple[str, ...],
                 document: YamlDocument, found: dict[str, Entry], problems: list[Problem]) -> None:
    needed = placeholders(english_entry) - {"count"}
    allowed = placeholders(english_entry)
    if isinstance(english_entry, str):
        if not isinstance(value, str):
            problems.append(document.problem(loc, f"'{name}' must be text; got {_kind(value)}",
                                             "words-type"))
            return
        texts: dict[tuple[str, ...], str] = {(): value}
    else:
        if not (isinstance(value, Mapping) and value and all(isinstance(v, str) for v in value.values())):
            problems.append(document.problem(loc, f"'{name}' counts something: expected its plural "
                                             f"forms as text ({', '.join(PLURAL_FORMS)}; 'other' at "
                                             f"least); got {_kind(value)}", "words-type"))
            return
        wrong = [k for k in value if k not in PLURAL_FORMS]
        if wrong or "other" not in value:
            problems.append(document.problem((*loc, *wrong[:1]) if wrong else loc,
                                             f"'{name}' needs plural forms named {', '.join(PLURAL_FORMS)}"
                                             f" ('other' at least); got {', '.join(map(str, value))}",
                                             "words-plural", key=bool(wrong)))
            return
        texts = {(str(k),): v for k, v in value.items()}
    for sub, text in texts.items():
        used = set(PLACEHOLDER.findall(text))
        extra, missing = sorted(used - allowed), sorted(needed - used)
        if extra or missing:
            expected = ", ".join(f"{{{p}}}" for p in sorted(allowed)) or "no placeholders"
            said = ("unknown placeholder " + ", ".join(f"{{{p}}}" for p in extra) if extra
                    else "missing placeholder " + ", ".join(f"{{{p}}}" for p in missing))
            problems.append(document.problem((*loc, *sub), f"'{name}': {said}; this entry takes "
                                             f"{expected}", "words-placeholder"))
            return
    found[name] = value if isinstance(value, str) else dict(value)


def _kind(value: Any) -> str:
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"{type(value).__name__} {value!r}" if not isinstance(value, str) else f"text {value!r}"


def _display(path: Path, project_root: Path) -> str:
    try:
        return path.resolve().relative_to(project_root.resolve()).as_posix()
    except ValueError:
        return str(path)
