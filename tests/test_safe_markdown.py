"""YAML text renders as Markdown but can never inject markup or script."""

from __future__ import annotations

import pytest
from decision_guide.site.safe_markdown import SafeMarkdown, is_safe_url

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
