"""YAML text reaches the site as data: a figure or a citation inside a sentence cannot become
a link, a code span or an attribute when Python-Markdown reads the sentence; links keep only
http(s), mailto and relative targets however they are spelled; JSON embedded in a page cannot
close its element or break its own string."""

from __future__ import annotations

import html as html_module
import json
import re
import shutil

import markdown
import pytest
from conftest import SECOND_GUIDE, TODAY
from decision_guide.calculators.compile import load_calculators
from decision_guide.guide import GUIDE_BLOCKS
from decision_guide.knowledge.base import load_knowledge
from decision_guide.site.calculator_blocks import json_for_html
from decision_guide.site.markers import expand_markers
from decision_guide.site.render import Renderer, RenderSettings
from decision_guide.site.safe_markdown import SafeMarkdown, is_safe_url
from html_check import live_code, site_extensions

# Everything Python-Markdown or one of its common extensions acts on inside a line.
HOSTILE = ('x" onmouseover="alert(1)" `code` *em* _em_ [link](javascript:alert(2)) '
           '{: onclick=alert(3)} <b>bold</b> &#106;avascript: ==mark== :smile:')


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@pytest.fixture(scope="module")
def hostile_renderer(tmp_path_factory: pytest.TempPathFactory) -> Renderer:
    """The second guide with a hostile unit label, fact, source titles, publisher and ``cite_as``,
    and a calculator whose labels hold U+2028 and U+2029."""
    project = tmp_path_factory.mktemp("hostile")
    knowledge = project / "content" / "knowledge"
    shutil.copytree(SECOND_GUIDE / "content" / "knowledge", knowledge)
    for path in knowledge.glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        text = text.replace("label: USD / GPU-hour", f"label: {_quote(HOSTILE)}")
        for old in ("title: GPU price list", "title: Hosting survey",
                    "statement: About a third of teams self-host at least one model."):
            text = text.replace(old, f"{old.split(':')[0]}: {_quote(HOSTILE)}")
        text = text.replace("publisher: Example Cloud", f"publisher: {_quote(HOSTILE)}")
        text = text.replace("    url: https://example.com/gpu\n",
                            f"    url: https://example.com/gpu\n    cite_as: {_quote(HOSTILE)}\n")
        path.write_text(text, encoding="utf-8")
    kb = load_knowledge(knowledge, project_root=project, today=TODAY)
    assert kb.unit_label("usd-per-gpu-hour") == HOSTILE
    calculators = project / "calculators"
    calculators.mkdir()
    (calculators / "lines.yml").write_text(
        'calculator:\n  id: lines\n  title: "Line\\u2028separator"\n  summary: Lines.\n  inputs:\n'
        '    - {id: hours, label: "Hours\\u2028per\\u2029day </script><!--", default: 2,\n'
        '       assumption: An example., max: 24}\n'
        '  values:\n    - {id: total, label: Total, formula: hours * 2, output: true}\n',
        encoding="utf-8")
    compiled, problems = load_calculators(calculators, kb, project_root=project)
    assert problems == []
    return Renderer(kb, RenderSettings(today=TODAY), calculators=compiled)


def test_the_hostile_text_really_reaches_the_figure(hostile_renderer: Renderer) -> None:
    assert hostile_renderer.kb.get("sources", "gpu-prices").cite_as == HOSTILE


@pytest.mark.parametrize("marker", ["cost id=gpu-hour", "fact id=self-host-share"])
def test_a_marker_inside_a_sentence_stays_inert_under_markdown(hostile_renderer: Renderer,
                                                               marker: str) -> None:
    page, problems = expand_markers(f"It costs <!-- guide:{marker} --> today, *really*.\n",
                                    hostile_renderer.context("costs.md"), "costs.md")
    assert problems == []
    html = markdown.markdown(page, extensions=list(site_extensions()))
    assert live_code(html) == []
    for tag in ("<a ", "<a>", "<code>", "<b>"):  # Markdown added no element inside the figure
        assert html.count(tag) == page.count(tag), tag
    assert "<em>really</em>" in html  # the sentence around the marker is still Markdown
    titles = [html_module.unescape(t) for t in re.findall(r'title="([^"]*)"', html)]
    assert any(t.startswith(f"{HOSTILE} (") for t in titles)  # the citation's title, as text


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", " \tjavascript:alert(1)", "java\nscript:x",
    "java\x00script:x", "javascript&#58;alert(1)", "javascript&colon;alert(1)",
    "&#x6A;avascript:alert(1)", "javascript&amp;#58;alert(1)", "data:text/html,<b>",
    "vbscript:msgbox", "file:///etc/passwd"])
def test_unsafe_link_targets_are_refused_however_they_are_written(url: str) -> None:
    assert not is_safe_url(url)
    html = SafeMarkdown().block(f"[x]({url})")
    assert live_code(str(html)) == [], html


@pytest.mark.parametrize("url", ["https://example.com/a?b=c&d=e", "HTTP://EXAMPLE.COM",
                                 "mailto:someone@example.com", "../prices/", "#anchor", "page.md",
                                 "//example.com/x"])
def test_safe_link_targets_are_kept(url: str) -> None:
    assert is_safe_url(url)
    assert "href=" in SafeMarkdown().block(f"[x]({url})")


@pytest.mark.parametrize("text", ["</script><script>alert(1)</script>", "<!--", "a\u2028b\u2029c",
                                  "&amp; & <b>"])
def test_json_in_html_cannot_close_its_element_and_reads_back_the_same(text: str) -> None:
    embedded = str(json_for_html({"label": text}))
    assert not re.search(r"</script|<!--|[<>&\u2028\u2029]", embedded, re.I)
    assert json.loads(embedded) == {"label": text}


def test_a_line_separator_in_a_calculator_label_keeps_its_json_whole(
        hostile_renderer: Renderer) -> None:
    page, problems = expand_markers("<!-- guide:calculator id=lines -->\n",
                                    hostile_renderer.context("costs.md"), "costs.md",
                                    blocks=GUIDE_BLOCKS)
    assert problems == []
    spec = re.search(r"<template data-calculator-spec[^>]*>(.*?)</template>", page, re.S)
    assert spec is not None
    data = json.loads(spec[1])
    assert data["title"] == "Line\u2028separator"
    assert data["inputs"][0]["label"] == "Hours\u2028per\u2029day </script><!--"


def test_class_names_stay_as_written_so_styles_and_scripts_find_them(
        hostile_renderer: Renderer) -> None:
    page, _ = expand_markers("It costs <!-- guide:cost id=gpu-hour --> today.\n",
                             hostile_renderer.context("costs.md"), "costs.md")
    assert '<a class="dg-figure__value" href="' in page
    assert '<span class="dg-cites"><a class="dg-cite" href="' in page
