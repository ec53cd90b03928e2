"""The decision wizard in Chromium: every option can come out on top, the recommendation names
what drove it, the decision record downloads, answers live in the link, it works by keyboard,
reads well in the dark palette and on a phone, and without JavaScript the decision matrix stands
in for it."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from browsing import DESKTOP, PHONE, POOR_CONTRAST, Browsing, publish_at, root_of
from conftest import ROOT, build_project
from static_server import serve_site

pytestmark = [pytest.mark.slow, pytest.mark.browser]

KNOWLEDGE = ROOT / "content" / "knowledge"
QUESTIONS = yaml.safe_load((KNOWLEDGE / "questions.yml").read_text(encoding="utf-8"))["questions"]
OPTIONS = yaml.safe_load((KNOWLEDGE / "options.yml").read_text(encoding="utf-8"))["options"]
NAME = {option["id"]: option["name"] for option in OPTIONS}
SHORT = {option["id"]: option["short_name"] for option in OPTIONS}
PAGE = "decision-framework/"


def answers_favouring(option: str) -> dict[str, str]:
    """For each question, the answer giving `option` the biggest lead over the best other option
    (then the most points): the answers of someone for whom `option` is plainly right."""
    def lead(answer: dict) -> tuple[int, int]:  # type: ignore[type-arg]
        scores = answer["scores"]
        others = max(points for other, points in scores.items() if other != option)
        return scores[option] - others, scores[option]
    return {q["id"]: max((a for a in q["answers"] if option not in a.get("excludes", [])), key=lead)["id"]
            for q in QUESTIONS}


def totals(answers: dict[str, str]) -> dict[str, int]:
    points = dict.fromkeys(NAME, 0)
    for question in QUESTIONS:
        answer = next(a for a in question["answers"] if a["id"] == answers[question["id"]])
        for option, score in answer["scores"].items():
            points[option] += score
    return points


def md(text: str) -> str:
    """Text as the decision record writes it in Markdown (special characters escaped)."""
    return re.sub(r"([\\`*_\[\]<>|])", r"\\\1", re.sub(r"\s+", " ", text))


# ----------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = build_project(ROOT, tmp_path_factory.mktemp("wizard") / "site")
    with serve_site(site) as url:
        publish_at(site, url)
        yield url


@pytest.fixture(scope="module")
def browsing(browser, base: str) -> Iterator[Browsing]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    yield Browsing(context, base)
    context.close()


@pytest.fixture
def site(browsing: Browsing) -> Iterator[Browsing]:
    """The served site; the test fails if any page logged an error or threw."""
    yield from browsing.checked()


@pytest.fixture
def wizard(site: Browsing):  # type: ignore[no-untyped-def]
    """The wizard on its page, no question answered."""
    root = root_of(site.at_defaults(PAGE), "decision-wizard")
    assert root.locator('input[type="radio"]:checked').count() == 0
    return root


def answer(wizard, answers: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    for question, answer_id in answers.items():
        wizard.locator(f'input[name="{question}"][value="{answer_id}"]').check()


def recommendation(wizard) -> str:  # type: ignore[no-untyped-def]
    return wizard.locator('output[data-output="recommendation"]').text_content()


# ----------------------------------------------------------------------------- every option


@pytest.mark.parametrize("option", list(NAME))
def test_each_option_can_be_recommended_with_its_drivers_and_a_decision_record(
        wizard, site: Browsing, option: str) -> None:  # type: ignore[no-untyped-def]
    answers = answers_favouring(option)
    points = totals(answers)
    assert max(points, key=points.get) == option  # type: ignore[arg-type]
    assert sorted(points.values())[-2] < points[option], "the answers must not tie"

    answer(wizard, answers)

    said = recommendation(wizard)
    assert said.startswith(f"{NAME[option]}, ")
    assert f"{points[option]} points" in said
    top = wizard.locator(".dg-wizard__score--top")
    assert top.count() == 1
    assert f"{points[option]} points" in top.text_content()

    # The drivers: the answers that gave the option most points, each linking its criterion.
    drivers = wizard.locator('[data-output="drivers"] li')
    assert 1 <= drivers.count() <= 3
    assert wizard.locator('[data-output="drivers"]').is_visible()
    criteria = {q["criterion"] for q in QUESTIONS}
    for link in wizard.locator('[data-output="drivers"] a').all():
        url = link.evaluate("a => a.href")
        criterion = re.fullmatch(re.escape(site.base) + r"criteria/([a-z0-9-]+)/", url)
        assert criterion, url
        assert criterion.group(1) in criteria
        assert wizard.page.request.get(url).ok

    # The decision record.
    with wizard.page.expect_download() as download_info:
        wizard.get_by_role("button", name="Download as a decision record").click()
    download = download_info.value
    assert re.fullmatch(r"decision-record-\d{4}-\d{2}-\d{2}\.md", download.suggested_filename)
    record = Path(download.path()).read_text(encoding="utf-8")
    lines = record.splitlines()
    assert lines[0] == f"# Choose {md(SHORT[option])}"
    assert "- Status: proposed" in lines
    assert f"- Date: {download.suggested_filename[16:26]}" in lines
    assert f"Chosen option: {md(said)}." in lines  # the recommendation, as a sentence
    for question in QUESTIONS:
        label = next(a["label"] for a in question["answers"] if a["id"] == answers[question["id"]])
        assert any(line.startswith(f"| {md(question['text'])} | {md(label)} | normal | [") for line in lines)
    for heading in ("Context and Problem Statement", "Decision Drivers", "Considered Options",
                    "Decision Outcome", "Pros and Cons of the Options", "Sources"):
        assert f"## {heading}" in lines
    url = wizard.page.url.split("#")[0].replace("(", "%28").replace(")", "%29")
    assert f"- Made with: [the decision wizard with these answers]({url})" in lines


def test_a_tie_is_called_a_tie(wizard) -> None:  # type: ignore[no-untyped-def]
    answer(wizard, {"knowledge-and-behaviour": "no"})  # one point to RAG and to fine-tuning
    assert recommendation(wizard).startswith(
        f"a tie between {NAME['rag']} and {NAME['fine-tuning']} at 1 point each")
    assert wizard.locator('[data-output="drivers"]').is_hidden()


# ----------------------------------------------------------------------------- constraints


FIRST = {q["id"]: q["answers"][0]["id"] for q in QUESTIONS}


def in_view(locator) -> bool:  # type: ignore[no-untyped-def]
    box = locator.bounding_box()
    height = locator.page.viewport_size["height"]
    return bool(box) and box["y"] >= 0 and box["y"] + box["height"] <= height


@pytest.mark.parametrize("viewport", [DESKTOP, {"width": 375, "height": 812}], ids=["desktop", "phone-375"])
def test_the_first_answer_to_everything_names_the_conflict_with_the_summary_in_view(
        site: Browsing, viewport: dict[str, int]) -> None:
    page = site.new_page(PAGE, site.new_context(viewport=viewport))
    wizard = root_of(page, "decision-wizard")
    bar = wizard.locator(".dg-wizard__bar")
    assert "Answered 0 of 14" in bar.text_content()
    for number, (question, answer_id) in enumerate(FIRST.items(), start=1):
        wizard.locator(f'input[name="{question}"][value="{answer_id}"]').check()
        assert f"Answered {number} of {len(FIRST)}" in bar.text_content()
        assert in_view(bar), f"the summary scrolled away at question {number}"
    assert "Recommendation: no option fits all your hard constraints" in bar.text_content()
    assert wizard.locator(".dg-wizard__score--top").count() == 0, "an excluded option is recommended"
    assert wizard.locator(".dg-wizard__score--out").count() == len(NAME)
    conflict = wizard.locator('[data-output="conflicts"]')
    assert conflict.is_visible()
    text = " ".join(conflict.text_content().split())
    assert "Your hard constraints rule out every option." in text
    assert "“Under 200 ms, and it cannot be relaxed” rules out RAG and Hybrid" in text
    assert "Relax “How quickly must answers arrive?” to “About half a second is acceptable” → RAG." in text
    # The constraint is marked where it is chosen, too.
    rule = wizard.locator('input[value="under-200-ms"] + span .dg-wizard__rule')
    assert rule.text_content() == "hard constraint: rules out RAG, Hybrid"

    wizard.locator('input[name="latency-budget"][value="about-500-ms"]').check()  # relaxed as told
    assert recommendation(wizard).startswith(f"{NAME['rag']}, with 27 points, 4 ahead of Hybrid")
    assert wizard.locator('[data-output="conflicts"]').is_hidden()
    assert wizard.locator('.dg-wizard__score--top[data-option="rag"]').count() == 1


def test_a_weight_changes_the_ranking_and_is_kept_in_the_link_and_the_record(wizard) -> None:  # type: ignore[no-untyped-def]
    answer(wizard, {"limited-budget": "yes", "prompt-length": "yes", "large-corpus": "no"})
    assert recommendation(wizard).startswith(f"{NAME['rag']}, with 5 points, 1 ahead of Fine-tuning")
    assert wizard.locator('[data-output="close-call"]').is_hidden()  # a 1-point lead of 5 is a fifth
    flip = wizard.locator('[data-output="flip"]').text_content()
    assert flip == ("Answering “Are your budget or time limited?” with “No, we can invest in data and "
                    "training” would recommend Fine-tuning.")
    wizard.locator('select[name="prompt-length.weight"]').select_option("more")
    assert recommendation(wizard).startswith(f"{NAME['fine-tuning']}, with 7 points, 2 ahead of RAG")
    page = wizard.page
    page.wait_for_function("() => location.search.includes('decision-wizard.prompt-length.weight=more')")
    with page.expect_download() as download_info:
        wizard.get_by_role("button", name="Download as JSON").click()
    verdict = json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))
    assert verdict["weights"] == {"prompt-length": "more"} and verdict["recommendation"] == ["fine-tuning"]
    assert verdict["answers"] == {"large-corpus": "no", "prompt-length": "yes", "limited-budget": "yes"}
    assert verdict["ranking"][0] == {"option": "fine-tuning", "score": 7}


# ----------------------------------------------------------------------------- the link


def test_the_link_keeps_the_answers_and_start_again_clears_them(wizard, site: Browsing) -> None:  # type: ignore[no-untyped-def]
    page = wizard.page
    answers = answers_favouring("fine-tuning")
    answer(wizard, answers)
    said = recommendation(wizard)
    last = f"decision-wizard.{QUESTIONS[-1]['id']}"
    page.wait_for_function("(last) => new URLSearchParams(location.search).has(last)", arg=last)
    for question, answer_id in answers.items():
        assert f"decision-wizard.{question}={answer_id}" in page.url

    other = site.new_page(page.url.removeprefix(site.base))
    again = root_of(other, "decision-wizard")
    assert recommendation(again) == said
    checked = dict(again.evaluate(
        "r => [...r.querySelectorAll('input:checked')].map((i) => [i.name, i.value])"))
    assert checked == answers

    wizard.get_by_role("button", name="Start again").click()
    assert wizard.locator("input:checked").count() == 0
    assert recommendation(wizard) == "answer a question to see one"
    page.wait_for_function("() => !location.search.includes('decision-wizard.')")
    assert page.evaluate("document.activeElement.name") == QUESTIONS[0]["id"]


# ----------------------------------------------------------------------------- keyboard


def test_the_wizard_can_be_answered_by_keyboard(wizard) -> None:  # type: ignore[no-untyped-def]
    page = wizard.page
    form = wizard.locator(".dg-wizard__form")
    form.evaluate("f => { f.tabIndex = -1; f.focus(); f.removeAttribute('tabindex'); }")
    first = QUESTIONS[0]
    for _ in range(5):  # past the help text's link, to the first question's answers
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "radio":
            break
    assert page.evaluate("document.activeElement.name") == first["id"]
    focus = page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
        return document.activeElement.matches(':focus-visible') && s.outlineStyle !== 'none'; }""")
    assert focus, "focus is not visible on the radio button"

    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")  # moves to, and chooses, the next answer
    chosen = wizard.locator(f'input[name="{first["id"]}"]:checked').get_attribute("value")
    assert chosen == first["answers"][1]["id"]
    assert not recommendation(wizard).startswith("answer a question")


