"""``decision-guide calc``: a calculator on the command line, worded for people and for scripts;
every mistake one message that lists what is valid, exit status 1, no traceback."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT
from decision_guide.adapters.cli import main

CONFIG = ["-f", str(ROOT / "mkdocs.yml")]


def calc(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main([*CONFIG, "calc", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_json_gives_every_output_with_its_value_and_text(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = calc(capsys, "latency-budget", "--json", "target_ms=500", "use_rerank=off")
    assert (status, err) == (0, "")
    outputs = json.loads(out)["outputs"]
    # retrieval 40 + 5 ms without the rerank; RAG 45 + 150 = 195 ms, 39% of 500 ms
    assert outputs["retrieval_ms"] == {"value": 45, "text": "45 ms"}
    assert outputs["rag_budget"] == {"value": 0.39, "text": "39%"}
    assert set(outputs) == {"retrieval_ms", "rag_ms", "ft_ms", "hybrid_ms", "rag_budget", "ft_budget",
                            "hybrid_budget", "options_fitting"}


def test_inputs_may_come_before_or_after_json(capsys: pytest.CaptureFixture[str]) -> None:
    after = calc(capsys, "rag-cost", "--json", "queries=5")
    before = calc(capsys, "rag-cost", "queries=5", "--json")
    assert after == before and after[0] == 0


def test_text_states_the_headline_first_and_never_with_its_reason(
        capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = calc(capsys, "break-even", "queries=0", "rag_fixed=0")
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "Total cost and break-even over time"
    assert lines[2].startswith("Fine-tuning breaks even after: Never (At this volume fine-tuning")
    assert "RAG per month: $0" in lines


def test_a_json_never_has_no_value_and_says_why(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = calc(capsys, "break-even", "--json", "ft_input_price=10")
    never = json.loads(out)["outputs"]["breakeven_queries"]
    assert never["value"] is None and never["text"] == "Never"
    assert never["reason"].startswith("With these prices a fine-tuned query costs as much or more")


@pytest.mark.parametrize(("args", "message"), [
    (["break-evn"], "decision-guide calc: 'break-evn' is not a calculator; did you mean 'break-even'?; "
                    "the calculators are break-even, fine-tuning-cost, latency-budget, rag-cost"),
    (["decision-wizard"], "decision-guide calc: 'decision-wizard' is the decision wizard, not a calculator; "
                          "the calculators are break-even, fine-tuning-cost, latency-budget, rag-cost"),
    (["rag-cost", "querys=4"], "decision-guide calc: calculator 'rag-cost' has no input 'querys'; did you "
                               "mean 'queries' or 'query_tokens'?; its inputs are queries, query_tokens, "
                               "embed_price, reranks_per_query, rerank_price, context_tokens, "
                               "llm_input_price, output_tokens, llm_output_price, vector_read_price, "
                               "index_gb, storage_price"),
    (["rag-cost", "queries"], "decision-guide calc: expected INPUT=VALUE, got 'queries'"),
    (["latency-budget", "use_rerank=0.5"],
     "decision-guide calc: use_rerank=0.5: “0.5” is not yes or no. Valid: yes or no (also 1/0, true/false, "
     "on/off)."),
    (["latency-budget", "fallback_share=120", "target_ms=abc"],  # one line each, in the inputs' order
     "decision-guide calc: target_ms=abc: “abc” is not a number. Valid: a number from 1 to 60000 ms.\n"
     "fallback_share=120: Must be at most 100%. Valid: a number from 0 to 100%."),
])
def test_mistakes_get_one_message_listing_what_is_valid(capsys: pytest.CaptureFixture[str],
                                                        args: list[str], message: str) -> None:
    status, out, err = calc(capsys, *args)
    assert (status, out) == (1, "")
    assert err == message + "\n"
