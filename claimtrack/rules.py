"""The integrity and lifecycle rules of a ledger, each written once: a fast test and its
explanation together.

Every :class:`Rule` applies to one collection. ``holds`` decides, with set operations and no
messages, that no record breaks the rule (the path every valid load takes); ``explain`` walks one
record and adds a :class:`~claimtrack.errors.Problem` with its JSON path for each breach. A
ledger is checked by running every ``holds``; on any doubt, every ``explain`` runs, record by
record in file order, so all problems are reported at once. Reference rules (an id must name a
record of the right kind) are derived from :mod:`claimtrack._registry`.
"""

from __future__ import annotations

import itertools
import operator
import re
import typing
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Any

from attrs import frozen

from claimtrack import _registry as registry
from claimtrack.errors import Problem, _closest
from claimtrack.hints import field_types
from claimtrack.history_rules import (
    corrections_hold,
    entries_hold,
    explain_corrections,
    explain_entries,
    explain_progress,
    explain_progress_corrections,
    progress_corrections_hold,
    progress_holds,
)
from claimtrack.lifecycle import (
    ClaimStatus,
    CommitmentStatus,
    Policy,
    Stance,
)
from claimtrack.lifecycle_rules import explain_history, history_holds
from claimtrack.model import Claim, ClaimRelation, Commitment, CommitmentRelation

__all__ = [
    "CATEGORY_PATTERN",
    "ID_PATTERN",
    "RULES",
    "STRICT_RULES",
    "Checker",
    "Known",
    "Rule",
    "check",
    "explain",
    "surely_valid",
    "valid_ids",
]

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]*")
#: Ids one per line, each an ``ID_PATTERN`` (which holds no line break).
_ID_LINES = re.compile(f"(?:{ID_PATTERN.pattern}\n)*")
CATEGORY_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]*")

#: Above this many candidates a "did you mean" suggestion costs more than it helps.
_SUGGEST_LIMIT = 5000

#: The records of a ledger by collection name, in the order given (paths index into these).
Collections = Mapping[str, Sequence[Any]]


