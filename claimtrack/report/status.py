"""The status table: one row per commitment (or claim) as of a day, with why we say so."""

from __future__ import annotations

from collections.abc import Sequence

from claimtrack.errors import ClaimtrackError
from claimtrack.ledger import AsOf, Ledger, as_day
from claimtrack.lifecycle import PAM_LEVELS, CommitmentStatus
from claimtrack.model import Claim, Commitment
from claimtrack.report.table import Table, cells

__all__ = [
    "CLAIM_COLUMNS",
    "COMMITMENT_COLUMNS",
    "UnknownColumn",
    "UnknownStatus",
    "claim_table",
    "status_table",
]

COMMITMENT_COLUMNS = (
    "id",
    "agreement",
    "category",
    "responsible",
    "status",
    "since",
    "PAM",
    "latest evidence",
    "flags",
)
CLAIM_COLUMNS = ("id", "kind", "claimant", "status", "since", "latest evidence", "flags")


class UnknownColumn(ClaimtrackError, ValueError):
    """A column name the table does not have."""

    def __init__(self, name: str, valid: Sequence[str]) -> None:
        super().__init__(f"unknown column {name!r}; expected one of {', '.join(valid)}")


class UnknownStatus(ClaimtrackError, ValueError):
    """A status name that is not a commitment status."""

    def __init__(self, name: str) -> None:
        valid = ", ".join(status.value for status in CommitmentStatus)
        super().__init__(f"{name!r} is not a status; expected one of {valid}")


def names(ledger: Ledger, actor_ids: Sequence[str]) -> str:
    """Actors' names, joined for one cell."""
    return "; ".join(ledger.actors[actor_id].name for actor_id in actor_ids)


def latest_evidence(ledger: Ledger, item: Commitment | Claim, as_of: AsOf) -> str:
    """The newest cited evidence known by the as-of day, as 'source (date)'."""
    evidence = ledger.latest_evidence(item.id, as_of)
    if evidence is None:
        return ""
    return f"{evidence.source} ({ledger.evidence_date(evidence)})"


def flags(ledger: Ledger, item: Commitment | Claim, as_of: AsOf, stale_days: int) -> str:
    """The derived overdue and stale flags of an item, for one cell."""
    overdue, stale = ledger.flags(item.id, as_of, stale_days=stale_days)
    return ", ".join(name for name, on in (("overdue", overdue), ("stale", stale)) if on)


def _shape(
    table: Table, columns: Sequence[str] | None, sort: str | None, all_columns: Sequence[str]
) -> Table:
    """The table with only the chosen columns, in that order, sorted by one column if asked."""
    rows = list(table.rows)
    for name in [*(columns or ()), *([sort] if sort else [])]:
        if name not in all_columns:
            raise UnknownColumn(name, all_columns)
    if sort:
        position = all_columns.index(sort)
        rows.sort(key=lambda row: (row[position], row[0]))
    if columns:
        positions = [all_columns.index(name) for name in columns]
        rows = [tuple(row[p] for p in positions) for row in rows]
        return Table(tuple(columns), tuple(rows), table.title)
    return Table(table.headers, tuple(rows), table.title)


def _status(value: CommitmentStatus | str | None) -> CommitmentStatus | None:
    if value is None or isinstance(value, CommitmentStatus):
        return value
    try:
        return CommitmentStatus(value)
    except ValueError:
        raise UnknownStatus(value) from None


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

    ``columns`` picks and orders columns from ``COMMITMENT_COLUMNS``; ``sort`` names one.
    """
    wanted = _status(status)
    rows = []
    selected = ledger.select_commitments(actor=actor, category=category, agreement=agreement)
    for commitment in selected:
        current = ledger.status_as_of(commitment.id, as_of)
        if current is None or (wanted is not None and current.status != wanted):
            continue
        level = PAM_LEVELS[current.status]
        rows.append(
            cells(
                [
                    commitment.id,
                    commitment.agreement,
                    commitment.category,
                    names(ledger, commitment.obligors),
                    current.status.value,
                    current.date,
                    "-" if level is None else level,
                    latest_evidence(ledger, commitment, as_of),
                    flags(ledger, commitment, as_of, stale_days),
                ]
            )
        )
    table = Table(COMMITMENT_COLUMNS, tuple(rows), title=f"Commitments as of {as_day(as_of)}")
    return _shape(table, columns, sort, COMMITMENT_COLUMNS)


def claim_table(
    ledger: Ledger, as_of: AsOf, *, actor: str | None = None, stale_days: int = 365
) -> Table:
    """One row per claim already made by the as-of day, in id order."""
    rows = []
    for claim in ledger.select_claims(actor=actor):
        current = ledger.status_as_of(claim.id, as_of)
        if current is None:
            continue
        rows.append(
            cells(
                [
                    claim.id,
                    claim.kind.value,
                    names(ledger, claim.claimants),
                    current.status.value,
                    current.date,
                    latest_evidence(ledger, claim, as_of),
                    flags(ledger, claim, as_of, stale_days),
                ]
            )
        )
    return Table(CLAIM_COLUMNS, tuple(rows), title=f"Claims as of {as_day(as_of)}")
