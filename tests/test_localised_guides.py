"""A guide in euros for German readers: every calculator value on the built page, in tables and
charts too, reads ``1.234 €`` style (``1.234,56 €`` where the author asks for ``decimals: 2``), and
the browser shows the same strings once the runtime has started and after it recomputes. Its
``words`` file puts the plugin's own words in German, on the static page and in what the browser
writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from browsing import root_of
from conftest import TODAY, build_project
from decision_guide.adapters.cli import main
from decision_guide.calculators.formats import NumberStyle, format_figure, format_value
from decision_guide.knowledge.words import load_words
from static_server import serve_site

GERMAN = NumberStyle(locale="de-DE", currency="EUR")
GERMAN_WORDS = Path(__file__).parent / "contracts" / "words" / "de.yml"
WORDS = load_words(GERMAN_WORDS, project_root=GERMAN_WORDS.parent, locale="de-DE")
#: An amount to the cent: ``decimals: 2`` in place of the places its size would choose (1.235 €).
INVOICE = """\
calculator:
  id: invoice
  title: Eine Rechnung
  summary: Der Betrag auf den Cent.
  inputs:
    - {id: net, label: Nettopreis, unit: EUR, format: currency, decimals: 2, default: 1234.56,
       assumption: Ein Beispiel, max: 100000, step: 0.01}
    - {id: copies, label: Anzahl, default: 1, assumption: Eine, min: 1, max: 100}
  values:
    - {id: amount, label: Betrag, formula: net * copies, decimals: 2, output: true}
  tables:
    - {id: by-copies, caption: Nach Anzahl, over: {input: copies, values: [1, 3]},
       columns: [{value: amount, label: Betrag}]}
