"""Every bad-input case in fixtures/invalid produces exactly the problems in its .expected file."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus import problems_for_case

CASES = sorted((Path(__file__).parent / "fixtures" / "invalid").glob("*.yml"))


def test_the_corpus_is_not_empty() -> None:
    assert len(CASES) >= 20


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_case_reports_exactly_the_expected_problems(case: Path, tmp_path: Path) -> None:
    expected = case.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    assert problems_for_case(case, tmp_path) == expected
