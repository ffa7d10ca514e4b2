"""The Ledger: every record, always valid, with updates that return new ledgers.

A ``Ledger`` cannot exist in an invalid state: building one runs every integrity and lifecycle
rule (:mod:`claimtrack.rules`) and raises ``InvalidLedger`` listing all problems. Collections
(:mod:`claimtrack._registry`) are kept sorted by id, so two ledgers holding the same records are
equal and save to the same bytes. As-of questions are answered by :mod:`claimtrack.query`; the
methods here resolve their as-of argument once and ask it.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import ItemsView, Iterable, Iterator, KeysView, ValuesView
from typing import Any, Generic, TypeVar, cast, overload

import attrs
from attrs import field, frozen

from claimtrack import _registry as registry
from claimtrack._deprecation import deprecated
from claimtrack.dates import PartialDate
from claimtrack.errors import InvalidLedger, NotARecord, Problem, UnknownId
from claimtrack.history import normalised
from claimtrack.ledger_history import LedgerHistory
from claimtrack.lifecycle import ClaimStatus, CommitmentStatus, Policy
from claimtrack.model import Claim, Commitment, Evidence, Record, StatusChange
from claimtrack.query import AsOf, Index, Moment, as_day
from claimtrack.rules import check

# fieldtypes and revisions are imported where used: a load and a report need neither.

#: The type a recorded change must have: either kind of status passes here, so that the
#: lifecycle rules name a status of the wrong kind.
_EITHER_CHANGE: Any = StatusChange.__class_getitem__((CommitmentStatus | ClaimStatus,))  # type: ignore[attr-defined]

__all__ = ["COLLECTIONS", "AsOf", "Ledger", "Records", "as_day"]

R = TypeVar("R")

#: The collection names, in file order (from ``claimtrack._registry``).
COLLECTIONS: tuple[str, ...] = registry.NAMES


class Records(Generic[R]):
    """A read-only collection of one kind of record, by id.

    It reads like a mapping from id to record (``records[id]``, ``id in records``, ``get``,
    ``keys``, ``values``, ``items``, ``len``), all in id order, and nothing can change it.
    Iterating it yields the records themselves, as ``values()`` does (not the ids, as a
    ``dict`` would), since that is what a loop over ``ledger.commitments`` means.
    """

    __slots__ = ("_by_id", "_items", "_kind", "_plural")

    def __init__(self, kind: str, items: tuple[R, ...], plural: str | None = None) -> None:
        self._kind = kind
        self._plural = plural if plural is not None else kind + "s"
        self._items: tuple[R, ...] = items
        self._by_id: dict[str, R] = {item.id: item for item in items}  # type: ignore[attr-defined]

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

    def keys(self) -> KeysView[str]:
        """Every id, in order (a read-only view)."""
        return self._by_id.keys()

    def values(self) -> ValuesView[R]:
        """Every record, in id order (a read-only view)."""
        return self._by_id.values()

    def items(self) -> ItemsView[str, R]:
        """``(id, record)`` pairs, in id order (a read-only view)."""
        return self._by_id.items()

    def ids(self) -> list[str]:
        """Every id, sorted."""
        return [item.id for item in self._items]  # type: ignore[attr-defined]

    def __repr__(self) -> str:
        return f"<{len(self)} {self._kind if len(self) == 1 else self._plural}>"


class _View(Generic[R]):
    """A Ledger attribute giving one collection's ``Records`` (``ledger.commitments``)."""

    def __init__(self, collection: registry.Collection[R]) -> None:
        self._name = collection.name
        self.__doc__ = f"Every {collection.noun}, by id."

    @overload
    def __get__(self, ledger: None, owner: type | None = None) -> _View[R]: ...

    @overload
    def __get__(self, ledger: Ledger, owner: type | None = None) -> Records[R]: ...

    def __get__(self, ledger: Ledger | None, owner: type | None = None) -> Records[R] | _View[R]:
        if ledger is None:
            return self
        return cast(Records[R], ledger._views[self._name])


_ID = operator.attrgetter("id")
_COMMITMENTS, _CLAIMS = registry.COMMITMENTS.name, registry.CLAIMS.name


