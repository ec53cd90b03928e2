"""The calculators in Chromium, used as a reader uses them: the built site served from a
sub-path under `script-src 'self'`; inputs typed, presets pressed, links copied and shared; with
and without JavaScript, by keyboard only, after instant navigation, on a phone and in the dark
palette."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import DESKTOP, PHONE, POOR_CONTRAST, Browsing, publish_at, root_of
from conftest import ROOT, build_project
from static_server import serve_site

pytestmark = [pytest.mark.slow, pytest.mark.browser]

PAGE_OF = {"rag-cost": "costs/", "fine-tuning-cost": "costs/", "break-even": "costs/",
           "latency-budget": "latency/"}
TABLE_OF = {"rag-cost": "by-volume", "fine-tuning-cost": "by-retraining", "break-even": "by-month",
            "latency-budget": "by-target"}
BROKEN = re.compile(r"NaN|Infinity|undefined|null|\[object")
DASH = "—"



# ----------------------------------------------------------------------------- the site


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = build_project(ROOT, tmp_path_factory.mktemp("calculators") / "site")
    with serve_site(site) as url:
        publish_at(site, url)
        yield url


@pytest.fixture(scope="module")
def browsing(browser, base: str) -> Iterator[Browsing]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=DESKTOP)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    yield Browsing(context, base)
    context.close()


@pytest.fixture
def site(browsing: Browsing) -> Iterator[Browsing]:
    """The served site; the test fails if any page logged an error or threw."""
    yield from browsing.checked()


def calculator(site: Browsing, calc_id: str):  # type: ignore[no-untyped-def]
    """The root of `calc_id` on its page (kept open), at its defaults and mounted."""
    return root_of(site.at_defaults(PAGE_OF[calc_id]), calc_id)


# ----------------------------------------------------------------------------- reading a calculator


def out(root, value_id: str):  # type: ignore[no-untyped-def]
    return root.locator(f'output[data-output="{value_id}"]')


def field(root, input_id: str):  # type: ignore[no-untyped-def]
    return root.locator(f'input[name="{input_id}"]')


def outputs(root) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return root.evaluate("""(r) => Object.fromEntries([...r.querySelectorAll('output[data-output]')]
        .map((o) => [o.dataset.output, o.textContent]))""")


def table(root, table_id: str) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    """Rows of a scenario table as {"": the row's heading, <value id>: the cell's text}."""
    return root.evaluate("""(r, id) => [...r.querySelectorAll(`table[data-table="${id}"] tbody tr`)]
        .map((tr) => Object.fromEntries([
          ['', tr.querySelector('th').textContent],
          ...[...tr.querySelectorAll('td[data-cell]')].map((c) => [c.dataset.cell, c.textContent]),
        ]))""", table_id)


def amount(text: str) -> tuple[float, float]:
    """A shown amount ("$3,965", "$0.0396", "−$5", "1,200") as (value, half a unit of its last
    digit): the exact result lies within that of the number shown."""
    digits = text.replace("\u2212", "-").replace("$", "").replace(",", "").strip()
    assert re.fullmatch(r"-?\d+(\.\d+)?", digits), f"not an amount: {text!r}"
    return float(digits), 0.5 * 10.0 ** -len(digits.partition(".")[2])


def when_changed(root, value_id: str, before: str) -> str:  # type: ignore[no-untyped-def]
    """The output's text once it is no longer `before`."""
    handle = out(root, value_id).element_handle()
    root.page.wait_for_function("([el, before]) => el.textContent !== before", arg=[handle, before])
    return handle.text_content()


def assert_all_shown(root) -> None:  # type: ignore[no-untyped-def]
    """Every output and table cell holds a result: not empty, no dash, no JavaScript artefact."""
    cells = root.locator("td[data-cell]").all_text_contents()
    shown = list(outputs(root).items()) + [(f"cell {i}", text) for i, text in enumerate(cells)]
    for name, text in shown:
        assert text.strip() and text != DASH, f"{name} shows no result"
        assert not BROKEN.search(text), f"{name} shows {text!r}"


