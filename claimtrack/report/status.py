"""The status table: one row per commitment (or claim) as of a day, with why we say so."""

from __future__ import annotations

from collections.abc import Sequence

from claimtrack.ledger import AsOf, Ledger, as_day
from claimtrack.lifecycle import PAM_LEVELS, CommitmentStatus
from claimtrack.model import Claim, Commitment, Evidence
from claimtrack.report.table import Table, cells

__all__ = ["COMMITMENT_COLUMNS", "claim_table", "status_table"]

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


def _names(ledger: Ledger, actor_ids: Sequence[str]) -> str:
    return "; ".join(ledger.actors[actor_id].name for actor_id in actor_ids)


def _latest_evidence(ledger: Ledger, item: Commitment | Claim, as_of: AsOf) -> str:
    """The newest cited evidence known by the as-of day, as 'source (date)'."""
    day = as_day(as_of)
    best: tuple[tuple[int, int, int, int, int, str], Evidence] | None = None
    for evidence in ledger.evidence_for(item.id):
        date = ledger.evidence_date(evidence)
        if date is None or not date.known_by(day):
            continue
        key = date.sort_key()
        if best is None or key > best[0]:
            best = (key, evidence)
    if best is None:
        return ""
    evidence = best[1]
    return f"{evidence.source} ({ledger.evidence_date(evidence)})"


def _flags(ledger: Ledger, item: Commitment | Claim, as_of: AsOf, stale_days: int) -> str:
    flags = []
    if isinstance(item, Commitment) and ledger.is_overdue(item.id, as_of):
        flags.append("overdue")
    if ledger.is_stale(item.id, as_of, days=stale_days):
        flags.append("stale")
    return ", ".join(flags)


def status_table(
    ledger: Ledger,
    as_of: AsOf,
    *,
    agreement: str | None = None,
    actor: str | None = None,
    category: str | None = None,
    status: CommitmentStatus | None = None,
    stale_days: int = 365,
) -> Table:
    """One row per commitment already made by the as-of day, filtered, in id order."""
    rows = []
    selected = ledger.select_commitments(actor=actor, category=category, agreement=agreement)
    for commitment in selected:
        current = ledger.status_as_of(commitment.id, as_of)
        if current is None or (status is not None and current.status != status):
            continue
        level = PAM_LEVELS[current.status]
        rows.append(
            cells(
                [
                    commitment.id,
                    commitment.agreement,
                    commitment.category,
                    _names(ledger, commitment.obligors),
                    current.status.value,
                    current.date,
                    "-" if level is None else level,
                    _latest_evidence(ledger, commitment, as_of),
                    _flags(ledger, commitment, as_of, stale_days),
                ]
            )
        )
    return Table(COMMITMENT_COLUMNS, tuple(rows), title=f"Commitments as of {as_day(as_of)}")


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
                    _names(ledger, claim.claimants),
                    current.status.value,
                    current.date,
                    _latest_evidence(ledger, claim, as_of),
                    _flags(ledger, claim, as_of, stale_days),
                ]
            )
        )
    return Table(CLAIM_COLUMNS, tuple(rows), title=f"Claims as of {as_day(as_of)}")
