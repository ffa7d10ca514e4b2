"""The status table: one row per commitment (or claim) as of a day, with why we say so."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

from claimtrack.errors import UnknownId, UnknownStatus
from claimtrack.ledger import AsOf, Ledger, as_day
from claimtrack.lifecycle import PAM_LEVELS, ClaimStatus, CommitmentStatus
from claimtrack.model import Claim, Commitment, StatusChange
from claimtrack.query import Item, Moment, Standing
from claimtrack.report import columns
from claimtrack.report.table import Cell, Table, UnknownColumn, without_gc

__all__ = [
    "CLAIM_COLUMNS",
    "COMMITMENT_COLUMNS",
    "UnknownColumn",
    "UnknownStatus",
    "check_filters",
    "claim_table",
    "status_table",
]

COMMITMENT_COLUMNS = columns.COMMITMENT
CLAIM_COLUMNS = columns.CLAIM
#: What an 80-column terminal shows by default; ``--wide`` shows every column.
COMMITMENT_NARROW = ("pledge", "responsible", "status", "since", "flags")
#: The same when some commitment has a progress figure to show.
COMMITMENT_NARROW_PROGRESS = ("pledge", "responsible", "status", "since", "progress", "flags")
CLAIM_NARROW = ("claim", "claimant", "status", "since", "flags")


def check_filters(
    ledger: Ledger,
    *,
    actor: str | None = None,
    agreement: str | None = None,
    category: str | None = None,
) -> None:
    """Refuse a filter naming nothing in the ledger (an empty table would look like an answer):
    ``UnknownId`` with the closest known name."""
    if actor is not None and actor not in ledger.actors:
        raise UnknownId("actor", actor, ledger.actors.ids())
    if agreement is not None and agreement not in ledger.agreements:
        raise UnknownId("agreement", agreement, ledger.agreements.ids())
    if category is not None:
        known = sorted({c.category for c in ledger.commitments})
        if category not in known:
            raise UnknownId("category", category, known)


def names(ledger: Ledger, actor_ids: Sequence[str]) -> tuple[str, ...]:
    """Actors' names, for one list cell."""
    return tuple(ledger.actors[actor_id].name for actor_id in actor_ids)


def latest_evidence(ledger: Ledger, item: Commitment | Claim, as_of: AsOf) -> str | None:
    """The newest cited evidence known by the as-of day, as 'source (date)'."""
    evidence = ledger.latest_evidence(item.id, as_of)
    if evidence is None:
        return None
    return f"{evidence.source} ({ledger.evidence_date(evidence)})"


def flags(
    ledger: Ledger, item: Commitment | Claim, as_of: AsOf, stale_days: int
) -> tuple[str, ...]:
    """The derived overdue, stale and unusual flags of an item, for one list cell (unusual:
    the status in effect came by a move outside the usual ones, recorded with a reason)."""
    overdue, stale = ledger.flags(item.id, as_of, stale_days=stale_days)
    unusual = ledger.is_unusual(item.id, ledger.status_as_of(item.id, as_of))
    named = (("overdue", overdue), ("stale", stale), ("unusual", unusual))
    return tuple(name for name, on in named if on)


def basis(ledger: Ledger, item: Commitment | Claim, as_of: AsOf) -> str | None:
    """The latest evidence, or, for a status resting on a check alone, the check."""
    current = ledger.status_as_of(item.id, as_of)
    if current is not None and current.check is not None and not current.evidence:
        return f"check {current.check.on}: searched {current.check.searched}"
    return latest_evidence(ledger, item, as_of)


def progress(ledger: Ledger, commitment: Commitment, as_of: AsOf) -> str | None:
    """The latest progress figure by the as-of day, as ``70% (2022-06)``, or nothing."""
    from claimtrack.report.learned import figure

    found = ledger.progress_as_of(commitment.id, as_of)
    return None if found is None else figure(found)


class _Row:
    """What one table row says of an item on the as-of day, each fact looked up once.

    The same answers as ``flags``, ``basis``, ``latest_evidence`` and ``Ledger.status_since``,
    from ``Index.standings`` (one pass over each item, the day resolved once for the whole
    table); the texts shared by many rows (actors' names, a source with its date, the flags)
    are made once per table.
    """

    def __init__(self, ledger: Ledger, as_of: AsOf, stale_days: int) -> None:
        self.ledger = ledger
        self.moment = Moment.of(as_of)
        self.index = ledger._query()
        self.stale_days = stale_days
        self.sources = ledger.sources
        self.evidence = ledger.evidence
        self.actors = ledger.actors
        #: Actors' names by their ids, for one list cell (made once per table).
        self.known_names: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._labels: dict[str, str] = {}

    def standings(self, items: Iterable[Item]) -> Iterator[Standing[Item]]:
        return self.index.standings(items, self.moment, stale_days=self.stale_days)

    def names(self, actor_ids: tuple[str, ...]) -> tuple[str, ...]:
        found = self.known_names.get(actor_ids)
        if found is None:
            found = self.known_names[actor_ids] = tuple(self.actors[a].name for a in actor_ids)
        return found

    def basis(self, current: StatusChange[Any], evidence_id: str | None) -> str | None:
        if current.check is not None and not current.evidence:
            return f"check {current.check.on}: searched {current.check.searched}"
        if evidence_id is None:
            return None
        source = self.evidence[evidence_id].source
        label = self._labels.get(source)
        if label is None:
            label = self._labels[source] = f"{source} ({self.sources[source].published})"
        return label

    def progress(self, commitment: Commitment) -> str | None:
        return progress(self.ledger, commitment, self.moment)


