"""Checks that span the knowledge base: ids, references, coverage, dates and derivations.

Runs after each file passed (or partly passed) its schema. Every reference is checked against the
ids written anywhere in the files, so a dangling id gets one clear problem naming the closest ids,
and a record that failed its own schema does not also break every reference to it.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Mapping

from decision_guide.knowledge.dates import parse_date
from decision_guide.knowledge.inline_refs import text_problems
from decision_guide.knowledge.located import Located
from decision_guide.knowledge.provenance import provenance_problems
from decision_guide.knowledge.references import references
from decision_guide.knowledge.schema_check import field_path
from decision_guide.knowledge.yaml_source import Loc
from decision_guide.problems import Problem, suggest

_LABELS = {"options": "option", "criteria": "criterion", "costs": "cost", "patterns": "pattern",
           "use_cases": "use case", "questions": "question", "kpis": "KPI", "sources": "source",
           "facts": "fact", "quality": "quality metric", "ratings": "rating",
           "criterion_groups": "criterion group", "cost_categories": "cost category",
           "units": "unit"}


class _Checker:
    def __init__(self, guide: Located, located: Mapping[str, list[Located]],
                 known_ids: Mapping[str, set[str]], today: dt.date) -> None:
        self.guide = guide
        self.located = located
        self.known = {**known_ids,
                      "ratings": {r.id for r in guide.entity.ratings},
                      "criterion_groups": {g.id for g in guide.entity.criterion_groups},
                      "cost_categories": {g.id for g in guide.entity.cost_categories},
                      "units": {u.id for u in guide.entity.units}}
        self.today = today
        self.problems: list[Problem] = []
        self.unknown: dict[tuple[str, str], list[tuple[Located, Loc]]] = {}
        """Every place each unknown id is cited, reported once per id (see ``_report_unknown``)."""

    def ref(self, item: Located, loc: Loc, kind: str, value: str) -> None:
        """Note ``value`` at ``loc`` if it is not an id of ``kind`` (reported by ``unknown``)."""
        if value not in self.known[kind]:
            self.unknown.setdefault((kind, value), []).append((item, loc))

    def date(self, item: Located, loc: Loc, value: str) -> None:
        parsed = parse_date(value)
        if parsed is not None and parsed > self.today:
            self.problems.append(item.problem(
                loc, f"{_path(item, loc)}: date '{value}' is in the future (today is "
                     f"{self.today.isoformat()})", "future-date"))


def check(guide: Located, located: Mapping[str, list[Located]],
          known_ids: Mapping[str, set[str]], today: dt.date, *, complete: bool = True
          ) -> list[Problem]:
    """Every cross-file problem of the knowledge base, in one list.

    ``complete=False`` says a file failed to read or to validate: some records and ids are
    missing, so references to them and options it may define are not reported (see
    ``_root_causes``)."""
    checker = _Checker(guide, located, known_ids, today)
    _check_guide(checker)
    for items in located.values():
        _check_duplicates(checker, items)
        for item in items:
            for reference in references(item.entity):
                checker.ref(item, reference.loc, reference.kind, reference.id)
    option_ids = [o.entity.id for o in located["options"]]
    for item in located["criteria"]:
        _check_every_option_assessed(checker, item, option_ids)
    for item in located["costs"]:
        checker.date(item, ("as_of",), item.entity.as_of)
    _check_derivation_cycles(checker, located["costs"])
    for item in located["questions"]:
        _check_answer_ids(checker, item)
    for item in located["sources"]:
        checker.date(item, ("date",), item.entity.date)
    return _root_causes(checker, located, complete=complete)


def _root_causes(checker: _Checker, located: Mapping[str, list[Located]], *,
                 complete: bool) -> list[Problem]:
    """The problems an editor should fix, without the echoes of one mistake.

    - When a file could not be read or validated, every reference into its missing records
      would fail and every criterion would miss the options it defines: those problems follow
      from the file's own problems, already reported, so they wait until it is fixed.
    - An id cited in many places that does not exist (a source renamed or misspelled) is one
      problem, at its first citation, with the count and the other places.
    - A source that an unknown id resembles is not also reported as uncited: it is most likely
      the renamed one, and the suggestion names it.
    """
    if not complete:
        return [p for p in checker.problems if p.code != "missing-assessment"]
    suggested: set[str] = set()
    for (kind, value), places in checker.unknown.items():
        label, pool = _LABELS[kind], checker.known[kind]
        hint = suggest(value, pool)
        if not hint and len(pool) <= 12:
            hint = f"; expected one of: {', '.join(sorted(pool))}"
        if kind == "sources":
            suggested |= set(difflib.get_close_matches(value, sorted(pool), n=3, cutoff=0.6))
        places = sorted(places, key=lambda place: (place[0].document.path,
                                                   place[0].document.position((*place[0].loc, *place[1]))))
        item, loc = places[0]
        message = f"{_path(item, loc)}: unknown {label} id '{value}'{hint}"
        if len(places) > 1:
            others = [(f"line {line}" if i.document.path == item.document.path
                       else f"{i.document.path}:{line}")
                      for i, rest in places[1:4] for line in [i.document.position((*i.loc, *rest))[0]]]
            more = f" and {len(places) - 4} more" if len(places) > 4 else ""
            message += f" (cited in {len(places)} places; also {', '.join(others)}{more})"
        checker.problems.append(item.problem(loc, message, "unknown-reference"))
    _check_uncited_sources(checker, located, skip=suggested)
    checker.problems += provenance_problems(located, checker.today)
    for items in located.values():
        for item in items:
            checker.problems += text_problems(item, checker.known)
    return checker.problems


def _check_guide(checker: _Checker) -> None:
    guide = checker.guide
    for field in ("ratings", "criterion_groups", "cost_categories", "units"):
        seen: dict[str, int] = {}
        for index, entry in enumerate(getattr(guide.entity, field)):
            if entry.id in seen:
                checker.problems.append(guide.problem(
                    (field, index, "id"), f"guide.{field}[{index}].id: duplicate id '{entry.id}' "
                                          f"(first at guide.{field}[{seen[entry.id]}])", "duplicate-id"))
            seen.setdefault(entry.id, index)


def _check_duplicates(checker: _Checker, items: list[Located]) -> None:
    first: dict[str, Located] = {}
    for item in items:
        entity_id = item.entity.id
        if entity_id in first:
            other = first[entity_id].origin
            checker.problems.append(item.problem(
                ("id",), f"{_path(item, ('id',))}: duplicate {_LABELS[item.section]} id "
                         f"'{entity_id}' (first defined at {other.path}:{other.line})", "duplicate-id"))
        else:
            first[entity_id] = item


def _check_every_option_assessed(checker: _Checker, item: Located, option_ids: list[str]) -> None:
    for option_id in option_ids:
        if option_id not in item.entity.assessments:
            checker.problems.append(item.problem(
                ("assessments",), f"{_path(item, ('assessments',))}: no assessment for option "
                                  f"'{option_id}'; every criterion rates every option",
                "missing-assessment"))


def _check_answer_ids(checker: _Checker, item: Located) -> None:
    seen: set[str] = set()
    for a_index, answer in enumerate(item.entity.answers):
        if answer.id in seen:
            checker.problems.append(item.problem(
                ("answers", a_index, "id"), f"{_path(item, ('answers', a_index, 'id'))}: "
                                            f"duplicate answer id '{answer.id}'", "duplicate-id"))
        seen.add(answer.id)


def _check_derivation_cycles(checker: _Checker, costs: list[Located]) -> None:
    """A cost derived (directly or not) from itself can never be computed or trusted.

    One depth-first walk over the ``derived_from`` edges with an explicit stack: each cost and
    each edge is visited once (linear, and no recursion limit on a long chain), and every edge
    back to a cost still on the walk's path closes a cycle, reported at the cost it starts from.
    """
    graph = {item.entity.id: item for item in costs}
    on_path: dict[str, int] = {}  # cost id -> its index in ``path``
    done: set[str] = set()
    reported: set[frozenset[str]] = set()
    for root in graph:
        if root in done:
            continue
        path = [root]
        on_path[root] = 0
        stack = [iter(graph[root].entity.derived_from)]
        while stack:
            parent = next(stack[-1], None)
            if parent is None:
                stack.pop()
                node = path.pop()
                del on_path[node]
                done.add(node)
            elif parent in on_path:
                cycle = [*path[on_path[parent]:], parent]
                if (key := frozenset(cycle)) not in reported:
                    reported.add(key)
                    item = graph[cycle[0]]
                    checker.problems.append(item.problem(
                        ("derived_from",), f"{_path(item, ('derived_from',))}: derivation cycle "
                                           f"{' -> '.join(cycle)}", "reference-cycle"))
            elif parent in graph and parent not in done:
                on_path[parent] = len(path)
                path.append(parent)
                stack.append(iter(graph[parent].entity.derived_from))


def _check_uncited_sources(checker: _Checker, located: Mapping[str, list[Located]], *,
                           skip: set[str]) -> None:
    cited = {reference.id for items in located.values() for item in items
             for reference in references(item.entity) if reference.kind == "sources"}
    for item in located["sources"]:
        if item.entity.id not in cited and item.entity.id not in skip:
            checker.problems.append(item.problem(
                ("id",), f"{_path(item, ('id',))}: source '{item.entity.id}' is cited by nothing",
                "uncited-source", severity="warning"))


def _path(item: Located, suffix: Loc) -> str:
    return field_path((*item.loc, *suffix))