# ----------------------------------------------------------------------------- without JavaScript


def test_without_javascript_the_decision_matrix_stands_in(site: Browsing) -> None:
    page = site.new_page(PAGE, site.new_context(java_script_enabled=False))
    wizard = page.locator('[data-calculator="decision-wizard"][data-calculator-kind="wizard"]')
    fallback = wizard.locator(".dg-wizard__fallback")
    assert fallback.is_visible()
    assert "needs JavaScript" in fallback.text_content()
    rows = fallback.locator("table tbody tr")
    assert rows.count() >= 10
    assert rows.first.locator("th a").get_attribute("href") == "../criteria/data-volatility/"
    assert wizard.locator("form.dg-wizard__form").is_hidden()

    live = root_of(site.at_defaults(PAGE), "decision-wizard")  # and with it, the reverse
    assert live.locator(".dg-wizard__fallback").is_hidden()
    assert live.locator("form.dg-wizard__form").is_visible()


# ----------------------------------------------------------------------------- how it looks


def test_the_wizard_reads_well_in_the_dark_and_fits_a_phone(site: Browsing) -> None:
    query = "&".join(f"decision-wizard.{q}={a}" for q, a in answers_favouring("hybrid").items())
    page = site.new_page(f"{PAGE}?{query}", site.new_context(color_scheme="dark", **PHONE))
    wizard = root_of(page, "decision-wizard")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    poor = page.evaluate(POOR_CONTRAST, ['[data-calculator="decision-wizard"]', [
        "legend", ".dg-wizard__help", ".dg-wizard__help a", ".dg-wizard__answer",
        ".dg-wizard__result p", "output", ".dg-wizard__score span", '[data-output="drivers"] li',
        '[data-output="drivers"] a', "button"], 4.5])
    assert poor == [], "\n".join(map(str, poor))
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert wizard.evaluate("r => r.scrollWidth <= r.clientWidth")
    for control in wizard.locator("button, label.dg-wizard__answer >> visible=true").all():
        box = control.bounding_box()
        assert box and box["height"] >= 44, control.text_content()