@frozen(init=False)
class Ledger(LedgerHistory):
    """Sources, actors, events, agreements, commitments, claims and evidence, checked together.

    ``Ledger(sources=[...], commitments=[...], ..., policy=Policy.STRICT)``: one keyword per
    collection (any left out is empty) and the policy for moves outside the usual ones
    (default ``usual-with-reason``); raises ``InvalidLedger`` listing every problem. History
    entries without an id get one, and histories are kept in date order (``claimtrack.history``).
    """

    _collections: tuple[tuple[Any, ...], ...]
    policy: Policy
    _given: dict[str, tuple[Any, ...]] = field(eq=False, repr=False)
    _positions: dict[str, int] = field(eq=False, repr=False)
    _views: dict[str, Records[Any]] = field(eq=False, repr=False)
    _index: Index | None = field(eq=False, repr=False)
    _derived: dict[Any, Any] = field(eq=False, repr=False)

    sources = _View(registry.SOURCES)
    actors = _View(registry.ACTORS)
    events = _View(registry.EVENTS)
    agreements = _View(registry.AGREEMENTS)
    commitments = _View(registry.COMMITMENTS)
    claims = _View(registry.CLAIMS)
    evidence = _View(registry.EVIDENCE)

    def __init__(
        self, *, policy: Policy = Policy.USUAL_WITH_REASON, **collections: Iterable[Any]
    ) -> None:
        unknown = sorted(set(collections) - set(registry.NAMES))
        if unknown:
            raise TypeError(f"Ledger() got an unexpected keyword argument {unknown[0]!r}")
        given = {name: tuple(collections.get(name, ())) for name in registry.NAMES}
        # Entries get their ids and date order first: the rules then see the stored form.
        for name in (collection.name for collection in registry.ITEMS):
            items = given[name]
            revised = tuple(map(normalised, items))
            if any(a is not b for a, b in zip(revised, items, strict=True)):
                given[name] = revised
        problems = check(given, policy=policy)
        if problems:
            raise InvalidLedger(problems)
        self._build(given, policy)

    @classmethod
    def _unchecked(cls, policy: Policy, collections: dict[str, tuple[Any, ...]]) -> Ledger:
        """A ledger derived from a valid one (a known-by view), built without the rules: an
        entry published later is left out, so the moves between those left may look unusual."""
        ledger: Ledger = object.__new__(cls)
        ledger._build(collections, policy)
        return ledger

    def _build(self, given: dict[str, tuple[Any, ...]], policy: Policy) -> None:
        views: dict[str, Records[Any]] = {}
        ordered_all: list[tuple[Any, ...]] = []
        for collection in registry.COLLECTIONS:
            items = given[collection.name]
            ids = list(map(_ID, items))
            if all(map(operator.lt, ids, ids[1:])):
                ordered = items  # already in id order, as every saved file is
            else:
                ordered = tuple(sorted(items, key=_ID))
            ordered_all.append(ordered)
            views[collection.name] = Records(collection.noun, ordered, collection.plural)
        object.__setattr__(self, "_collections", tuple(ordered_all))
        # Positions as given (for path_of), worked out on first use: the given tuples are the
        # sorted ones whenever the records came in id order.
        object.__setattr__(self, "_given", given)
        object.__setattr__(self, "_positions", {})
        object.__setattr__(self, "_views", views)
        object.__setattr__(self, "_index", None)
        object.__setattr__(self, "policy", policy)
        object.__setattr__(self, "_derived", {})

    def _query(self) -> Index:
        index = self._index
        if index is None:
            index = Index(self)
            object.__setattr__(self, "_index", index)
        return index

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
        counts = ", ".join(f"{len(view)} {name}" for name, view in self._views.items())
        return f"<Ledger: {counts}>"

    def _repr_html_(self) -> str:
        """A small table of record counts, for notebooks."""
        rows = "".join(
            f"<tr><th>{name}</th><td>{len(view)}</td></tr>" for name, view in self._views.items()
        )
        return f"<table><caption>Ledger</caption>{rows}</table>"

    def path_of(self, record_id: str) -> str:
        """The JSON path of a record as it stood when this ledger was built (``$.evidence[3]``)."""
        record = self[record_id]
        name = registry.BY_TYPE[type(record)].name
        position = self._positions.get(record_id)
        if position is None:
            given = self._given[name]
            self._positions.update(zip(map(_ID, given), range(len(given)), strict=True))
            position = self._positions[record_id]
        return f"$.{name}[{position}]"

    def item(self, item_id: str) -> Commitment | Claim:
        """The commitment or claim with this id."""
        views = self._views
        found: Commitment | Claim | None = views[_COMMITMENTS]._by_id.get(item_id)
        if found is None:
            found = views[_CLAIMS]._by_id.get(item_id)
        if found is None:
            known = self.commitments.ids() + self.claims.ids()
            raise UnknownId("commitment or claim", item_id, known)
        return found

    def history(self, item_id: str) -> tuple[StatusChange[Any], ...]:
        """Every status entry of a commitment or claim, oldest first (the corrected history)."""
        return self.item(item_id).history

    def evidence_for(self, item_id: str) -> list[Evidence]:
        """Evidence an item cites, in its own list or in its history, each once."""
        evidence = self.evidence
        return [evidence[evidence_id] for evidence_id in self._query().cited(self.item(item_id))]

    def evidence_date(self, evidence: Evidence) -> PartialDate | None:
        """When a piece of evidence appeared: its source's publication date."""
        return self.sources[evidence.source].published

    # -- as-of queries (claimtrack.query) ---------------------------------------------------

    def known_from(self, item_id: str, position: int) -> dt.date:
        """The first day an item's history entry counts as known: the as-of rule.

        An entry is known once its date has surely passed (``2017-11`` from 2017-11-30 on), or
        once a source reporting it has been published, whichever comes first; never before its
        own earliest day, nor before the earliest day of any entry before it. A source
        published before the entry cannot report it and is not counted.
        """
        return dt.date.fromordinal(self._query().known(self.item(item_id))[position])

    def status_as_of(
        self, item_id: str, as_of: AsOf, *, known_by: AsOf | None = None
    ) -> StatusChange[Any] | None:
        """The history entry in effect for an item on a day (see ``known_from``), or ``None``
        if the item was not yet known to have been made.

        With ``known_by``, only what had been published by that day counts (see ``known_by``).
        """
        if known_by is not None:
            view = self.known_by(known_by)
            known = view.commitments.get(item_id) or view.claims.get(item_id)
            return None if known is None else view.status_as_of(item_id, as_of)
        return self._query().status(self.item(item_id), Moment.of(as_of))

    def last_activity(self, item_id: str, as_of: AsOf) -> dt.date | None:
        """The last day, by the as-of day, on which news of an item became known: a status
        entry (by the as-of rule) or the publication of evidence it cites."""
        return self._query().last_activity(self.item(item_id), Moment.of(as_of))

    def latest_evidence(self, item_id: str, as_of: AsOf) -> Evidence | None:
        """The cited evidence whose source was published last by the as-of day (ties: by id)."""
        return self._query().latest_evidence(self.item(item_id), Moment.of(as_of))

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
        item = self.item(item_id)
        return self._query().flags(item, Moment.of(as_of), stale_days=stale_days)

    def overdue(self, as_of: AsOf) -> list[Commitment]:
        """Commitments overdue on the as-of day, by id."""
        return self._query().overdue(self.commitments, Moment.of(as_of))

    def stale(self, as_of: AsOf, *, days: int = 365) -> list[Commitment | Claim]:
        """Commitments and claims with no news for ``days`` days on the as-of day, by id."""
        moment, query = Moment.of(as_of), self._query()
        items: list[Commitment | Claim] = [*self.commitments, *self.claims]
        return query.stale(items, moment, stale_days=days)

    def changes_between(
        self, start: AsOf, end: AsOf
    ) -> list[tuple[Commitment | Claim, StatusChange[Any]]]:
        """Status moves that came into effect after ``start`` and by ``end``, oldest first (a
        check confirming the status in effect is no move)."""
        return self._query().changes_between(Moment.of(start), Moment.of(end))

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
            for c in self.commitments
            if (actor is None or actor in c.obligors or actor in c.beneficiaries)
            and (category is None or c.category == category)
            and (agreement is None or c.agreement == agreement)
            and (source is None or any(e.source == source for e in self.evidence_for(c.id)))
        ]

    def select_claims(self, *, actor: str | None = None, source: str | None = None) -> list[Claim]:
        """Claims made by or about an actor, or citing a source."""
        return [
            c
            for c in self.claims
            if (actor is None or actor in c.claimants or actor in c.subjects)
            and (source is None or any(e.source == source for e in self.evidence_for(c.id)))
        ]

    def commitments_of(self, agreement_id: str) -> list[Commitment]:
        """The commitments made under an agreement."""
        self.agreements[agreement_id]
        return self.select_commitments(agreement=agreement_id)

    # -- updates (each returns a new, validated ledger) --------------------------------------

    def add(self, *records: Record) -> Ledger:
        """A new ledger with these records added; ids must be new."""
        from claimtrack.fieldtypes import type_problems

        grouped: dict[str, list[Any]] = {name: list(view) for name, view in self._views.items()}
        problems: list[Problem] = []
        for record in records:
            collection = registry.BY_TYPE.get(type(record))
            if collection is None:
                kinds = ", ".join(kind.__name__ for kind in registry.BY_TYPE)
                raise NotARecord(f"cannot add {record!r}; expected one of {kinds}")
            path = f"$.{collection.name}[{len(grouped[collection.name])}]"
            problems.extend(type_problems(record, path))
            grouped[collection.name].append(record)
        if problems:
            raise InvalidLedger(problems, headline="records of the wrong type")
        return self._derive(grouped)

    def cite(self, item_id: str, *evidence_ids: str) -> Ledger:
        """A new ledger in which an item also cites these evidence ids."""
        item = self.item(item_id)
        for evidence_id in evidence_ids:
            self.evidence[evidence_id]
        merged = tuple(dict.fromkeys((*item.evidence, *evidence_ids)))
        return self._replace(attrs.evolve(item, evidence=merged))

    def record_status(
        self, item_id: str, change: StatusChange[Any], *, policy: Policy | None = None
    ) -> Ledger:
        """A new ledger with a status change inserted at its date in an item's history.

        Under the ledger's policy (or ``policy``, when a caller chooses ``strict``), a move
        outside the table of usual moves needs a reason (the change's note) or is refused.
        Raises ``TransitionRefused`` naming the rule when the change, or the move of the entry
        after it, is refused (the same rules a ledger is checked against).
        """
        from claimtrack.fieldtypes import type_problems
        from claimtrack.revisions import insert_entry

        item = self.item(item_id)
        path = f"{self.path_of(item_id)}.history[{len(item.history)}]"
        problems = type_problems(change, path, _EITHER_CHANGE)
        if problems:
            raise InvalidLedger(problems, headline="a status change of the wrong type")
        for evidence_id in change.evidence:
            self.evidence[evidence_id]  # raises UnknownId with a suggestion
        return self._replace(insert_entry(item, change, self._stance, self._policy(policy)))

    def record(
        self, item_id: str, change: StatusChange[Any], *, policy: Policy | None = None
    ) -> Ledger:
        """Deprecated name of :meth:`record_status` (kept for one release)."""
        deprecated("Ledger.record", "Ledger.record_status")
        return self.record_status(item_id, change, policy=policy)

    def _replace(self, record: Commitment | Claim) -> Ledger:
        name = registry.BY_TYPE[type(record)].name
        grouped: dict[str, Any] = dict(self._views)
        grouped[name] = tuple(record if old.id == record.id else old for old in grouped[name])
        return self._derive(grouped)

    def _derive(self, collections: dict[str, Any]) -> Ledger:
        """The ledger an update makes of these collections, under this ledger's policy: every
        update ends here (``claimtrack.changeset.draft`` checks only what an update changed)."""
        return Ledger(**collections, policy=self.policy)