class Checker:
    """Collects problems for one ledger; one instance per explanation run."""

    def __init__(self, collections: Collections, policy: Policy = Policy.USUAL_WITH_REASON) -> None:
        self.policy = policy
        self.problems: list[Problem] = []
        self.kinds: dict[str, dict[str, str]] = {name: {} for name in collections}
        self.first_seen: dict[str, str] = {}
        self.stances: dict[str, Stance] = {}

    def add(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def register(self, collection: str, index: int, record_id: str) -> None:
        """The id rule: valid and unique; the id is then resolvable in its collection."""
        path = f"$.{collection}[{index}].id"
        self.register_id(path, record_id)
        # Still resolvable in its own collection, so its citations are not reported as dangling.
        self.kinds[collection].setdefault(record_id, path)

    def register_id(self, path: str, record_id: str) -> None:
        """The id rule for any id (a record's or a history entry's): valid, unique."""
        if not ID_PATTERN.fullmatch(record_id):
            self.add(
                path,
                f"{record_id!r} is not a valid id; expected letters, digits and . _ : -"
                " starting with a letter or digit",
            )
        seen = self.first_seen.get(record_id)
        if seen is not None:
            self.add(path, f"duplicate id {record_id!r} (first used at {seen})")
        else:
            self.first_seen[record_id] = path

    def refer(self, path: str, collection: str, record_id: str | None) -> None:
        """The reference rule for one id: it names a record of ``collection``."""
        if record_id is None or record_id in self.kinds[collection]:
            return
        known = self.kinds[collection]
        message = f"no {registry.BY_NAME[collection].noun} with id {record_id!r}"
        if len(known) <= _SUGGEST_LIMIT:
            close = _closest(record_id, known)
            if close:
                message += f"; did you mean {close!r}?"
        self.add(path, message)

    def refer_all(self, path: str, collection: str, ids: Iterable[str]) -> None:
        for position, record_id in enumerate(ids):
            self.refer(f"{path}[{position}]", collection, record_id)


class Known(dict[str, set[str]]):
    """The ids of each collection's records, by collection name, and what several fast tests
    derive from them, worked out once per check: every id, and each evidence item's stance."""

    def __init__(self, collections: Collections) -> None:
        super().__init__(
            (name, {record.id for record in collections[name]}) for name in registry.NAMES
        )
        self.every: set[str] = set().union(*self.values())
        evidence = collections[registry.EVIDENCE.name]
        self.stances: dict[str, str] = {e.id: e.stance._value_ for e in evidence}


@frozen
class Rule:
    """One rule over the records of ``collection``: a fast test and its explanation."""

    name: str
    collection: str
    holds: Callable[[Collections, Known], bool]
    explain: Callable[[Checker, str, Any], None]


# -- reference rules, from the registry -----------------------------------------------------


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(record_type: type) -> dict[str, Any]:
    """The record type's resolved annotations, worked out once per type."""
    found = _HINTS.get(record_type)
    if found is None:
        found = _HINTS[record_type] = field_types(record_type)  # written ahead: no compile
    return found


def _reference_rule(collection: registry.Collection[Any], reference: registry.Reference) -> Rule:
    field, target = reference.field, reference.target
    value_of = operator.attrgetter(field)
    hint: Any = _hints(collection.record_type)[field]
    many = typing.get_origin(hint) is tuple

    def holds(collections: Collections, ids: Known) -> bool:
        values = list(map(value_of, collections[collection.name]))
        if many:  # every value a tuple (else explain says what it is), every id in it known
            return (
                set(map(type, values)) <= {tuple}
                and set(itertools.chain.from_iterable(values)) <= ids[target]
            )
        return set(values) - {None} <= ids[target]

    def explain(checker: Checker, path: str, record: Any) -> None:
        value = getattr(record, field)
        if isinstance(value, tuple):
            checker.refer_all(f"{path}.{field}", target, value)
        else:
            checker.refer(f"{path}.{field}", target, value)

    return Rule(
        f"{collection.name}.{field} names a {target} record", collection.name, holds, explain
    )


def _references(collection: registry.Collection[Any]) -> list[Rule]:
    return [_reference_rule(collection, reference) for reference in collection.references]


# -- record rules ------------------------------------------------------------------------------


def _rule(
    name: str,
    collection: registry.Collection[Any],
    holds: Callable[[Sequence[Any]], bool],
) -> Callable[[Callable[[Checker, str, Any], None]], Rule]:
    """Declare a rule from its fast test (over the collection's records) and its explanation."""

    def declare(explain: Callable[[Checker, str, Any], None]) -> Rule:
        return Rule(name, collection.name, lambda c, _: holds(c[collection.name]), explain)

    return declare


@_rule(
    "a quote is not empty",
    registry.EVIDENCE,
    lambda evidence: all(e.quote is None or e.quote.exact for e in evidence),
)
def _quote_not_empty(checker: Checker, path: str, evidence: Any) -> None:
    if evidence.quote is not None and not evidence.quote.exact:
        checker.add(f"{path}.quote.exact", "a quote cannot be empty")


@_rule(
    "an event is not part of itself",
    registry.EVENTS,
    lambda events: not any(e.part_of == e.id for e in events),
)
def _not_part_of_itself(checker: Checker, path: str, event: Any) -> None:
    if event.part_of == event.id:
        checker.add(f"{path}.part_of", f"event {event.id!r} cannot be part of itself")


def _ends_before_start(event: Any) -> bool:
    return event.date is not None and event.end is not None and event.end.known_before(event.date)


@_rule(
    "an event ends after it starts",
    registry.EVENTS,
    lambda events: not any(map(_ends_before_start, events)),
)
def _ends_after_start(checker: Checker, path: str, event: Any) -> None:
    if _ends_before_start(event):
        checker.add(f"{path}.end", f"ends ({event.end}) before it starts ({event.date})")


@_rule(
    "a category is a lowercase slug",
    registry.COMMITMENTS,
    lambda commitments: all(map(CATEGORY_PATTERN.fullmatch, {c.category for c in commitments})),
)
def _category_slug(checker: Checker, path: str, commitment: Any) -> None:
    if not CATEGORY_PATTERN.fullmatch(commitment.category):
        checker.add(
            f"{path}.category",
            f"{commitment.category!r} is not a category; expected a lowercase slug"
            " such as 'hotline' or 'intelligence_sharing'",
        )


def _relations_rule(collection: registry.Collection[Any]) -> Rule:
    """A relation names another item of the same collection, never the item itself."""

    def holds(collections: Collections, ids: Known) -> bool:
        items = collections[collection.name]
        return {r.target for i in items for r in i.relations} <= ids[collection.name] and not any(
            r.target == i.id for i in items for r in i.relations
        )

    def explain(checker: Checker, path: str, item: Commitment | Claim) -> None:
        relations: Sequence[CommitmentRelation | ClaimRelation] = item.relations
        for position, relation in enumerate(relations):
            where = f"{path}.relations[{position}].target"
            if relation.target == item.id:
                checker.add(where, f"{collection.noun} {item.id!r} cannot relate to itself")
            else:
                checker.refer(where, collection.name, relation.target)

    return Rule(
        f"{collection.name} relate to other {collection.name}", collection.name, holds, explain
    )


# -- the history rule: lifecycle, evidence, date order -----------------------------------------

_STATUS_KINDS: dict[str, type[CommitmentStatus] | type[ClaimStatus]] = {
    registry.COMMITMENTS.name: CommitmentStatus,
    registry.CLAIMS.name: ClaimStatus,
}


def _history_rule(collection: registry.Collection[Any], *, strict: bool = False) -> Rule:
    """A history starts in the initial status, moves by the lifecycle table (or, under the
    default policy, outside it with a reason) with the evidence or check each move needs, cites
    known evidence and has nothing dated before the item was made."""
    kind = _STATUS_KINDS[collection.name]

    def holds(collections: Collections, ids: Known) -> bool:
        items = collections[collection.name]
        cited = itertools.chain.from_iterable(c.evidence for i in items for c in i.history)
        if not set(cited) <= ids[registry.EVIDENCE.name]:
            return False
        if any(
            c.check is not None and not c.check.searched.strip() for i in items for c in i.history
        ):
            return False
        stances = ids.stances
        return all(history_holds(item.history, stances, kind, strict) for item in items)

    def explain(checker: Checker, path: str, item: Commitment | Claim) -> None:
        explain_history(checker, path, item.id, item.history, kind, collection.noun)

    return Rule(
        f"{collection.name} histories follow the lifecycle", collection.name, holds, explain
    )


def _entries_rule(collection: registry.Collection[Any]) -> Rule:
    """Every history entry, superseded entry and progress figure has a valid id, unique in the
    ledger; every check says where it searched."""

    def holds(collections: Collections, ids: Known) -> bool:
        return entries_hold(collections[collection.name], ids.every, valid_ids)

    return Rule(f"{collection.name} entries have ids", collection.name, holds, explain_entries)


def _items_rule(
    collection: registry.Collection[Any],
    name: str,
    holds: Callable[[Sequence[Any], Mapping[str, set[str]]], bool],
    explain_one: Callable[[Checker, str, Any], None],
) -> Rule:
    def holds_all(collections: Collections, ids: Known) -> bool:
        return holds(collections[collection.name], ids)

    return Rule(f"{collection.name} {name}", collection.name, holds_all, explain_one)


# -- every rule, in the order problems are reported --------------------------------------------


def _rules(*, strict: bool) -> tuple[Rule, ...]:
    """Each collection's rules, collections and rules in the order their problems are listed."""
    return (
        *_references(registry.ACTORS),
        *_references(registry.EVIDENCE),
        _quote_not_empty,
        *_references(registry.EVENTS),
        _not_part_of_itself,
        _ends_after_start,
        *_references(registry.AGREEMENTS),
        _category_slug,
        *_references(registry.COMMITMENTS),
        _relations_rule(registry.COMMITMENTS),
        _entries_rule(registry.COMMITMENTS),
        _history_rule(registry.COMMITMENTS, strict=strict),
        _items_rule(registry.COMMITMENTS, "corrections", corrections_hold, explain_corrections),
        _items_rule(registry.COMMITMENTS, "progress", progress_holds, explain_progress),
        _items_rule(
            registry.COMMITMENTS,
            "progress corrections",
            progress_corrections_hold,
            explain_progress_corrections,
        ),
        *_references(registry.CLAIMS),
        _relations_rule(registry.CLAIMS),
        _entries_rule(registry.CLAIMS),
        _history_rule(registry.CLAIMS, strict=strict),
        _items_rule(registry.CLAIMS, "corrections", corrections_hold, explain_corrections),
    )


#: Every rule under the default policy (``usual-with-reason``), and under ``strict``.
RULES: tuple[Rule, ...] = _rules(strict=False)
STRICT_RULES: tuple[Rule, ...] = _rules(strict=True)


def valid_ids(ids: Collection[str]) -> bool:
    """Whether every id fullmatches ``ID_PATTERN``, in one scan of them all, one per line: an
    id holding a line break (which the pattern refuses) shows as a line too many."""
    if not ids:
        return True
    lines = "\n".join(ids) + "\n"
    return lines.count("\n") == len(ids) and _ID_LINES.fullmatch(lines) is not None


def _ids_hold(collections: Collections, ids: Known) -> bool:
    """The id rule, fast: every id valid and unique across the ledger."""
    count = sum(len(collections[name]) for name in registry.NAMES)
    return len(ids.every) == count and valid_ids(ids.every)


def _policy_rules(policy: Policy) -> tuple[Rule, ...]:
    return STRICT_RULES if policy is Policy.STRICT else RULES


def surely_valid(collections: Collections, policy: Policy = Policy.USUAL_WITH_REASON) -> bool:
    """Every rule's fast test passes: the ledger is valid, decided without messages."""
    ids = Known(collections)
    if not _ids_hold(collections, ids):
        return False
    return all(rule.holds(collections, ids) for rule in _policy_rules(policy))


def explain(collections: Collections, policy: Policy = Policy.USUAL_WITH_REASON) -> list[Problem]:
    """Every rule, record by record, each problem with its path, in file order."""
    checker = Checker(collections, policy)
    for name in registry.NAMES:
        for index, record in enumerate(collections[name]):
            checker.register(name, index, record.id)
    for item in collections[registry.EVIDENCE.name]:
        checker.stances[item.id] = item.stance
    by_collection: dict[str, list[Rule]] = {}
    for rule in _policy_rules(policy):
        by_collection.setdefault(rule.collection, []).append(rule)
    for name, rules in by_collection.items():
        for index, record in enumerate(collections[name]):
            path = f"$.{name}[{index}]"
            for rule in rules:
                rule.explain(checker, path, record)
    return checker.problems


def check(collections: Collections, policy: Policy = Policy.USUAL_WITH_REASON) -> list[Problem]:
    """Every integrity and lifecycle problem in these collections, in file order."""
    if surely_valid(collections, policy):
        return []
    return explain(collections, policy)


def _check_definitions() -> None:
    """At import: every reference and every rule names a known collection."""
    for rule in (*RULES, *STRICT_RULES):
        if rule.collection not in registry.BY_NAME:
            raise AssertionError(f"rule {rule.name!r} names an unknown collection")


_check_definitions()
