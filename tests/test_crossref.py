"""Cross-file checks on knowledge bases built in memory: derivation cycles are found in one linear
walk, however long the chain or however many paths lead through it."""

from __future__ import annotations

import time

from corpus import knowledge_problems


def _costs(derivations: dict[str, list[str]]) -> str:
    """A costs file with one cost per key, derived from the costs listed for it."""
    return "costs:\n" + "".join(
        f"  - id: {cost}\n    item: Cost {cost}\n    category: compute\n    provider: Nobody\n"
        f"    value: 1\n    unit: usd-per-gpu-hour\n    as_of: '2026-01'\n    source: gpu-prices\n"
        f"    confirmed: true\n    derived_from: [{', '.join(parents)}]\n"
        for cost, parents in derivations.items())


def _cycles(derivations: dict[str, list[str]]) -> list[str]:
    problems = knowledge_problems({"derived.yml": _costs(derivations)})
    return [p.split(": derivation cycle ")[1].removesuffix(" [reference-cycle]")
            for p in problems if "[reference-cycle]" in p]


def test_a_cost_derived_from_itself_is_a_cycle() -> None:
    assert _cycles({"self": ["self"]}) == ["self -> self"]


def test_each_separate_cycle_is_reported_once_at_the_cost_it_starts_from() -> None:
    assert _cycles({"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a", "e"], "e": ["d"], "f": []}) == [
        "a -> b -> c -> a", "d -> e -> d"]


def test_a_long_chain_has_no_cycle_and_no_recursion_limit() -> None:
    chain = {f"c{i}": [f"c{i + 1}"] for i in range(1200)} | {"c1200": []}
    assert _cycles(chain) == []
    assert _cycles({**chain, "c1200": ["c0"]}) == [" -> ".join([*chain, "c0"])]


def test_many_paths_through_the_same_costs_take_linear_time() -> None:
    # Each cost derives from the two before it: 2^n paths, which a path-by-path search
    # (as this check once was) never finishes walking.
    ladder = {f"r{i}": [f"r{j}" for j in (i - 1, i - 2) if j >= 0] for i in range(200)}
    started = time.perf_counter()
    assert _cycles(ladder) == []
    assert _cycles({**ladder, "r0": ["r199"]}) != []
    assert time.perf_counter() - started < 10
