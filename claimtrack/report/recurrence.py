"""Recurrence: the same thing pledged again and again, and whether it was ever kept.

Commitments linked by *restates* relations form a chain (a connected group, whichever way the
links point). A pledge made again without a new commitment of its own is evidence with the
``restates`` stance cited by a commitment of the chain: it counts as a pledge too (dated by its
source's publication). For each chain the report gives how many times it was pledged, when first
and last, how long ago the first pledge was, and whether any pledge in it was ever implemented: the
check for "too many agreements that remain unimplemented".
"""

from __future__ import annotations

from attrs import frozen

from claimtrack.dates import PartialDate
from claimtrack.ledger import AsOf, Ledger, as_day
from claimtrack.lifecycle import CommitmentStatus, Stance
from claimtrack.model import Commitment, CommitmentRelationKind
from claimtrack.report import columns
from claimtrack.report.table import Table

__all__ = ["Chain", "chains", "recurrence_table", "restatements"]


@frozen
class Chain:
    """Commitments that restate one another, oldest pledge first."""

    commitments: tuple[Commitment, ...]

    @property
    def first(self) -> PartialDate:
        """When the thing was first pledged."""
        return self.commitments[0].history[0].date

    @property
    def last(self) -> PartialDate:
        """When it was most recently pledged."""
        return self.commitments[-1].history[0].date


def _root(parents: dict[str, str], item: str) -> str:
    while parents[item] != item:
        parents[item] = parents[parents[item]]
        item = parents[item]
    return item


def chains(ledger: Ledger, as_of: AsOf | None = None) -> list[Chain]:
    """Every restates chain among commitments pledged by the as-of day (singletons included)."""
    day = None if as_of is None else as_day(as_of)
    pledged = [c for c in ledger.commitments if day is None or ledger.known_from(c.id, 0) <= day]
    parents = {c.id: c.id for c in pledged}
    for commitment in pledged:
        for relation in commitment.relations:
            if relation.kind is CommitmentRelationKind.RESTATES and relation.target in parents:
                a, b = _root(parents, commitment.id), _root(parents, relation.target)
                if a != b:
                    parents[max(a, b)] = min(a, b)
    groups: dict[str, list[Commitment]] = {}
    for commitment in pledged:
        groups.setdefault(_root(parents, commitment.id), []).append(commitment)
    found = [
        Chain(tuple(sorted(group, key=lambda c: (c.history[0].date.sort_key(), c.id))))
        for group in groups.values()
    ]
    found.sort(
        key=lambda chain: (-len(chain.commitments), chain.first.sort_key(), chain.commitments[0].id)
    )
    return found


def _ever_implemented(ledger: Ledger, chain: Chain, as_of: AsOf) -> bool:
    day = as_day(as_of)
    return any(
        change.status is CommitmentStatus.IMPLEMENTED
        and ledger.known_from(commitment.id, position) <= day
        for commitment in chain.commitments
        for position, change in enumerate(commitment.history)
    )


def restatements(ledger: Ledger, chain: Chain, as_of: AsOf) -> list[PartialDate]:
    """The publication dates of ``restates`` evidence the chain's commitments cite, published
    by the as-of day (each evidence item once), oldest first."""
    day = as_day(as_of)
    found: dict[str, PartialDate] = {}
    for commitment in chain.commitments:
        for evidence in ledger.evidence_for(commitment.id):
            date = ledger.evidence_date(evidence)
            if evidence.stance is Stance.RESTATES and date is not None and date.known_by(day):
                found[evidence.id] = date
    return sorted(found.values(), key=PartialDate.sort_key)


def recurrence_table(ledger: Ledger, as_of: AsOf) -> Table:
    """One row per chain: pledges, first and last pledge, years since first, ever kept, now."""
    day = as_day(as_of)
    rows = []
    for chain in chains(ledger, as_of):
        latest = chain.commitments[-1]
        current = ledger.status_as_of(latest.id, as_of)
        years = (day - chain.first.earliest).days / 365.25
        again = restatements(ledger, chain, as_of)
        last = max([chain.last, *again], key=PartialDate.sort_key)
        rows.append(
            (
                " > ".join(c.id for c in chain.commitments),
                chain.commitments[-1].text,
                len(chain.commitments) + len(again),
                chain.first,
                last,
                round(years, 1),
                _ever_implemented(ledger, chain, as_of),
                None if current is None else current.status.value,
            )
        )
    headers = columns.RECURRENCE
    return Table(
        headers,
        tuple(rows),
        title=f"Recurring pledges as of {day}",
        wrap=("pledge", "chain"),
        narrow=("pledge", "pledges", "first pledged", "ever implemented", "status now"),
    )