def assert_no_artefacts(root) -> None:  # type: ignore[no-untyped-def]
    text = root.locator(".dg-calc__results").text_content()
    assert not BROKEN.search(text), text


# ----------------------------------------------------------------------------- typing


def test_typing_the_query_volume_recomputes_the_monthly_total(site: Browsing) -> None:
    root = calculator(site, "rag-cost")
    before = out(root, "monthly_total").text_content()

    field(root, "queries").fill("1000000")

    total, total_err = amount(when_changed(root, "monthly_total", before))
    per_query, per_query_err = amount(out(root, "per_query").text_content())
    storage, storage_err = amount(out(root, "storage_month").text_content())
    # monthly_total = per_query × queries + storage_month, to the precision shown
    expected = per_query * 1_000_000 + storage
    assert abs(total - expected) <= per_query_err * 1_000_000 + storage_err + total_err
    assert "* 1000000 +" in root.locator('[data-formula-filled="monthly_total"]').text_content()
    assert_all_shown(root)


def test_the_scenario_table_follows_the_other_inputs(site: Browsing) -> None:
    root = calculator(site, "rag-cost")
    before = table(root, "by-volume")

    field(root, "context_tokens").fill("4000")
    when_changed(root, "per_query", before[0]["per_query"])

    rows = table(root, "by-volume")
    assert rows != before
    per_query = out(root, "per_query").text_content()
    unit, unit_err = amount(per_query)
    storage, storage_err = amount(out(root, "storage_month").text_content())
    for row in rows:
        volume = float(row[""].replace(",", ""))
        assert row["per_query"] == per_query  # a query costs the same at any volume
        total, total_err = amount(row["monthly_total"])
        assert abs(total - (unit * volume + storage)) <= unit_err * volume + storage_err + total_err


def test_the_break_even_chart_and_table_follow_the_query_volume(site: Browsing) -> None:
    root = calculator(site, "break-even")
    chart_before = root.locator("figure[data-chart] svg").evaluate("s => s.outerHTML")
    rows_before = table(root, "by-month")

    field(root, "queries").fill("30000")
    figure = root.locator("figure[data-chart]").element_handle()
    root.page.wait_for_function("([f, before]) => f.querySelector('svg').outerHTML !== before",
                                arg=[figure, chart_before])

    rows = table(root, "by-month")
    assert rows != rows_before
    # RAG per month = queries × RAG cost per query (a result) + RAG fixed cost (an input)
    rag_monthly, err = amount(out(root, "rag_monthly").text_content())
    per_query, per_query_err = amount(out(root, "rag_per_query").text_content())
    fixed = float(field(root, "rag_fixed").input_value())
    assert abs(rag_monthly - (30000 * per_query + fixed)) <= err + 30000 * per_query_err
    # The new chart draws the new table: its description names month 1's and month 36's totals.
    first, last = rows[0], rows[-1]
    assert (first[""], last[""]) == ("1 month", "36 months")
    description = root.locator("figure[data-chart] svg").get_attribute("aria-label")
    for value_id, name in (("cum_rag", "RAG"), ("cum_ft", "Fine-tuning"), ("cum_hybrid", "Hybrid")):
        assert f"{name}: {first[value_id]} to {last[value_id]}." in description
    assert_all_shown(root)


@pytest.mark.parametrize(("calc_id", "input_id", "value"), [
    ("fine-tuning-cost", "queries", "2000000"),
    ("latency-budget", "fallback_share", "80"),
])
def test_every_calculator_recomputes_as_you_type(site: Browsing, calc_id: str, input_id: str,
                                                 value: str) -> None:
    root = calculator(site, calc_id)
    before = outputs(root)
    field(root, input_id).fill(value)
    root.page.wait_for_function("([r, before]) => [...r.querySelectorAll('output[data-output]')]"
                                ".some((o) => o.textContent !== before[o.dataset.output])",
                                arg=[root.element_handle(), before])
    assert_all_shown(root)


