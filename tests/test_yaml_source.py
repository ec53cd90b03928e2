"""Reading YAML keeps positions, refuses unsafe or unbounded input, and never raises."""

from __future__ import annotations

from decision_guide.knowledge.yaml_source import parse_yaml


def test_values_and_keys_keep_their_line_and_column() -> None:
    document, problems = parse_yaml("costs:\n  - id: a\n    value: 1.5\n", "k.yml")
    assert problems == []
    assert document is not None
    assert document.data == {"costs": [{"id": "a", "value": 1.5}]}
    assert document.position(("costs", 0, "value")) == (3, 12)
    assert document.position(("costs", 0, "value"), key=True) == (3, 5)


def test_a_missing_path_points_at_its_nearest_existing_parent() -> None:
    document, _ = parse_yaml("costs:\n  - id: a\n", "k.yml")
    assert document is not None
    assert document.position(("costs", 0, "unit")) == (2, 5)


def test_dates_stay_text_so_the_schema_can_judge_them() -> None:
    document, _ = parse_yaml("as_of: 2026-05-01\n", "k.yml")
    assert document is not None and document.data == {"as_of": "2026-05-01"}


def test_a_duplicate_key_is_reported_and_the_rest_still_loads() -> None:
    document, problems = parse_yaml("a: 1\nb: 2\na: 3\n", "k.yml")
    assert [str(p) for p in problems] == [
        "k.yml:3:1: duplicate key 'a' (first at line 1) [duplicate-key]"]
    assert document is not None and document.data == {"a": 1, "b": 2}


def test_python_tags_are_refused_not_executed() -> None:
    _, problems = parse_yaml("a: !!python/object/apply:os.system ['true']\n", "k.yml")
    assert [p.code for p in problems] == ["yaml-tag"]


def test_merge_keys_are_refused_with_a_hint() -> None:
    _, problems = parse_yaml("base: &b {x: 1}\nother:\n  <<: *b\n", "k.yml")
    assert [p.code for p in problems] == ["merge-key"]


def test_an_alias_expansion_past_the_node_budget_is_refused() -> None:
    text = "a: &a [1, 1, 1, 1]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]\n"
    document, problems = parse_yaml(text, "k.yml", max_nodes=50)
    assert document is None
    assert [p.code for p in problems] == ["too-many-nodes"]


def test_several_documents_in_one_file_are_a_syntax_problem() -> None:
    _, problems = parse_yaml("a: 1\n---\nb: 2\n", "k.yml")
    assert [p.code for p in problems] == ["yaml-syntax"]
    assert problems[0].line == 2
