"""YAML text renders as Markdown but can never inject markup or script."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from decision_guide.site.safe_markdown import SafeMarkdown, is_safe_url
from hypothesis import given, settings
from hypothesis import strategies as st

md = SafeMarkdown()


def test_emphasis_and_links_render() -> None:
    assert md.inline("*fast* [docs](https://example.com)") == (
        '<em>fast</em> <a href="https://example.com" rel="noopener">docs</a>')


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "<div onclick=alert(1)>block</div>\n\nnext",
])
def test_raw_html_comes_out_as_text(text: str) -> None:
    html = str(md.block(text))
    assert "<script" not in html and "<img" not in html and "<div" not in html
    assert "<a href" not in html
    assert "&lt;" in html


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:x",
                                 "data:text/html,<b>x</b>", "vbscript:x"])
def test_dangerous_link_targets_are_removed(url: str) -> None:
    assert not is_safe_url(url)
    assert "href" not in str(md.inline(f"[click]({url})"))


def test_images_are_dropped_but_surrounding_text_stays() -> None:
    assert md.inline("a ![i](x) b ![j](y) c") == "a  b  c"


def test_inline_removes_the_paragraph_wrapper_only_for_one_paragraph() -> None:
    assert md.inline("one") == "one"
    assert md.inline("one\n\ntwo") == "<p>one</p>\n<p>two</p>"


# Plain sentences skip Markdown (a quarter of the time spent rendering a guide); they must come out
# exactly as Markdown would make them. The alphabet is weighted towards what Markdown and its
# smarty extension treat specially.
_TRICKY = list("*_`[]<>&\\!#'\"-.:|=+~()0123456789\n\t\x02\x03\u00a0") + [" ", "  ", "--", "...", "1. ",
                                                                         "- ", "http://x.y"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_TRICKY) | st.text(alphabet="abcXYZ é€", min_size=1, max_size=4),
                max_size=12).map("".join))
def test_the_shortcut_for_plain_sentences_agrees_with_markdown(text: str) -> None:
    assert SafeMarkdown().block(text) == md.through_markdown(text)


def test_every_text_of_the_default_guide_renders_as_markdown_would() -> None:
    texts = {value for path in Path("content/knowledge").glob("*.yml")
             for value in _strings(yaml.safe_load(path.read_text(encoding="utf-8")))}
    assert len(texts) > 300
    renderer = SafeMarkdown()
    assert [t for t in texts if renderer.block(t) != md.through_markdown(t)] == []


def _strings(data: object) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for value in data.values() for s in _strings(value)]
    if isinstance(data, list):
        return [s for value in data for s in _strings(value)]
    return []