def test_the_article_preset_reproduces_the_quoted_figure(site: Browsing) -> None:
    root = calculator(site, "rag-cost")
    root.get_by_role("button", name="As in the article").click()
    assert out(root, "article_total").text_content() == "$0.032"
    assert out(root, "per_query").text_content() == "$0.032"  # no output tokens, no reads
    assert field(root, "output_tokens").input_value() == "0"
    assert root.locator(".dg-calc__status").text_content() == "Preset applied: As in the article."


# ----------------------------------------------------------------------------- invalid input


@pytest.mark.parametrize(("calc_id", "input_id", "typed", "message"), [
    ("rag-cost", "queries", "", "Enter a number."),
    ("rag-cost", "queries", "-5", "Must not be negative."),
    ("rag-cost", "queries", "20000000000", "Must be at most 10,000,000,000 queries."),
    ("break-even", "base_input_price", "201", "Must be at most $200."),
    ("break-even", "hybrid_context_share", "120", "Must be at most 100%."),
    ("latency-budget", "target_ms", "0", "Must be at least 1 ms."),
])
def test_an_invalid_input_is_explained_beside_its_field_and_no_result_is_made_up(
        site: Browsing, calc_id: str, input_id: str, typed: str, message: str) -> None:
    root = calculator(site, calc_id)
    control = field(root, input_id)
    default = control.input_value()

    control.fill(typed)

    error = root.locator(f'[data-field="{input_id}"] .dg-field__error')
    assert error.is_visible()
    assert error.text_content() == message
    assert control.get_attribute("aria-invalid") == "true"
    assert error.get_attribute("id") in control.get_attribute("aria-describedby").split()
    assert set(outputs(root).values()) == {DASH}
    assert set(root.locator("td[data-cell]").all_text_contents()) == {DASH}
    first = next(iter(outputs(root)))
    assert out(root, first).get_attribute("title") == "Fix the inputs above to see this result."
    assert root.locator(".dg-calc__status").text_content() == "Fix 1 input to see results."
    if root.locator("figure[data-chart]").count():
        chart = root.locator("figure[data-chart] svg")
        assert "No results for these inputs" in chart.text_content()
    assert_no_artefacts(root)

    control.fill(default)  # put right, the results come back
    assert error.is_hidden()
    assert control.get_attribute("aria-invalid") is None
    assert_all_shown(root)


def test_letters_never_reach_a_result(site: Browsing) -> None:
    # A shared link can carry letters; the keyboard cannot put them in a number field.
    page = site.new_page("costs/?rag-cost.queries=abc")
    root = root_of(page, "rag-cost")
    control = field(root, "queries")
    error = root.locator('[data-field="queries"] .dg-field__error')
    assert error.text_content() == "“abc” is not a number."
    assert control.input_value() == ""
    assert control.get_attribute("aria-invalid") == "true"
    assert set(outputs(root).values()) == {DASH}

    control.press_sequentially("abc")
    assert control.input_value() == ""
    assert control.get_attribute("aria-invalid") == "true"
    assert set(outputs(root).values()) == {DASH}
    assert_no_artefacts(root)

    control.press_sequentially("12000")
    assert control.get_attribute("aria-invalid") is None
    assert_all_shown(root)


def test_a_break_even_that_does_not_exist_says_never_and_why(site: Browsing) -> None:
    root = calculator(site, "break-even")
    reason = root.locator('.dg-calc__headline [data-reason="breakeven_month"]')
    assert reason.is_hidden()
    before = out(root, "breakeven_month").text_content()
    field(root, "queries").fill("0")  # no volume and no fixed cost: fine-tuning never catches up
    field(root, "rag_fixed").fill("0")
    assert when_changed(root, "breakeven_month", before) == "Never"
    # The reason is on the page, under the headline, not only in a tooltip.
    assert reason.is_visible()
    assert reason.text_content().startswith("At this volume fine-tuning costs as much or more")
    assert out(root, "breakeven_month").get_attribute("title") == reason.text_content()
    assert field(root, "queries").get_attribute("aria-invalid") is None
    assert out(root, "rag_monthly").text_content() == "$0"
    assert_no_artefacts(root)


