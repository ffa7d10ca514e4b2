"""The integrity and lifecycle rules of a ledger, as one linear pass that lists every problem.

Kept apart from ``ledger`` so the rules read as a list; paths point at positions in the
collections as given (for a loaded file: as they stand in the file).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from claimtrack.errors import Problem, _closest
from claimtrack.lifecycle import (
    CLAIM_TRANSITIONS,
    COMMITMENT_TRANSITIONS,
    NEEDS_STANCE,
    ClaimStatus,
    CommitmentStatus,
    Stance,
    initial_status,
    transition_refusal,
)
from claimtrack.model import (
    Actor,
    Agreement,
    Claim,
    ClaimRelation,
    Commitment,
    CommitmentRelation,
    Event,
    Evidence,
    Source,
    StatusChange,
)

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]*")
CATEGORY_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]*")

#: Above this many candidates a "did you mean" suggestion costs more than it helps.
_SUGGEST_LIMIT = 5000


class _Checker:
    """Collects problems for one ledger; one instance per check run."""

    def __init__(self, collections: Mapping[str, Sequence[object]]) -> None:
        self.problems: list[Problem] = []
        self.kinds: dict[str, dict[str, str]] = {name: {} for name in collections}
        self.first_seen: dict[str, str] = {}
        self.stances: dict[str, Stance] = {}

    def add(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def register(self, collection: str, index: int, record_id: str) -> None:
        path = f"$.{collection}[{index}].id"
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
        # Still resolvable in its own collection, so its citations are not reported as dangling.
        self.kinds[collection].setdefault(record_id, path)

    def refer(self, path: str, collection: str, noun: str, record_id: str | None) -> None:
        if record_id is None or record_id in self.kinds[collection]:
            return
        known = self.kinds[collection]
        message = f"no {noun} with id {record_id!r}"
        if len(known) <= _SUGGEST_LIMIT:
            close = _closest(record_id, known)
            if close:
                message += f"; did you mean {close!r}?"
        self.add(path, message)

    def refer_all(self, path: str, collection: str, noun: str, ids: Iterable[str]) -> None:
        for position, record_id in enumerate(ids):
            self.refer(f"{path}[{position}]", collection, noun, record_id)


def check(
    *,
    sources: Sequence[Source],
    actors: Sequence[Actor],
    events: Sequence[Event],
    agreements: Sequence[Agreement],
    commitments: Sequence[Commitment],
    claims: Sequence[Claim],
    evidence: Sequence[Evidence],
) -> list[Problem]:
    """Every integrity and lifecycle problem in these collections, in file order."""
    if _surely_valid(sources, actors, events, agreements, commitments, claims, evidence):
        return []
    return explain(
        sources=sources,
        actors=actors,
        events=events,
        agreements=agreements,
        commitments=commitments,
        claims=claims,
        evidence=evidence,
    )


def explain(
    *,
    sources: Sequence[Source],
    actors: Sequence[Actor],
    events: Sequence[Event],
    agreements: Sequence[Agreement],
    commitments: Sequence[Commitment],
    claims: Sequence[Claim],
    evidence: Sequence[Evidence],
) -> list[Problem]:
    """The rules one by one, each problem with its path: what ``check`` runs on any doubt."""
    collections: dict[str, Sequence[object]] = {
        "sources": sources,
        "actors": actors,
        "events": events,
        "agreements": agreements,
        "commitments": commitments,
        "claims": claims,
        "evidence": evidence,
    }
    checker = _Checker(collections)
    for name, records in collections.items():
        for index, record in enumerate(records):
            checker.register(name, index, record.id)  # type: ignore[attr-defined]
    for item in evidence:
        checker.stances[item.id] = item.stance

    for index, actor in enumerate(actors):
        checker.refer(f"$.actors[{index}].affiliation", "actors", "actor", actor.affiliation)
    for index, item in enumerate(evidence):
        path = f"$.evidence[{index}]"
        checker.refer(f"{path}.source", "sources", "source", item.source)
        if item.quote is not None and not item.quote.exact:
            checker.add(f"{path}.quote.exact", "a quote cannot be empty")
    for index, event in enumerate(events):
        path = f"$.events[{index}]"
        checker.refer_all(f"{path}.participants", "actors", "actor", event.participants)
        checker.refer(f"{path}.part_of", "events", "event", event.part_of)
        checker.refer_all(f"{path}.evidence", "evidence", "evidence", event.evidence)
        if event.part_of == event.id:
            checker.add(f"{path}.part_of", f"event {event.id!r} cannot be part of itself")
        if event.date is not None and event.end is not None and event.end.known_before(event.date):
            checker.add(f"{path}.end", f"ends ({event.end}) before it starts ({event.date})")
    for index, agreement in enumerate(agreements):
        path = f"$.agreements[{index}]"
        checker.refer_all(f"{path}.parties", "actors", "actor", agreement.parties)
        checker.refer(f"{path}.event", "events", "event", agreement.event)
        checker.refer_all(f"{path}.evidence", "evidence", "evidence", agreement.evidence)
    for index, commitment in enumerate(commitments):
        path = f"$.commitments[{index}]"
        if not CATEGORY_PATTERN.fullmatch(commitment.category):
            checker.add(
                f"{path}.category",
                f"{commitment.category!r} is not a category; expected a lowercase slug"
                " such as 'hotline' or 'intelligence_sharing'",
            )
        checker.refer(f"{path}.agreement", "agreements", "agreement", commitment.agreement)
        checker.refer_all(f"{path}.obligors", "actors", "actor", commitment.obligors)
        checker.refer_all(f"{path}.beneficiaries", "actors", "actor", commitment.beneficiaries)
        checker.refer_all(f"{path}.evidence", "evidence", "evidence", commitment.evidence)
        _check_relations(checker, path, "commitments", "commitment", commitment)
        _check_history(checker, path, commitment.id, commitment.history, CommitmentStatus)
    for index, claim in enumerate(claims):
        path = f"$.claims[{index}]"
        checker.refer_all(f"{path}.claimants", "actors", "actor", claim.claimants)
        checker.refer_all(f"{path}.subjects", "actors", "actor", claim.subjects)
        checker.refer_all(f"{path}.evidence", "evidence", "evidence", claim.evidence)
        _check_relations(checker, path, "claims", "claim", claim)
        _check_history(checker, path, claim.id, claim.history, ClaimStatus)
    return checker.problems


def _check_relations(
    checker: _Checker, path: str, collection: str, noun: str, item: Commitment | Claim
) -> None:
    relations: Sequence[CommitmentRelation | ClaimRelation] = item.relations
    for position, relation in enumerate(relations):
        where = f"{path}.relations[{position}].target"
        if relation.target == item.id:
            checker.add(where, f"{noun} {item.id!r} cannot relate to itself")
        else:
            checker.refer(where, collection, noun, relation.target)


def _check_history(
    checker: _Checker,
    path: str,
    item_id: str,
    history: Sequence[StatusChange[Any]],
    kind: type[CommitmentStatus] | type[ClaimStatus],
) -> None:
    if not history:
        checker.add(f"{path}.history", "a history needs at least its first entry")
        return
    wrong_kind = False
    for position, change in enumerate(history):
        if type(change.status) is not kind:
            wrong_kind = True
            noun = "commitment" if kind is CommitmentStatus else "claim"
            valid = ", ".join(status.value for status in kind)
            checker.add(
                f"{path}.history[{position}].status",
                f"{change.status.value!r} is not a {noun} status; expected one of {valid}",
            )
    first = history[0]
    initial = initial_status(kind)
    if not wrong_kind and first.status != initial:
        checker.add(
            f"{path}.history[0].status",
            f"a history starts with {initial.value!r}, not {first.status.value!r}",
        )
    previous = first
    started = first  # the entry with the latest earliest day so far
    for position, change in enumerate(history):
        where = f"{path}.history[{position}]"
        checker.refer_all(f"{where}.evidence", "evidence", "evidence", change.evidence)
        if position == 0:
            continue
        if change.date.known_before(started.date):
            which = "previous entry" if started is previous else "earlier entry"
            checker.add(
                f"{where}.date",
                f"{change.date} is before the {which}'s {started.date}; a history is in date order",
            )
        if change.date.earliest > started.date.earliest:
            started = change
        if wrong_kind:
            previous = change
            continue
        stances = [checker.stances[e] for e in change.evidence if e in checker.stances]
        if change.evidence and not stances:
            stances = [Stance.MENTIONS]  # dangling ids are reported above; don't pile on
        refusal = transition_refusal(item_id, previous.status, change.status, stances)
        if refusal is not None:
            rule, message = refusal
            field = "evidence" if rule == "evidence-required" or "-needs-" in rule else "status"
            checker.add(f"{where}.{field}", message)
        previous = change


def _surely_valid(
    sources: Sequence[Source],
    actors: Sequence[Actor],
    events: Sequence[Event],
    agreements: Sequence[Agreement],
    commitments: Sequence[Commitment],
    claims: Sequence[Claim],
    evidence: Sequence[Evidence],
) -> bool:
    """The same rules as ``check``, decided with set operations and no messages.

    A valid ledger (every load of a good file) passes here in a fraction of the time; any
    doubt returns False and ``check`` runs the rules one by one to say what is wrong, where.
    """
    source_ids = [r.id for r in sources]
    actor_ids = [r.id for r in actors]
    event_ids = [r.id for r in events]
    agreement_ids = [r.id for r in agreements]
    commitment_ids = [r.id for r in commitments]
    claim_ids = [r.id for r in claims]
    evidence_ids = [r.id for r in evidence]
    every = [
        *source_ids,
        *actor_ids,
        *event_ids,
        *agreement_ids,
        *commitment_ids,
        *claim_ids,
        *evidence_ids,
    ]
    if len(set(every)) != len(every) or not all(map(ID_PATTERN.fullmatch, every)):
        return False
    sources_set, actors_set, events_set = set(source_ids), set(actor_ids), set(event_ids)
    evidence_set = set(evidence_ids)
    items: list[Commitment | Claim] = [*commitments, *claims]
    chain = itertools.chain.from_iterable
    cited = itertools.chain(
        chain(e.evidence for e in events),
        chain(a.evidence for a in agreements),
        chain(i.evidence for i in items),
        chain(c.evidence for i in items for c in i.history),
    )
    if not (
        {e.source for e in evidence} <= sources_set
        and {a.affiliation for a in actors} - {None} <= actors_set
        and set(chain(e.participants for e in events)) <= actors_set
        and set(chain(a.parties for a in agreements)) <= actors_set
        and set(chain(c.obligors for c in commitments)) <= actors_set
        and set(chain(c.beneficiaries for c in commitments)) <= actors_set
        and set(chain(c.claimants for c in claims)) <= actors_set
        and set(chain(c.subjects for c in claims)) <= actors_set
        and {e.part_of for e in events} - {None} <= events_set
        and {a.event for a in agreements} - {None} <= events_set
        and {c.agreement for c in commitments} - {None} <= set(agreement_ids)
        and {r.target for c in commitments for r in c.relations} <= set(commitment_ids)
        and {r.target for c in claims for r in c.relations} <= set(claim_ids)
        and set(cited) <= evidence_set
        and all(map(CATEGORY_PATTERN.fullmatch, {c.category for c in commitments}))
        and all(e.quote is None or e.quote.exact for e in evidence)
        and not any(e.part_of == e.id for e in events)
        and not any(r.target == i.id for i in items for r in i.relations)
        and not any(
            e.date is not None and e.end is not None and e.end.known_before(e.date) for e in events
        )
    ):
        return False
    stances = {e.id: e.stance._value_ for e in evidence}
    return all(
        _history_surely_valid(c.history, stances, CommitmentStatus) for c in commitments
    ) and all(_history_surely_valid(c.history, stances, ClaimStatus) for c in claims)


def _history_surely_valid(
    history: Sequence[StatusChange[Any]],
    stances: dict[str, str],
    kind: type[CommitmentStatus] | type[ClaimStatus],
) -> bool:
    # Keyed by the statuses' string values: str hashing is far cheaper than Enum.__hash__.
    if not history:
        return False
    previous = history[0]
    if previous.status is not _INITIAL[kind]:
        return False
    table = _NEXT_VALUES[kind]
    started = previous.date.earliest
    for change in history[1:]:
        status = change.status
        if (
            type(status) is not kind
            or not change.evidence
            or status._value_ not in table[previous.status._value_]
            or change.date.latest < started
        ):
            return False
        needed = _NEEDS_VALUES.get(status._value_)
        if needed is not None and needed not in {stances[e] for e in change.evidence}:
            return False
        started = max(started, change.date.earliest)
        previous = change
    return True


_INITIAL = {kind: initial_status(kind) for kind in (CommitmentStatus, ClaimStatus)}
_NEXT_VALUES: dict[type, dict[str, set[str]]] = {
    kind: {status._value_: {s._value_ for s in nxt} for status, nxt in table.items()}
    for kind, table in (
        (CommitmentStatus, COMMITMENT_TRANSITIONS),
        (ClaimStatus, CLAIM_TRANSITIONS),
    )
}
_NEEDS_VALUES = {status._value_: stance._value_ for status, stance in NEEDS_STANCE.items()}
