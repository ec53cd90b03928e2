"""``decision-guide decide``: the wizard's verdict on the command line, same as the page's."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml
from conftest import ROOT
from decision_guide.adapters.cli import main

CONFIG = str(ROOT / "mkdocs.yml")
QUESTIONS = yaml.safe_load((ROOT / "content" / "knowledge" / "questions.yml").read_text("utf-8"))["questions"]
FIRST_ANSWERS = [f"{q['id']}={q['answers'][0]['id']}" for q in QUESTIONS]


def decide(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["-f", CONFIG, "decide", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_first_answer_to_everything_names_the_conflict_and_recommends_nothing_excluded(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = decide(capsys, "--json", *FIRST_ANSWERS)
    assert (code, err) == (0, "")
    verdict = json.loads(out)
    excluded = {r["option"] for r in verdict["ruled_out"]}
    assert excluded == {"rag", "fine-tuning", "hybrid"}
    assert verdict["ranking"] == [] and verdict["recommendation"] == []
    assert {"question": "latency-budget", "answer": "under-200-ms"} in next(
        r["by"] for r in verdict["ruled_out"] if r["option"] == "rag")
    [conflict] = verdict["conflicts"]
    assert conflict["kind"] == "no-option-left"
    assert conflict["relax"] == [{"question": "latency-budget", "answer": "about-500-ms",
                                  "recommends": ["rag"]}]


def test_weights_are_given_per_question_and_kept_in_the_verdict(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["limited-budget=yes", "prompt-length=yes", "large-corpus=no"]
    assert json.loads(decide(capsys, *args)[1])["recommendation"] == ["rag"]
    code, out, _ = decide(capsys, *args, "--weight", "prompt-length=more")
    verdict = json.loads(out)
    assert code == 0 and verdict["recommendation"] == ["fine-tuning"]
    assert verdict["weights"] == {"prompt-length": "more"} and verdict["margin"] == 2


@pytest.mark.parametrize(("args", "message"), [
    (["colour=blue"], "unknown question 'colour'; the questions are: knowledge-changes, citations,"),
    (["latency-budget=fast"], "question 'latency-budget' has no answer 'fast'; its answers are: "
                              "under-200-ms, about-500-ms, relaxed"),
    (["latency-budget"], "expected QUESTION=ANSWER; got 'latency-budget'"),
    (["citations=yes", "citations=no"], "question 'citations' is given twice"),
    (["--weight", "citations=much"], "unknown weight 'much' for question 'citations'; the weights are: "
                                     "less, normal, more"),
    (["--wizard", "wizzard"], "unknown wizard 'wizzard'; the wizards are: decision-wizard"),
])
def test_bad_input_gets_one_clear_message_listing_what_is_valid(
        capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    code, out, err = decide(capsys, *args)
    assert code == 1 and out == ""
    assert err.startswith(f"decision-guide decide: {message}")
    assert len(err.splitlines()) == 1


def test_the_command_exits_1_without_a_traceback() -> None:
    run = subprocess.run([sys.executable, "-m", "decision_guide.adapters.cli", "-f", CONFIG, "decide",
                          "latency-budget=instant"], capture_output=True, text=True, check=False,
                         env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert run.returncode == 1
    assert "Traceback" not in run.stderr and "has no answer 'instant'" in run.stderr


def test_list_shows_every_question_with_its_answer_ids(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = decide(capsys, "--list")
    assert code == 0
    for question in QUESTIONS:
        assert f"{question['id']}: {', '.join(a['id'] for a in question['answers'])}" in out


def test_the_madr_record_names_the_conflict_and_cites_the_sources(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = decide(capsys, "--format", "madr", "--date", "2026-05-14", *FIRST_ANSWERS)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:4] == ["# No option fits the hard constraints", "", "- Status: open", "- Date: 2026-05-14"]
    for section in ("Context and Problem Statement", "Decision Drivers", "Considered Options",
                    "Decision Outcome", "Pros and Cons of the Options", "Sources"):
        assert f"## {section}" in lines
    assert "Conflict: the hard constraints rule out every option." in lines
    assert ('- Relax "How quickly must answers arrive?" to **About half a second is acceptable**: '
            "RAG would be recommended.") in lines
    assert any(line.startswith("- Hard constraint: **Under 200 ms, and it cannot be relaxed** rules out "
                               "RAG and Hybrid.") for line in lines)
    assert any(line.startswith("1. ") for line in lines[lines.index("## Sources"):])


def test_a_record_link_must_be_absolute(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = decide(capsys, "--format", "madr", "--url", "/decision-framework/", "citations=yes")
    assert (code, out) == (1, "")
    assert err == "decision-guide decide: the page URL must be absolute\n"