def test_the_headline_result_comes_first_with_the_assumptions_beside_it(site: Browsing) -> None:
    for calc_id, headline in (("break-even", "breakeven_month"), ("rag-cost", "per_query"),
                              ("fine-tuning-cost", "first_year"), ("latency-budget", "rag_budget")):
        root = calculator(site, calc_id)
        first = root.locator("output[data-output], input, .dg-calc__inputs").first
        assert first.get_attribute("data-output") == headline, calc_id
        assert root.locator(f'output[data-output="{headline}"]').count() == 1, "shown once"
    assumptions = calculator(site, "break-even").locator(".dg-calc__assumptions li").all_text_contents()
    assert any("Same model tier on both sides" in text for text in assumptions)
    assert any("Output tokens are counted on both sides" in text for text in assumptions)


# ----------------------------------------------------------------------------- the URL


def test_a_link_restores_the_state_and_reset_clears_it(site: Browsing) -> None:
    rag = calculator(site, "rag-cost")
    page = rag.page
    break_even = root_of(page, "break-even")
    defaults = outputs(rag)
    field(rag, "queries").fill("250000")
    field(break_even, "month").fill("24")
    page.wait_for_function("() => /rag-cost\\.queries=250000/.test(location.search)"
                           " && /break-even\\.month=24/.test(location.search)")
    shown = {"rag-cost": outputs(rag), "break-even": outputs(break_even)}

    other = site.new_page(page.url.removeprefix(site.base))
    assert field(root_of(other, "rag-cost"), "queries").input_value() == "250000"
    assert field(root_of(other, "break-even"), "month").input_value() == "24"
    assert {calc: outputs(root_of(other, calc)) for calc in shown} == shown

    rag.get_by_role("button", name="Reset to defaults").click()
    assert field(rag, "queries").input_value() == "100000"
    assert outputs(rag) == defaults
    assert "rag-cost." not in page.url
    assert "break-even.month=24" in page.url  # the other calculator keeps its state
    assert rag.locator(".dg-calc__status").text_content() == "Defaults restored."


@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_copy_link_works_from_the_keyboard(site: Browsing, key: str) -> None:
    root = calculator(site, "latency-budget")
    page = root.page
    page.bring_to_front()  # the clipboard API needs the document to have focus
    field(root, "target_ms").fill("500")
    root.get_by_role("button", name="Reset to defaults").focus()

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hasAttribute('data-share')")
    page.keyboard.press(key)

    status = root.locator(".dg-calc__status")
    page.wait_for_function("el => el.textContent === 'Link copied.'", arg=status.element_handle())
    copied = page.evaluate("navigator.clipboard.readText()")
    # Not the section anchor Material's navigation tracking puts in the address: the calculator's.
    assert copied == page.url.split("#")[0] + "#calc-latency-budget"
    assert "latency-budget.target_ms=500" in copied