"""


@pytest.fixture(scope="module")
def euro_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    guide = tmp_path_factory.mktemp("euro") / "guide"
    with pytest.MonkeyPatch.context() as patch:  # dated like the build's pinned 'today'
        patch.setenv("DECISION_GUIDE_TODAY", TODAY.isoformat())
        assert main(["new", str(guide), "--currency", "EUR", "--locale", "de-DE"]) == 0
    (guide / "words.de.yml").write_bytes(GERMAN_WORDS.read_bytes())
    (guide / "calculators" / "invoice.yml").write_text(INVOICE, encoding="utf-8")
    index = guide / "content" / "pages" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n## Eine Rechnung\n\n"
                     "<!-- guide:calculator id=invoice -->\n", encoding="utf-8")
    config = guide / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "      locale: de-DE\n", "      locale: de-DE\n      words: words.de.yml\n"), encoding="utf-8")
    return build_project(guide, guide / "site")


@pytest.mark.slow
def test_the_static_page_shows_euros_in_german(euro_site: Path) -> None:
    html = (euro_site / "index.html").read_text(encoding="utf-8")
    start = html.index('data-calculator="lease-or-buy"')
    calculator = html[start:].split("</template>", 1)[1]  # past the spec: what reads without JS
    assert f'>{format_value(16_200, "currency", GERMAN)}<' in calculator  # 10 × 45 € × 36
    assert "16.200\u00a0€" in calculator and "$" not in calculator
    invoice = html[html.index('data-calculator="invoice"'):].split("</template>", 1)[1]
    assert '<output data-output="amount"' in invoice
    assert ">1.234,56\u00a0€<" in invoice  # the author's two places: not the magnitude rule's 1.235 €
    table = invoice[invoice.index("<table"):invoice.index("</table>")]
    assert ">1.234,56\u00a0€<" in table and ">3.703,68\u00a0€<" in table  # a column: its value's places


@pytest.mark.slow
@pytest.mark.browser
def test_the_browser_shows_the_same_strings_and_recomputes_in_german(
        euro_site: Path, browser) -> None:  # type: ignore[no-untyped-def]
    static = (euro_site / "index.html").read_text(encoding="utf-8")
    with serve_site(euro_site) as base:
        page = browser.new_page()
        page.goto(base)
        root = root_of(page, "lease-or-buy")
        shown = root.evaluate("""(r) => Object.fromEntries([...r.querySelectorAll('output[data-output]')]
            .map((o) => [o.dataset.output, o.textContent]))""")
        for value_id, text in shown.items():  # the runtime re-rendered every output: same text
            assert f'data-output="{value_id}"' in static and f">{text}<" in static, (value_id, text)
        total = root.locator('output[data-output="lease_total"]')
        root.locator('input[name="laptops"]').fill("1000")
        expected = format_value(1000 * 45 * 36, "currency", GERMAN)
        assert expected == "1.620.000\u00a0€"
        page.wait_for_function("([el, text]) => el.textContent === text",
                               arg=[total.element_handle(), expected])
        page.close()


@pytest.mark.slow
@pytest.mark.browser
def test_an_amount_to_the_cent_reads_1_234_56_euros_after_a_recompute(
        euro_site: Path, browser) -> None:  # type: ignore[no-untyped-def]
    with serve_site(euro_site) as base:
        page = browser.new_page()
        page.goto(base)
        root = root_of(page, "invoice")
        amount = root.locator('output[data-output="amount"]')
        for copies, expected in (("2", "2.469,12\u00a0€"), ("1", "1.234,56\u00a0€")):
            root.locator('input[name="copies"]').fill(copies)
            page.wait_for_function("([el, text]) => el.textContent === text",
                                   arg=[amount.element_handle(), expected])
        root.locator('input[name="net"]').fill("1000")  # the table's row for 3 copies follows
        cell = root.locator('table[data-table="by-copies"] td[data-cell="amount"]').last
        page.wait_for_function("([el, text]) => el.textContent === text",
                               arg=[cell.element_handle(), "3.000,00\u00a0€"])
        page.close()


@pytest.mark.slow
def test_the_static_page_has_the_plugins_words_in_german(euro_site: Path) -> None:
    html = (euro_site / "index.html").read_text(encoding="utf-8")
    calculator = html[html.index('data-calculator="lease-or-buy"'):].split("</template>", 1)[1]
    for key in ("calculator.inputs", "calculator.reset", "calculator.copy_link", "calculator.how_computed"):
        assert f">{WORDS.say(key)}<" in calculator, key
    for english in ("Reset to defaults", "Copy link", "How it is computed", ">Inputs<"):
        assert english not in calculator
    # A cited price keeps the precision its source gives, in German: 1400 is "1.400", 45 is "45,00".
    assert f">{format_figure(1400, style=GERMAN)}&nbsp;" in html and ">45,00&nbsp;" in html
    assert f'<span class="dg-asof">{WORDS.say("evidence.as_of", date="2026-11")}' in html
    prices = (euro_site / "reference" / "prices" / "index.html").read_text(encoding="utf-8")
    assert f"<caption>{WORDS.say('blocks.prices')}</caption>" in prices and "<h1" in prices
    wizard = next(path for path in euro_site.rglob("*.html") if "data-wizard-spec" in path.read_text("utf-8"))
    page = wizard.read_text(encoding="utf-8")
    assert WORDS.say("wizard.start_again") in page and "Start again" not in page


@pytest.mark.slow
@pytest.mark.browser
def test_the_browser_writes_the_plugins_words_in_german(  # type: ignore[no-untyped-def]
        euro_site: Path, browser) -> None:
    with serve_site(euro_site) as base:
        page = browser.new_page()
        page.goto(base)
        root = root_of(page, "lease-or-buy")
        root.locator('input[name="laptops"]').fill("")
        status = root.locator(".dg-calc__status")
        expected = WORDS.say("calculator.fix_inputs", count=1)
        page.wait_for_function("([el, text]) => el.textContent === text",
                               arg=[status.element_handle(), expected])
        error = root.locator('[data-field="laptops"] .dg-field__error')
        assert error.text_content() == WORDS.say("calculator.enter_number")
        page.goto(base + "reference/prices/")  # a sortable table names its buttons in German
        button = page.locator("table.dg-costs th button.dg-sort").first
        assert button.get_attribute("aria-label") == WORDS.say("blocks.sort_by", column=button.inner_text())
        page.close()


@pytest.mark.slow
def test_calc_answers_in_the_guides_currency_and_words(euro_site: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """``decision-guide calc`` shows what the page shows: euros in German, German messages."""
    config = ["-f", str(euro_site.parent / "mkdocs.yml")]
    assert main([*config, "calc", "lease-or-buy", "laptops=1000"]) == 0
    assert format_value(1000 * 45 * 36, "currency", GERMAN) in capsys.readouterr().out
    assert main([*config, "calc", "lease-or-buy", "laptops="]) == 1
    assert WORDS.say("calculator.enter_number") in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.browser
def test_the_wizard_and_the_chart_speak_german_in_the_browser(  # type: ignore[no-untyped-def]
        euro_site: Path, browser) -> None:
    static = (euro_site / "index.html").read_text(encoding="utf-8")
    with serve_site(euro_site) as base:
        page = browser.new_page()
        page.goto(base)
        root = root_of(page, "lease-or-buy")
        label = root.locator("figure[data-chart] svg").first.get_attribute("aria-label")
        assert label and f'aria-label="{label}"' in static, label  # the runtime redrew the same words
        assert " nach " in label and " bis " in label  # chart.summary: "{y} nach {x}, {from} bis {to}."
        wizard = next(p for p in euro_site.rglob("*.html") if "data-wizard-spec" in p.read_text("utf-8"))
        page.goto(base + wizard.parent.relative_to(euro_site).as_posix() + "/")
        form = page.locator(".dg-wizard__form")
        form.wait_for()
        questions = form.locator("fieldset[data-question]").count()
        form.locator('input[type="radio"]').first.check()
        progress = page.locator('[data-output="progress"]')
        expected = WORDS.say("wizard.progress", answered=1, questions=questions)
        page.wait_for_function("([el, text]) => el.textContent === text",
                               arg=[progress.element_handle(), expected])
        page.close()
