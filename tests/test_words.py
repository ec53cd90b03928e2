"""The plugin's words: one table (``knowledge/words.yml``) that a guide overrides with the
``words`` option; a bad override is one precise problem per mistake, never a traceback; and the
browser's ``words.js`` fills in and picks plural forms exactly as ``knowledge/words.py`` does."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, SECOND_GUIDE, TODAY
from decision_guide.adapters.cli import main
from decision_guide.guide import load_guide
from decision_guide.knowledge.words import PLACEHOLDER, Words, english, load_words
from decision_guide.problems import ProblemsFound
from decision_guide.site.render import RenderSettings, make_environment

CONTRACTS = ROOT / "tests" / "contracts" / "words"
GERMAN = CONTRACTS / "de.yml"
RUNTIME = ROOT / "plugins" / "decision_guide" / "calculators" / "runtime"
TEMPLATES = ROOT / "plugins" / "decision_guide" / "templates"


def test_the_node_tests_read_the_same_english_table() -> None:
    held = json.loads((CONTRACTS / "en.json").read_text(encoding="utf-8"))
    assert held == english(), "regenerate tests/contracts/words/en.json from knowledge/words.yml"


def test_the_words_command_gives_the_whole_table_as_a_file_to_translate(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["words"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("# Every word the plugin itself puts on a page")
    target = tmp_path / "words.de.yml"
    assert main(["words", "-o", str(target)]) == 0
    assert "set 'words: words.de.yml'" in capsys.readouterr().out
    assert target.read_text(encoding="utf-8") == printed
    # As written it overrides every entry with itself: no problem, the same words.
    assert load_words(target, project_root=tmp_path).table == english()
    assert main(["words", "-o", str(target)]) == 1
    assert "exists; choose a new file" in capsys.readouterr().err


def test_a_guide_overrides_some_words_and_keeps_english_for_the_rest() -> None:
    words = load_words(GERMAN, project_root=ROOT, locale="de-DE")
    assert words.say("calculator.enter_number") == "Geben Sie eine Zahl ein."
    assert words.say("calculator.at_most", limit="100\u00a0%") == "Darf höchstens 100\u00a0% sein."
    assert words.say("calculator.fix_inputs", count=1) == "Eine Eingabe korrigieren, um Ergebnisse zu sehen."
    assert words.say("calculator.fix_inputs", count=3) == "3 Eingaben korrigieren, um Ergebnisse zu sehen."
    assert words.say("chart.marker", label="Break-even", value="14,3 Monate") == "Break-even: 14,3 Monate"
    assert words.section("units")["months"] == "Monate" and words.section("units")["ms"] == "ms"


def test_html_escapes_the_words_and_plain_values_but_not_markup() -> None:
    from markupsafe import Markup

    words = Words({"x": "<b>{a}</b> & {b}"})
    shown = words.html("x", a="<i>", b=Markup("<em>ok</em>"))
    assert shown == "&lt;b&gt;&lt;i&gt;&lt;/b&gt; &amp; <em>ok</em>"


@pytest.mark.parametrize(("locale", "counts"), [
    ("en-US", {1: "one", 2: "other", 0: "other"}),
    ("de-DE", {1: "one", 5: "other"}),
    ("ru-RU", {1: "one", 3: "few", 5: "many", 21: "one"}),
    ("pl-PL", {1: "one", 2: "few", 5: "many", 22: "few"}),
    ("ja-JP", {1: "other"}),
])
def test_plural_forms_follow_the_locales_rules(locale: str, counts: dict[int, str]) -> None:
    forms = {form: f"{form} {{count}}" for form in ("one", "few", "many", "other")}
    words = Words({"n": forms}, locale)
    for count, form in counts.items():
        assert words.say("n", count=count) == f"{form} {count}", (locale, count)


BAD = {
    "unknown key, with the closest": ("calculator:\n  fix_inputz: x\n",
                                      "2:3: unknown key 'fix_inputz' in 'calculator' of the words table; "
                                      "expected one of its keys; did you mean 'fix_inputs'"),
    "unknown section": ("colour:\n  red: x\n",
                        "1:1: unknown key 'colour' at the top of the words table; expected a section: "
                        "banner, blocks, calculator, chart, disagreements, evidence, export, inferred, "
                        "pages, record, units, verdict, wizard"),
    "a placeholder the entry does not have": (
        'calculator:\n  at_least: "Mindestens {limt}."\n',
        "2:13: 'calculator.at_least': unknown placeholder {limt}; this entry takes {limit} "
        "[words-placeholder]"),
    "a placeholder left out": (
        'chart:\n  summary: "{y} nach {x}"\n',
        "2:12: 'chart.summary': missing placeholder {from}, {to}; this entry takes {from}, {to}, {x}, {y}"),
    "a number where text is due": ("calculator:\n  never: 3\n",
                                   "2:10: 'calculator.never' must be text; got int 3 [words-type]"),
    "text where plural forms are due": (
        'calculator:\n  fix_inputs: "Fix them"\n',
        "2:15: 'calculator.fix_inputs' counts something: expected its plural forms as text"),
    "a plural form CLDR does not have": (
        'verdict:\n  points:\n    one: "{count} Punkt"\n    lots: "{count} Punkte"\n',
        "4:5: 'verdict.points' needs plural forms named zero, one, two, few, many, other ('other' at least); "
        "got one, lots [words-plural]"),
    "a section that is text": ("wizard: Assistent\n",
                               "1:9: expected a section of the words table (key: text); "
                               "got text 'Assistent'"),
    "not YAML": ("calculator: [\n", "[yaml-syntax]"),
}


@pytest.mark.parametrize("name", BAD)
def test_a_bad_words_file_is_one_precise_problem(name: str, tmp_path: Path) -> None:
    text, expected = BAD[name]
    (tmp_path / "words.yml").write_text(text, encoding="utf-8")
    with pytest.raises(ProblemsFound) as found:
        load_words(tmp_path / "words.yml", project_root=tmp_path)
    assert len(found.value.problems) == 1, found.value.problems
    shown = str(found.value.problems[0])
    assert shown.startswith("words.yml:"), shown
    assert expected in shown, shown


def test_a_bad_words_file_is_reported_with_the_knowledge_bases_problems(tmp_path: Path) -> None:
    project = tmp_path / "guide"
    shutil.copytree(SECOND_GUIDE, project)
    (project / "words.yml").write_text("calculator:\n  never: [Nie]\n", encoding="utf-8")
    guide_yml = project / "content" / "knowledge" / "guide.yml"
    guide_yml.write_text(guide_yml.read_text(encoding="utf-8") + "\nnot_a_field: 1\n", encoding="utf-8")
    settings = RenderSettings(today=TODAY, words_file=project / "words.yml")
    with pytest.raises(ProblemsFound) as found:
        load_guide(project / "content" / "knowledge", project / "calculators", project_root=project,
                   settings=settings)
    paths = {p.path for p in found.value.problems}
    assert "words.yml" in paths and "content/knowledge/guide.yml" in paths, found.value.problems


def test_the_number_styles_unit_words_come_from_the_table() -> None:
    guide = load_guide(SECOND_GUIDE / "content" / "knowledge", SECOND_GUIDE / "calculators",
                       project_root=SECOND_GUIDE,
                       settings=RenderSettings(today=TODAY, words_file=GERMAN))
    assert guide.renderer.settings.number_style.units["months"] == "Monate"
    assert guide.renderer.words.say("calculator.never") == "Nie"


def test_the_browser_fills_in_and_chooses_plural_forms_as_python_does() -> None:
    node = shutil.which("node")
    assert node, "node is needed for the runtime's twin"
    cases = [(locale, key, count) for locale in ("en-US", "de-DE", "ru-RU", "pl-PL", "ar-EG")
             for key in ("calculator.fix_inputs", "verdict.points", "record.unanswered")
             for count in (0, 1, 2, 3, 5, 11, 21, 22, 101, 1.5, 1.0, 2.0, 0.5)]
    table = {**english(), "verdict.points": {f: f"{f}:{{count}}" for f in
                                             ("zero", "one", "two", "few", "many", "other")}}
    script = (f"import {{ say }} from {json.dumps((RUNTIME / 'words.js').as_uri())};"
              f"const table = {json.dumps(table)}; const cases = {json.dumps(cases)};"
              "process.stdout.write(JSON.stringify(cases.map(([locale, key, count]) =>"
              " say({ locale, table }, key, { count, extra: '<x>' }))));")
    run = subprocess.run([node, "--input-type=module", "-e", script], capture_output=True, text=True,
                         check=True, timeout=60)
    python = [Words(table, locale).say(key, count=count, extra="<x>") for locale, key, count in cases]
    assert json.loads(run.stdout) == python


# A string literal in the runtime with two words in a row is text for a reader, unless it is
# markup, a CSS selector, or the message of an error thrown for a programmer.
_LITERAL = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|`(?:[^`\\]|\\.)*`')
_WORDS = re.compile(r"[A-Za-z]{2,}[,.:;]? [A-Za-z]{2,}")


def _statements(source: str) -> list[str]:
    """Lines of code, a statement continued on the next line (after ``+``, ``(`` or ``,``) joined."""
    joined: list[str] = []
    for line in re.sub(r"/\*.*?\*/", "", source, flags=re.DOTALL).splitlines():
        if line.rstrip().endswith("// not for readers"):
            continue
        code = re.sub(r"(?<![:\\])//.*$", "", line).strip()
        if joined and re.search(r"[+(,]$", joined[-1]):
            joined[-1] += " " + code
        else:
            joined.append(code)
    return joined


def _without_expressions(code: str) -> list[str]:
    """``code`` with each template expression ``${...}`` (braces balanced) cut out as a space,
    followed by the expressions themselves, treated the same way."""
    out, inner, depth, start, i = [], [], 0, 0, 0
    while i < len(code):
        if depth == 0 and code.startswith("${", i):
            depth, start, i = 1, i + 2, i + 2
            continue
        if depth:
            depth += {"{": 1, "}": -1}.get(code[i], 0)
            if depth == 0:
                inner.append(code[start:i])
                out.append(" ")
        else:
            out.append(code[i])
        i += 1
    return ["".join(out), *(piece for expression in inner for piece in _without_expressions(expression))]


def _reader_text(source: str) -> list[str]:
    found = []
    for code in _statements(source):
        if re.search(r"\bthrow new \w*Error\(|\binvalidTree\(|\bconsole\.\w+\(", code):
            continue  # messages for programmers, not readers
        pieces = _without_expressions(code)
        for literal in (lit for piece in pieces for lit in _LITERAL.findall(piece)):
            text = re.sub(r"<[^>]*>|<\w[^>]*$|^[^<]*/?>", " ", literal[1:-1])
            if _WORDS.search(text):
                found.append(code)
    return found


def test_the_runtime_writes_no_words_of_its_own() -> None:
    scripts = [*RUNTIME.glob("*.js"), RUNTIME.parents[1] / "site" / "static" / "decision-guide.js"]
    offenders = {path.name: _reader_text(path.read_text(encoding="utf-8")) for path in scripts}
    assert {name: lines for name, lines in offenders.items() if lines} == {}


def test_the_finder_of_runtime_words_finds_them() -> None:
    assert _reader_text('setText(status, "Link copied to the clipboard");') != []
    assert _reader_text("return `Fix ${n} inputs to see results.`;") != []
    assert _reader_text('throw new TypeError("a spec needs inputs");') == []
    assert _reader_text('const x = `<path class="dg-chart__grid" d="M1 2"/>`;') == []
    assert _reader_text('throw new RangeError(`no answer ${a}; ` +\n  `its answers are: ${b}`);') == []


def _text_outside_jinja(template: str) -> str:
    """What a template writes itself: text between tags and the attributes a reader meets
    (title, aria-label, alt, data-label), outside Jinja's tags; no entities."""
    text = re.sub(r"\{#.*?#\}|\{\{.*?\}\}|\{%.*?%\}", " ", template, flags=re.DOTALL)
    read = r'\b(?:title|aria-label|alt|placeholder|data-label)="([^"]*)"'
    text = re.sub(r"<[^>]*>", lambda tag: " ".join(["", *re.findall(read, tag[0]), ""]), text)
    return re.sub(r"&#?\w+;", " ", text)


@pytest.mark.parametrize("template", sorted(p.relative_to(TEMPLATES).as_posix()
                                             for p in TEMPLATES.rglob("*.*")))
def test_the_templates_take_every_word_from_the_table(template: str) -> None:
    text = _text_outside_jinja((TEMPLATES / template).read_text(encoding="utf-8"))
    assert not re.findall(r"[A-Za-z]{2,}", text), template


def test_the_finder_of_template_words_finds_them() -> None:
    assert _text_outside_jinja("<p>Presets: {{ w('x') }}</p>").split() == ["Presets:"]
    assert _text_outside_jinja('<td data-label="{{ w(\'a\') }}">{{ x }}&nbsp;</td>').split() == []
    assert _text_outside_jinja('<span class="dg-x" title="Not confirmed">').split() == ["Not", "confirmed"]


def test_the_record_template_renders_in_german() -> None:
    words = load_words(GERMAN, project_root=ROOT, locale="de-DE")
    text = make_environment().get_template("records/decision.md").render(
        w=words.say, title="T", status="offen", date="2026-05-14", page=None, option_list="A oder B",
        asked="2 Fragen", answered=0, rows=[], constraints=[], drivers=[], option_names=["A"],
        outcome="O", close_call=False, conflicts=[], flip=None, unanswered=None, standings=[],
        pros_cons=[], sources=[])
    assert "## Kontext und Problemstellung" in text and "- Status: offen" in text
    assert not PLACEHOLDER.search(text)


def test_the_default_unit_words_are_the_tables() -> None:
    """``NumberStyle``'s default unit words (Python) and ``DEFAULT_STYLE.units`` (JS, used only
    where a spec carries no style) are the English table's ``units``, not a second copy."""
    from decision_guide.calculators.formats import DEFAULT_UNITS

    table = {key.removeprefix("units."): text for key, text in english().items() if key.startswith("units.")}
    assert dict(DEFAULT_UNITS) == table
    node = shutil.which("node")
    assert node, "node is needed for the runtime's twin"
    script = (f"import {{ DEFAULT_STYLE }} from {json.dumps((RUNTIME / 'format.js').as_uri())};"
              "process.stdout.write(JSON.stringify(DEFAULT_STYLE.units));")
    run = subprocess.run([node, "--input-type=module", "-e", script], capture_output=True, text=True,
                         check=True, timeout=60)
    assert json.loads(run.stdout) == table