def test_copy_link_without_a_clipboard_selects_the_link_instead(site: Browsing) -> None:
    page = site.new_page("costs/")
    root = root_of(page, "rag-cost")
    field(root, "queries").fill("5000")
    page.evaluate("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    root.get_by_role("button", name="Copy link").focus()
    page.keyboard.press("Enter")

    link = root.get_by_label("Link to these results")
    link.wait_for()
    assert link.input_value() == page.url.split("#")[0] + "#calc-rag-cost"
    assert "rag-cost.queries=5000" in link.input_value()
    assert page.evaluate("""() => {
      const el = document.activeElement;
      return el.classList.contains('dg-calc__link')
        && el.selectionEnd - el.selectionStart === el.value.length;
    }""")
    assert root.locator(".dg-calc__status").text_content() == "Copy the selected link."


# ----------------------------------------------------------------------------- instant navigation


def test_calculators_and_wizard_start_after_instant_navigation(site: Browsing) -> None:
    page = site.new_page("")
    page.evaluate("window.__marker = 1")  # gone if the browser loads a new document

    page.locator("a.md-tabs__link", has_text="Costs & latency").click()
    page.wait_for_url(re.compile(r"/costs/(#.*)?$"))
    rag = root_of(page, "rag-cost")
    assert page.evaluate("window.__marker") == 1, "the page was reloaded, not swapped"
    before = out(rag, "monthly_total").text_content()
    field(rag, "queries").fill("200000")
    assert when_changed(rag, "monthly_total", before) != before
    page.wait_for_url(re.compile(r"rag-cost\.queries=200000"))

    page.locator("a.md-tabs__link", has_text="Decide").click()
    page.wait_for_url(re.compile(r"/decision-framework/(#.*)?$"))
    wizard = root_of(page, "decision-wizard")
    assert page.evaluate("window.__marker") == 1
    assert wizard.locator(".dg-wizard__fallback").is_hidden()
    wizard.locator('input[name="limited-budget"][value="yes"]').check()
    said = out(wizard, "recommendation").text_content()
    assert said.startswith("Retrieval-augmented generation (RAG)")

    page.go_back()  # the costs page again, as it was left
    page.wait_for_url(re.compile(r"/costs/\?rag-cost\.queries=200000"))
    rag = root_of(page, "rag-cost")
    assert page.evaluate("window.__marker") == 1
    assert field(rag, "queries").input_value() == "200000"
    assert out(rag, "monthly_total").text_content() != before


# ----------------------------------------------------------------------------- without JavaScript


def recomputed(root):  # type: ignore[no-untyped-def]
    """``root`` after the browser computed everything again from its inputs as they are: a
    page opened at the defaults keeps what the build wrote, which this makes the browser redo."""
    root.evaluate("r => r.querySelector('input').dispatchEvent(new Event('input', {bubbles: true}))")
    return root


SHOWN_TEXT = """(r) => [...r.querySelectorAll(
    'output[data-output], td[data-cell], [data-formula-filled], [data-reason], .dg-field__error')]
    .map((e) => [e.tagName, e.dataset.output ?? e.dataset.cell ?? e.dataset.formulaFilled ?? '',
                 e.textContent, e.hidden, e.title])"""


@pytest.mark.parametrize("calc_id", list(PAGE_OF))
def test_a_page_opened_at_the_defaults_shows_what_the_browser_would_compute(
        site: Browsing, calc_id: str) -> None:
    # The runtime leaves the build's results in place at the defaults (a shorter page load), so
    # they must be exactly what it would write: every output, cell, filled formula and reason.
    root = calculator(site, calc_id)
    as_built = root.evaluate(SHOWN_TEXT)
    assert len(as_built) > 5
    assert recomputed(root).evaluate(SHOWN_TEXT) == as_built


def test_a_chart_is_drawn_again_at_its_figures_width_on_a_phone(site: Browsing) -> None:
    page = site.new_page(context=site.new_context(**PHONE))
    page.goto(site.base + "costs/")
    figure = root_of(page, "break-even").locator("figure[data-chart]")
    figure.scroll_into_view_if_needed()
    width = round(figure.evaluate("f => f.clientWidth"))
    assert width < 400
    page.wait_for_function("([f, w]) => f.querySelector('svg').getAttribute('viewBox').split(' ')[2] == w",
                           arg=[figure.element_handle(), width])


def test_without_javascript_the_page_shows_what_the_build_computed(site: Browsing) -> None:
    live = site.at_defaults("costs/")
    static = site.new_page("costs/", site.new_context(java_script_enabled=False))
    for calc in ("rag-cost", "fine-tuning-cost", "break-even"):
        root = static.locator(f'[data-calculator="{calc}"]')
        assert root.get_attribute("data-calculator-mounted") is None
        assert_all_shown(root)
        # what the build computed is what the browser computes
        browser = recomputed(root_of(live, calc))
        assert outputs(root) == outputs(browser), calc
        assert table(root, TABLE_OF[calc]) == table(browser, TABLE_OF[calc]), calc
        assert root.locator(".dg-calc__actions").is_hidden()  # its buttons need the script
    rag = static.locator('[data-calculator="rag-cost"]')
    assert re.fullmatch(r"\$0\.0\d+", outputs(rag)["per_query"])
    chart = static.locator('[data-calculator="break-even"] figure[data-chart] svg')
    assert chart.is_visible()
    assert chart.locator("path.dg-chart__line").count() == 3


# ----------------------------------------------------------------------------- keyboard


@pytest.mark.parametrize("calc_id", list(PAGE_OF))
def test_every_control_is_labelled_and_reached_by_tab_with_visible_focus(
        site: Browsing, calc_id: str) -> None:
    root = calculator(site, calc_id)
    page = root.page
    labels = root.evaluate(
        "r => [...r.querySelectorAll('input')].map((i) => [i.name, i.labels[0]?.textContent])")
    for name, label in labels:
        assert label, f"{name} has no label"
        assert root.get_by_label(label, exact=True).get_attribute("name") == name

    # Where each Tab lands, from just before the calculator's first control to past its last
    stops = root.evaluate("""(r) => {
      const name = (el) =>
        (el.name ? `input ${el.name}` : `${el.tagName} ${el.textContent.trim()}`);
      window.__landed = [];
      window.__record = ({target: el}) => {
        const style = getComputedStyle(el);
        window.__landed.push(!r.contains(el) ? null : {name: name(el),
          seen: el.matches(':focus-visible') && style.outlineStyle !== 'none'
            && parseFloat(style.outlineWidth) >= 2});
      };
      document.addEventListener('focusin', window.__record);
      r.tabIndex = -1;
      r.focus();
      r.removeAttribute('tabindex');
      window.__landed = [];
      return r.querySelectorAll('a[href], input, button, summary').length;
    }""")
    for _ in range(stops + 1):
        page.keyboard.press("Tab")
    landed = page.evaluate("""() => {
      document.removeEventListener('focusin', window.__record);
      return window.__landed;
    }""")
    assert landed[-1] is None, "Tab never left the calculator"
    reached = [stop["name"] for stop in landed if stop]
    unseen = [stop["name"] for stop in landed if stop and not stop["seen"]]
    controls = root.evaluate("""r => [...r.querySelectorAll('input, button')]
        .map((el) => el.name ? `input ${el.name}` : `${el.tagName} ${el.textContent.trim()}`)""")
    assert [name for name in reached if name in controls] == controls  # all, in reading order
    assert unseen == []


# ----------------------------------------------------------------------------- how it looks

READABLE = ["output[data-output]", ".dg-output dt", ".dg-calc__headline-label",
            ".dg-calc__assumptions li", ".dg-calc__reason:not([hidden])",
            ".dg-field > label", ".dg-field__unit",
            ".dg-field__help", ".dg-field__help a", ".dg-field__error:not([hidden])",
            ".dg-calc__status", "button", "input", ".dg-formula > summary", "td[data-cell]",
            "tbody th", "caption", "svg text", "figcaption"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_calculator_text_is_readable_in_both_palettes(site: Browsing, scheme: str) -> None:
    # with an error message too
    page = site.new_page("costs/?rag-cost.queries=-1", site.new_context(color_scheme=scheme))
    assert page.locator("body").get_attribute("data-md-color-scheme") == (
        "slate" if scheme == "dark" else "default")
    root_of(page, "rag-cost")
    poor = page.evaluate(POOR_CONTRAST, ["[data-calculator]", READABLE, 4.5])
    assert poor == [], "\n".join(map(str, poor))


def test_nothing_overflows_sideways_on_a_phone(site: Browsing) -> None:
    page = site.new_page(context=site.new_context(**PHONE))
    for path in ("costs/", "latency/"):
        page.goto(site.base + path)
        # Everything laid out, as it is when the reader scrolls to it: a table off screen is
        # skipped until then (content-visibility), and so would be any overflow inside it.
        page.add_style_tag(content="* { content-visibility: visible !important; }")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        for root in page.locator(".dg-calc").all():
            name = root.get_attribute("data-calculator")
            assert root.evaluate("r => r.scrollWidth <= r.clientWidth"), name
            for wrap in root.locator(".dg-table-wrap").all():  # tables fit without scrolling
                assert wrap.evaluate("w => w.scrollWidth <= w.clientWidth"), name
            for button in root.locator("button").all():
                box = button.bounding_box()
                assert box and min(box["height"], box["width"]) >= 44, button.text_content()



# ----------------------------------------------------------------------------- reading like a tool


def test_a_yes_no_input_is_a_switch(site: Browsing) -> None:
    root = calculator(site, "latency-budget")
    switch = root.get_by_role("switch", name="Rerank the retrieved passages")
    assert switch.is_checked()
    before = out(root, "retrieval_ms").text_content()
    switch.press("Space")  # by keyboard, as a switch is used
    assert when_changed(root, "retrieval_ms", before) == "45 ms"  # 40 + 5, no rerank
    assert not switch.is_checked()
    root.page.wait_for_function("() => /latency-budget\\.use_rerank=0/.test(location.search)")
    switch.click()
    assert when_changed(root, "retrieval_ms", "45 ms") == before


def test_a_percent_is_entered_and_shown_as_percent(site: Browsing) -> None:
    root = calculator(site, "latency-budget")
    share = field(root, "fallback_share")
    assert share.input_value() == "30"  # 0.3 in the YAML and in formulas
    assert root.locator('[data-field="fallback_share"] .dg-field__unit').text_content() == "%"
    assert share.get_attribute("max") == "100"
    share.fill("100")
    assert when_changed(root, "hybrid_ms", "212 ms") == "355 ms"  # every query retrieves
    assert out(root, "hybrid_budget").text_content() == "177.5%"


@pytest.mark.parametrize("typed", ["300007.0", "300007", "3.00007e5", "300007.50"])
def test_a_typed_number_survives_the_url(site: Browsing, typed: str) -> None:
    page = site.new_page(f"costs/?break-even.queries={typed}")
    root = root_of(page, "break-even")
    assert float(field(root, "queries").input_value()) == float(typed)
    assert field(root, "queries").get_attribute("aria-invalid") is None
    rag_monthly, err = amount(out(root, "rag_monthly").text_content())
    per_query, per_query_err = amount(out(root, "rag_per_query").text_content())
    assert abs(rag_monthly - (float(typed) * per_query + 50)) <= err + float(typed) * per_query_err
    # Typed again and reloaded: the same.
    field(root, "queries").fill(typed)
    page.wait_for_function("t => new URLSearchParams(location.search).get('break-even.queries') === t",
                           arg=typed)
    shown = outputs(root)
    page.reload()
    assert outputs(root_of(page, "break-even")) == shown


def test_a_copied_link_reopens_on_the_calculator(site: Browsing) -> None:
    root = calculator(site, "break-even")
    page = root.page
    page.bring_to_front()
    field(root, "month").fill("24")
    page.evaluate("history.replaceState(null, '', location.pathname + location.search + '#rag-per-query')")
    root.get_by_role("button", name="Copy link").click()
    page.wait_for_function("() => document.querySelector('#calc-break-even .dg-calc__status')"
                           ".textContent === 'Link copied.'")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.endswith("#calc-break-even") and "break-even.month=24" in copied
    other = site.new_page(copied.removeprefix(site.base))
    calc = root_of(other, "break-even")
    other.wait_for_function(
        "() => document.querySelector('#calc-break-even').getBoundingClientRect().top < 200")
    assert field(calc, "month").input_value() == "24"


@pytest.mark.parametrize(("kind", "suffix"), [("CSV", ".csv"), ("Markdown", ".md")])
def test_results_download_as_csv_and_markdown(site: Browsing, kind: str, suffix: str) -> None:
    root = calculator(site, "break-even")
    field(root, "queries").fill("0")
    field(root, "rag_fixed").fill("0")
    when_changed(root, "breakeven_month", "2.1 months")
    with root.page.expect_download() as info:
        root.get_by_role("button", name=f"Download {kind}").click()
    download = info.value
    assert download.suggested_filename == f"break-even{suffix}"
    text = Path(download.path()).read_bytes().decode("utf-8")
    if kind == "CSV":
        lines = text.split("\r\n")
        assert lines[0] == '"kind","id","label","value","unit","note"'
        assert '"input","queries","Queries per month","0","queries",""' in lines
        assert '"input","use_rerank","Rerank the retrieved passages","yes","",""' in lines
        never = next(line for line in lines if '"breakeven_month"' in line)
        assert never.startswith('"output","breakeven_month","Fine-tuning breaks even after","Never","",')
        assert "never paid back" in never
    else:
        assert text.startswith("# Total cost and break-even over time\n")
        assert "| Fine-tuning breaks even after | Never (At this volume" in text
        assert "| Queries per month | 0 queries |" in text
        assert "- Same model tier on both sides" in text
        assert "#calc-break-even>" in text
    assert root.locator(".dg-calc__status").text_content() == f"Downloaded {kind}."


# ----------------------------------------------------------------------------- the front door


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_the_home_page_gives_the_answer_and_the_tools_above_the_fold(site: Browsing, size: str) -> None:
    context = site.new_context(**PHONE) if size == "phone" else site.new_context(viewport=DESKTOP)
    page = site.new_page("", context)
    height = page.evaluate("innerHeight")
    answer = page.locator("article p").first
    assert answer.text_content().startswith("Start with RAG for knowledge, fine-tune for behaviour")
    cards = page.get_by_role("navigation", name="Start here").get_by_role("link")
    assert cards.count() == 4
    for card in cards.all():
        box = card.bounding_box()
        assert box and box["y"] + box["height"] <= height, f"{card.text_content()} is below the fold"
    targets = [card.evaluate("a => a.href").removeprefix(site.base) for card in cards.all()]
    assert targets == ["decision-framework/#decision-wizard", "costs/#calc-rag-cost",
                       "costs/#calc-break-even", "latency/#calc-latency-budget"]
    # A card reads as a card: its title underlined as the link, its description plain text.
    lines = cards.first.evaluate("""a => [getComputedStyle(a).textDecorationLine,
                                          getComputedStyle(a.querySelector('strong')).textDecorationLine]""")
    assert lines == ["none", "underline"]


@pytest.mark.parametrize(("path", "target"), [
    ("costs/", "#calc-rag-cost"), ("latency/", "#calc-latency-budget"),
    ("decision-framework/", "#decision-wizard")])
def test_pages_with_a_tool_link_to_it_before_the_explanation(site: Browsing, path: str, target: str) -> None:
    page = site.new_page(path)
    # The first link within the page, and whether it comes before the first section heading.
    first, before = page.evaluate("""() => {
      const a = [...document.querySelectorAll('article a:not(.headerlink)')]
        .find((a) => a.hash && new URL(a.href).pathname === location.pathname);
      const h2 = document.querySelector('article h2');
      return [a.hash, !!(a.compareDocumentPosition(h2) & Node.DOCUMENT_POSITION_FOLLOWING)];
    }""")
    assert (first, before) == (target, True)
