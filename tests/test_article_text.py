"""The article comparison used across engines ignores what is not the page's own text, and
nothing else."""

from __future__ import annotations

from article_text import article_tokens, first_differences

MKDOCS = """<html><body><nav><a href="../">Home</a></nav>
<article class="md-content__inner md-typeset">
  <a href="https://example.org/edit/main/costs.md" title="Edit this page"
     class="md-content__button md-icon" rel="edit"><svg viewBox="0 0 24 24"><path d="M10"/></svg></a>
  <h1 id="costs">Costs</h1>
  <p>See   the <a href="../reference/prices/#cost-gpu">price</a>
     and <a href="./#costs">top</a>.</p>
  <template data-calculator-spec data-search-exclude>{"id": "x"}</template>
  <img src="../assets/chart.svg" alt="chart"><br>
</article><footer>chrome</footer></body></html>"""

ZENSICAL = """<article class="md-typeset md-content__inner">
<a id="__skip" tabindex="-1"></a><h1 id="costs">Costs</h1>
<p>See the <a href="./../reference/prices/#cost-gpu">price</a> and <a href="#costs">top</a>.</p>
<template data-calculator-spec>{"id": "x"}</template>
<img alt="chart" src="../assets/chart.svg"><br/>
</article>"""


def test_whitespace_chrome_attribute_order_and_link_spelling_do_not_count() -> None:
    assert article_tokens(MKDOCS, "costs/") == article_tokens(ZENSICAL, "costs/")
    tokens = article_tokens(MKDOCS, "costs/")
    assert tokens[:4] == ['<article class="md-content__inner md-typeset">', '<h1 id="costs">', "Costs",
                          "</h1>"]
    assert '<a href="https://site.invalid/reference/prices/#cost-gpu">' in tokens
    assert "chrome" not in tokens and "Home" not in tokens


def test_a_changed_word_a_changed_link_or_a_lost_block_counts() -> None:
    reference = article_tokens(MKDOCS, "costs/")
    for changed in (MKDOCS.replace("price</a>", "prize</a>"),
                    MKDOCS.replace("#cost-gpu", "#cost-cpu"),
                    MKDOCS.replace('<template data-calculator-spec data-search-exclude>{"id": "x"}'
                                   "</template>", "")):
        assert article_tokens(changed, "costs/") != reference


def test_a_difference_is_shown_where_it_starts() -> None:
    changed = article_tokens(MKDOCS.replace("price</a>", "prize</a>"), "costs/")
    shown = first_differences(article_tokens(MKDOCS, "costs/"), changed)
    assert "-price" in shown and "+prize" in shown


def test_a_page_without_an_article_gives_nothing() -> None:
    assert article_tokens("<html><body><p>no article</p></body></html>", "") == []