#: The flags cell for (overdue, stale, unusual).
_FLAGS: dict[tuple[bool, bool, bool], tuple[str, ...]] = {
    (overdue, stale, unusual): tuple(
        name for name, on in (("overdue", overdue), ("stale", stale), ("unusual", unusual)) if on
    )
    for overdue in (False, True)
    for stale in (False, True)
    for unusual in (False, True)
}


#: Each commitment status's cell and PAM level.
_SHOWN = {status: (status.value, PAM_LEVELS[status]) for status in CommitmentStatus}


def _shape(table: Table, columns: Sequence[str] | None, sort: str | None) -> Table:
    """The table with only the chosen columns, in that order, sorted by one column if asked."""
    for name in [*(columns or ()), *([sort] if sort else [])]:
        table.position(name)  # every name is checked before anything is done
    if sort:
        table = table.sorted_by(sort)
    return table.select(columns) if columns else table


S = TypeVar("S", CommitmentStatus, ClaimStatus)


def _status(value: S | str | None, kind: type[S]) -> S | None:
    if value is None or isinstance(value, kind):
        return value
    try:
        return kind(value)
    except ValueError:
        raise UnknownStatus(str(value), [status.value for status in kind]) from None


def status_table(
    ledger: Ledger,
    as_of: AsOf,
    *,
    agreement: str | None = None,
    actor: str | None = None,
    category: str | None = None,
    status: CommitmentStatus | str | None = None,
    columns: Sequence[str] | None = None,
    sort: str | None = None,
    stale_days: int = 365,
) -> Table:
    """One row per commitment already made by the as-of day, filtered, in id order.

    ``columns`` picks and orders columns from ``COMMITMENT_COLUMNS`` (headers or their keys,
    such as ``latest_evidence``); ``sort`` names one. A filter naming no actor, agreement or
    category of the ledger raises ``UnknownId``; an unknown status ``UnknownStatus``.
    """
    wanted = _status(status, CommitmentStatus)
    check_filters(ledger, actor=actor, agreement=agreement, category=category)
    rows: list[tuple[Cell, ...]] = []
    figures: list[tuple[int, str]] = []  # (row, progress figure): few ledgers have any
    row = _Row(ledger, as_of, stale_days)
    names = row.known_names
    selected = ledger.select_commitments(actor=actor, category=category, agreement=agreement)
    with without_gc():
        for commitment, current, began, evidence, overdue, stale, unusual in row.standings(
            selected
        ):
            status_cell, pam = _SHOWN[current.status]
            if wanted is not None and current.status != wanted:
                continue
            if commitment.progress:
                figure = row.progress(commitment)
                if figure is not None:
                    figures.append((len(rows), figure))
            rows.append(
                (
                    commitment.id,
                    commitment.text or None,
                    commitment.agreement or None,
                    commitment.category or None,
                    names.get(commitment.obligors) or row.names(commitment.obligors),
                    status_cell,
                    began.date,
                    pam,
                    row.basis(current, evidence),
                    _FLAGS[overdue, stale, unusual],
                )
            )
    headers: tuple[str, ...] = COMMITMENT_COLUMNS
    narrow: tuple[str, ...] = COMMITMENT_NARROW_PROGRESS
    if columns is None and not figures:
        # No figures yet: the column stays out of the default view (ask for it by name).
        headers = headers[:_PROGRESS] + headers[_PROGRESS + 1 :]
        narrow = COMMITMENT_NARROW
    else:
        shown = dict(figures)
        rows = [(*r[:_PROGRESS], shown.get(n), *r[_PROGRESS:]) for n, r in enumerate(rows)]
    table = Table(
        headers,
        tuple(rows),
        title=f"Commitments as of {as_day(as_of)}{_known_on(ledger)}",
        wrap=("pledge", "responsible", "flags"),
        narrow=narrow,
    )
    return _shape(table, columns, sort)


_PROGRESS = COMMITMENT_COLUMNS.index("progress")


def _known_on(ledger: Ledger) -> str:
    """``, as known on K`` for a known-by view of a ledger (see ``Ledger.known_by``)."""
    return "" if ledger.known_on is None else f", as known on {ledger.known_on}"


def claim_table(
    ledger: Ledger,
    as_of: AsOf,
    *,
    actor: str | None = None,
    status: ClaimStatus | str | None = None,
    columns: Sequence[str] | None = None,
    sort: str | None = None,
    stale_days: int = 365,
) -> Table:
    """One row per claim already made by the as-of day (by or about ``actor``, in ``status``),
    in id order; ``columns`` and ``sort`` as for ``status_table``, from ``CLAIM_COLUMNS``."""
    wanted = _status(status, ClaimStatus)
    check_filters(ledger, actor=actor)
    rows: list[tuple[Cell, ...]] = []
    row = _Row(ledger, as_of, stale_days)
    with without_gc():
        for claim, current, began, evidence, overdue, stale, unusual in row.standings(
            ledger.select_claims(actor=actor)
        ):
            if wanted is not None and current.status != wanted:
                continue
            rows.append(
                (
                    claim.id,
                    claim.text or None,
                    claim.kind.value,
                    row.names(claim.claimants),
                    current.status.value,
                    began.date,
                    row.basis(current, evidence),
                    _FLAGS[overdue, stale, unusual],
                )
            )
    table = Table(
        CLAIM_COLUMNS,
        tuple(rows),
        title=f"Claims as of {as_day(as_of)}{_known_on(ledger)}",
        wrap=("claim", "claimant", "flags"),
        narrow=CLAIM_NARROW,
    )
    return _shape(table, columns, sort)
