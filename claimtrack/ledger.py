"""The Ledger: every record, always valid, with as-of queries and updates that return new ledgers.

A ``Ledger`` cannot exist in an invalid state: building one runs every integrity and lifecycle
rule and raises ``InvalidLedger`` listing all problems. Collections are kept sorted by id, so two
ledgers holding the same records are equal and save to the same bytes.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import operator
from collections.abc import Iterator, Sequence
from typing import Any, Generic, TypeVar, cast

import attrs
from attrs import field, frozen

from claimtrack._checks import check
from claimtrack.dates import PartialDate
from claimtrack.errors import InvalidLedger, NotARecord, TransitionRefused, UnknownId
from claimtrack.lifecycle import (
    OPEN_COMMITMENT_STATUSES,
    ClaimStatus,
    Status,
    allowed_next,
    transition_refusal,
)
from claimtrack.model import (
    Actor,
    Agreement,
    Claim,
    Commitment,
    Event,
    Evidence,
    Record,
    Source,
    StatusChange,
)

__all__ = ["COLLECTIONS", "AsOf", "Ledger", "Records", "as_day"]

R = TypeVar("R", Source, Actor, Event, Agreement, Commitment, Claim, Evidence)

#: What as-of arguments accept: a day, a PartialDate (its last day) or EDTF text.
AsOf = dt.date | PartialDate | str

COLLECTIONS: tuple[str, ...] = (
    "sources",
    "actors",
    "events",
    "agreements",
    "commitments",
    "claims",
    "evidence",
)
_COLLECTION_OF: dict[type, str] = {
    Source: "sources",
    Actor: "actors",
    Event: "events",
    Agreement: "agreements",
    Commitment: "commitments",
    Claim: "claims",
    Evidence: "evidence",
}
_NOUN = {
    "sources": "source",
    "actors": "actor",
    "events": "event",
    "agreements": "agreement",
    "commitments": "commitment",
    "claims": "claim",
    "evidence": "evidence",
}


def as_day(value: AsOf) -> dt.date:
    """The day an as-of argument stands for; a partial date stands for its last day."""
    if isinstance(value, str):
        return _last_day(value)
    if isinstance(value, PartialDate):
        return value.latest
    if isinstance(value, dt.datetime):
        return value.date()
    return value


@functools.lru_cache(maxsize=256)
def _last_day(text: str) -> dt.date:
    return PartialDate.parse(text).latest


class Records(Generic[R]):
    """A read-only collection of one kind of record: iterate, ``len()``, look up by id."""

    __slots__ = ("_by_id", "_items", "_kind")

    def __init__(self, kind: str, items: tuple[R, ...]) -> None:
        self._kind = kind
        self._items: tuple[R, ...] = items
        self._by_id: dict[str, R] = {item.id: item for item in items}

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[R]:
        return iter(self._items)

    def __getitem__(self, record_id: str) -> R:
        try:
            return self._by_id[record_id]
        except KeyError:
            raise UnknownId(self._kind, record_id, self.ids()) from None

    def __contains__(self, record_id: object) -> bool:
        return record_id in self._by_id

    def get(self, record_id: str) -> R | None:
        """The record with this id, or ``None``."""
        return self._by_id.get(record_id)

    def ids(self) -> list[str]:
        """Every id, sorted."""
        return [item.id for item in self._items]

    def __repr__(self) -> str:
        noun = self._kind if len(self) == 1 else _PLURAL.get(self._kind, self._kind + "s")
        return f"<{len(self)} {noun}>"


_ID = operator.attrgetter("id")
_PLURAL = {"evidence": "evidence items"}


def _running_min(keys: list[int]) -> list[int]:
    """Non-decreasing keys for bisecting a history by the as-of rule.

    Entry ``i`` is known to have happened by day D when any entry at or after ``i`` is, so the
    key of ``i`` is the smallest known-from day among entries ``i`` and later.
    """
    for position in range(len(keys) - 2, -1, -1):
        keys[position] = min(keys[position], keys[position + 1])
    return keys


@frozen
class Ledger:
    """Sources, actors, events, agreements, commitments, claims and evidence, checked together."""

    _sources: tuple[Source, ...] = field(default=(), converter=tuple)
    _actors: tuple[Actor, ...] = field(default=(), converter=tuple)
    _events: tuple[Event, ...] = field(default=(), converter=tuple)
    _agreements: tuple[Agreement, ...] = field(default=(), converter=tuple)
    _commitments: tuple[Commitment, ...] = field(default=(), converter=tuple)
    _claims: tuple[Claim, ...] = field(default=(), converter=tuple)
    _evidence: tuple[Evidence, ...] = field(default=(), converter=tuple)
    _positions: dict[str, int] = field(init=False, eq=False, repr=False)
    _views: dict[str, Records[Any]] = field(init=False, eq=False, repr=False)
    _keys: dict[str, list[int]] = field(init=False, eq=False, repr=False)
    _known: dict[str, list[int]] = field(init=False, eq=False, repr=False)
    _cited_cache: dict[str, list[str]] = field(init=False, eq=False, repr=False)
    _published: dict[str, int] | None = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        given = {name: getattr(self, f"_{name}") for name in COLLECTIONS}
        problems = check(**given)
        if problems:
            raise InvalidLedger(problems)
        positions: dict[str, int] = {}
        views: dict[str, Records[Any]] = {}
        for name, items in given.items():
            ids = list(map(_ID, items))
            positions.update(zip(ids, range(len(ids)), strict=True))
            if all(map(operator.lt, ids, ids[1:])):
                ordered = items  # already in id order, as every saved file is
            else:
                ordered = tuple(sorted(items, key=_ID))
            object.__setattr__(self, f"_{name}", ordered)
            views[name] = Records(_NOUN[name], ordered)
        object.__setattr__(self, "_positions", positions)
        object.__setattr__(self, "_views", views)
        object.__setattr__(self, "_keys", {})
        object.__setattr__(self, "_known", {})
        object.__setattr__(self, "_cited_cache", {})
        object.__setattr__(self, "_published", None)

    # -- collections ----------------------------------------------------------------------

    @property
    def sources(self) -> Records[Source]:
        """Every source, by id."""
        return self._views["sources"]

    @property
    def actors(self) -> Records[Actor]:
        """Every actor, by id."""
        return self._views["actors"]

    @property
    def events(self) -> Records[Event]:
        """Every event, by id."""
        return self._views["events"]

    @property
    def agreements(self) -> Records[Agreement]:
        """Every agreement, by id."""
        return self._views["agreements"]

    @property
    def commitments(self) -> Records[Commitment]:
        """Every commitment, by id."""
        return self._views["commitments"]

    @property
    def claims(self) -> Records[Claim]:
        """Every claim, by id."""
        return self._views["claims"]

    @property
    def evidence(self) -> Records[Evidence]:
        """Every evidence item, by id."""
        return self._views["evidence"]

    # -- lookup ---------------------------------------------------------------------------

    def records(self, collection: str) -> Records[Any]:
        """The read-only view of one collection, by its name (``"commitments"``...)."""
        return self._views[collection]

    def __getitem__(self, record_id: str) -> Record:
        """Any record by id, whatever its kind."""
        for view in self._views.values():
            found = view.get(record_id)
            if found is not None:
                return cast(Record, found)
        raise UnknownId("record", record_id)

    def __len__(self) -> int:
        return sum(len(view) for view in self._views.values())

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(self._views[name])} {name}" for name in COLLECTIONS)
        return f"<Ledger: {counts}>"

    def _repr_html_(self) -> str:
        """A small table of record counts, for notebooks."""
        rows = "".join(
            f"<tr><th>{name}</th><td>{len(self._views[name])}</td></tr>" for name in COLLECTIONS
        )
        return f"<table><caption>Ledger</caption>{rows}</table>"

    def path_of(self, record_id: str) -> str:
        """The JSON path of a record as it stood when this ledger was built (``$.evidence[3]``)."""
        record = self[record_id]
        return f"$.{_COLLECTION_OF[type(record)]}[{self._positions[record_id]}]"

    def item(self, item_id: str) -> Commitment | Claim:
        """The commitment or claim with this id."""
        found = self._views["commitments"].get(item_id) or self._views["claims"].get(item_id)
        if found is None:
            known = self._views["commitments"].ids() + self._views["claims"].ids()
            raise UnknownId("commitment or claim", item_id, known)
        return cast(Commitment | Claim, found)

    # -- as-of queries -----------------------------------------------------------------------

    def known_from(self, item_id: str, position: int) -> dt.date:
        """The first day an item's history entry counts as known: the as-of rule.

        An entry is known once its date has surely passed (``2017-11`` from 2017-11-30 on), or
        once a source reporting it has been published, whichever comes first; never before its
        own earliest day, nor before the earliest day of any entry before it. A source
        published before the entry cannot report it and is not counted.
        """
        return dt.date.fromordinal(self._known_ordinals(self.item(item_id))[position])

    def _known_ordinals(self, item: Commitment | Claim) -> list[int]:
        found = self._known.get(item.id)
        if found is None:
            published = self._published_ordinals()
            found = []
            floor = 0
            history: Sequence[StatusChange[Any]] = item.history
            for change in history:
                earliest, known = change.date._ordinals
                floor = max(floor, earliest)
                for evidence_id in change.evidence:
                    day = published.get(evidence_id)
                    if day is not None and earliest <= day < known:
                        known = day
                found.append(max(known, floor))
            self._known[item.id] = found
        return found

    def _cited(self, item: Commitment | Claim) -> list[str]:
        found = self._cited_cache.get(item.id)
        if found is None:
            found = self._cited_cache[item.id] = _cited_ids(item)
        return found

    def _published_ordinals(self) -> dict[str, int]:
        """Evidence id -> last possible day of its source's publication, built on first use."""
        if self._published is None:
            sources = self._views["sources"]
            by_source = {s.id: s.published.latest.toordinal() for s in sources if s.published}
            found = {
                e.id: by_source[e.source] for e in self._views["evidence"] if e.source in by_source
            }
            object.__setattr__(self, "_published", found)
            return found
        return self._published

    def status_as_of(self, item_id: str, as_of: AsOf) -> StatusChange[Any] | None:
        """The history entry in effect for an item on a day (see ``known_from``), or ``None``
        if the item was not yet known to have been made."""
        item = self.item(item_id)
        keys = self._keys.get(item_id)
        if keys is None:
            keys = _running_min(list(self._known_ordinals(item)))
            self._keys[item_id] = keys
        position = bisect.bisect_right(keys, as_day(as_of).toordinal()) - 1
        return item.history[position] if position >= 0 else None

    def history(self, item_id: str) -> tuple[StatusChange[Any], ...]:
        """Every status entry of a commitment or claim, oldest first."""
        return self.item(item_id).history

    def evidence_for(self, item_id: str) -> list[Evidence]:
        """Evidence an item cites, in its own list or in its history, each once."""
        evidence = self._views["evidence"]
        return [evidence[evidence_id] for evidence_id in self._cited(self.item(item_id))]

    def evidence_date(self, evidence: Evidence) -> PartialDate | None:
        """When a piece of evidence appeared: its source's publication date."""
        return self.sources[evidence.source].published

    def last_activity(self, item_id: str, as_of: AsOf) -> dt.date | None:
        """The last day, by the as-of day, on which news of an item became known: a status
        entry (by the as-of rule) or the publication of evidence it cites."""
        day = as_day(as_of).toordinal()
        item = self.item(item_id)
        published = self._published_ordinals()
        known = list(self._known_ordinals(item))
        known.extend(p for e in self._cited(item) if (p := published.get(e)) is not None)
        last = max((k for k in known if k <= day), default=None)
        return None if last is None else dt.date.fromordinal(last)

    def latest_evidence(self, item_id: str, as_of: AsOf) -> Evidence | None:
        """The cited evidence whose source was published last by the as-of day (ties: by id)."""
        day = as_day(as_of).toordinal()
        published = self._published_ordinals()
        dated = [
            (p, evidence_id)
            for evidence_id in self._cited(self.item(item_id))
            if (p := published.get(evidence_id)) is not None and p <= day
        ]
        return self._views["evidence"][max(dated)[1]] if dated else None

    def is_overdue(self, commitment_id: str, as_of: AsOf) -> bool:
        """Whether a still-open commitment's due date has passed by the as-of day."""
        return self.flags(commitment_id, as_of)[0]

    def is_stale(self, item_id: str, as_of: AsOf, *, days: int = 365) -> bool:
        """Whether an open commitment or unsettled claim has had no news for ``days`` days."""
        return self.flags(item_id, as_of, stale_days=days)[1]

    def flags(self, item_id: str, as_of: AsOf, *, stale_days: int = 365) -> tuple[bool, bool]:
        """``(overdue, stale)`` for an item on the as-of day, from one status lookup.

        Both are derived, never stored: overdue when an open commitment's due date has passed;
        stale when an open commitment or unsettled claim has had no news for ``stale_days``.
        """
        current = self.status_as_of(item_id, as_of)
        if current is None:
            return (False, False)
        day = as_day(as_of)
        due = getattr(self.item(item_id), "due", None)
        overdue = (
            due is not None and current.status in OPEN_COMMITMENT_STATUSES and due.latest < day
        )
        stale = False
        if current.status in _UNSETTLED:
            last = self.last_activity(item_id, day)
            stale = last is not None and (day - last).days > stale_days
        return (overdue, stale)

    def overdue(self, as_of: AsOf) -> list[Commitment]:
        """Commitments overdue on the as-of day, by id."""
        return [c for c in self._views["commitments"] if self.is_overdue(c.id, as_of)]

    def stale(self, as_of: AsOf, *, days: int = 365) -> list[Commitment | Claim]:
        """Commitments and claims with no news for ``days`` days on the as-of day, by id."""
        items: list[Commitment | Claim] = [*self._views["commitments"], *self._views["claims"]]
        return [item for item in items if self.is_stale(item.id, as_of, days=days)]

    def changes_between(
        self, start: AsOf, end: AsOf
    ) -> list[tuple[Commitment | Claim, StatusChange[Any]]]:
        """Status entries that came into effect after ``start`` and by ``end``, oldest first."""
        first, last = as_day(start).toordinal(), as_day(end).toordinal()
        found: list[tuple[Commitment | Claim, StatusChange[Any]]] = []
        items: list[Commitment | Claim] = [*self._views["commitments"], *self._views["claims"]]
        for item in items:
            known = self._known_ordinals(item)
            history: Sequence[StatusChange[Any]] = item.history
            found.extend(
                (item, change)
                for change, day in zip(history, known, strict=True)
                if first < day <= last
            )
        found.sort(key=lambda pair: (pair[1].date.sort_key(), pair[0].id))
        return found

    # -- filters -----------------------------------------------------------------------------

    def select_commitments(
        self,
        *,
        actor: str | None = None,
        category: str | None = None,
        agreement: str | None = None,
        source: str | None = None,
    ) -> list[Commitment]:
        """Commitments matching every given filter (obligor or beneficiary, category...)."""
        return [
            c
            for c in self._views["commitments"]
            if (actor is None or actor in c.obligors or actor in c.beneficiaries)
            and (category is None or c.category == category)
            and (agreement is None or c.agreement == agreement)
            and (source is None or any(e.source == source for e in self.evidence_for(c.id)))
        ]

    def select_claims(self, *, actor: str | None = None, source: str | None = None) -> list[Claim]:
        """Claims made by or about an actor, or citing a source."""
        return [
            c
            for c in self._views["claims"]
            if (actor is None or actor in c.claimants or actor in c.subjects)
            and (source is None or any(e.source == source for e in self.evidence_for(c.id)))
        ]

    def commitments_of(self, agreement_id: str) -> list[Commitment]:
        """The commitments made under an agreement."""
        self._views["agreements"][agreement_id]
        return self.select_commitments(agreement=agreement_id)

    # -- updates (each returns a new, validated ledger) --------------------------------------

    def add(self, *records: Record) -> Ledger:
        """A new ledger with these records added; ids must be new."""
        grouped: dict[str, list[Any]] = {name: list(self._views[name]) for name in COLLECTIONS}
        for record in records:
            collection = _COLLECTION_OF.get(type(record))
            if collection is None:
                kinds = ", ".join(kind.__name__ for kind in _COLLECTION_OF)
                raise NotARecord(f"cannot add {record!r}; expected one of {kinds}")
            grouped[collection].append(record)
        return Ledger(**{name: tuple(items) for name, items in grouped.items()})

    def cite(self, item_id: str, *evidence_ids: str) -> Ledger:
        """A new ledger in which an item also cites these evidence ids."""
        item = self.item(item_id)
        for evidence_id in evidence_ids:
            self._views["evidence"][evidence_id]
        merged = tuple(dict.fromkeys((*item.evidence, *evidence_ids)))
        return self._replace(attrs.evolve(item, evidence=merged))

    def record(self, item_id: str, change: StatusChange[Any]) -> Ledger:
        """A new ledger with a status change appended to an item's history.

        Raises ``TransitionRefused`` naming the rule when the lifecycle refuses the change.
        """
        item = self.item(item_id)
        current = item.history[-1]
        for evidence_id in change.evidence:
            self._views["evidence"][evidence_id]
        stances = [self._views["evidence"][e].stance for e in change.evidence]
        refusal = transition_refusal(item_id, current.status, change.status, stances)
        history: Sequence[StatusChange[Any]] = item.history
        started = max(history, key=lambda entry: entry.date.earliest)
        if refusal is None and change.date.known_before(started.date):
            which = "current entry" if started is current else "earlier entry"
            refusal = (
                "date-order",
                f"{change.date} is before the {which}'s {started.date}; a history is in date order",
            )
        if refusal is not None:
            rule, detail = refusal
            raise TransitionRefused(
                item_id=item_id,
                current=current.status.value,
                requested=change.status.value,
                allowed=[s.value for s in allowed_next(current.status)],
                rule=rule,
                detail=detail,
            )
        extended: Any = (*item.history, change)
        return self._replace(attrs.evolve(item, history=extended))

    def _replace(self, record: Commitment | Claim) -> Ledger:
        name = _COLLECTION_OF[type(record)]
        items: Any = tuple(record if old.id == record.id else old for old in self._views[name])
        return attrs.evolve(self, **{name: items})


def _cited_ids(item: Commitment | Claim) -> list[str]:
    """Ids of the evidence an item cites, in its own list or its history, each once, in order."""
    history: Sequence[StatusChange[Any]] = item.history
    if not item.evidence and len(history) == 1:
        return list(history[0].evidence)
    seen: dict[str, None] = dict.fromkeys(item.evidence)
    for change in history:
        seen.update(dict.fromkeys(change.evidence))
    return list(seen)


_UNSETTLED: frozenset[Status] = OPEN_COMMITMENT_STATUSES | {
    ClaimStatus.UNVERIFIED,
    ClaimStatus.DISPUTED,
    ClaimStatus.UNVERIFIABLE,
}
