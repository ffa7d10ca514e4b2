"""Records no longer tracked: left out of reports from the day their tracker stopped listing them.

A record imported from a tracker that later dropped it keeps its history and gets ``untracked``,
the date of the first snapshot without it (a marker, not a status). ``still_tracked(ledger, D)``
is the ledger as reports see it on day D: without the records untracked by then. The command
line's reports do this by default; ``--include-untracked`` keeps them. A record another record
relates to, or a report asks about by id, is kept.
"""

from __future__ import annotations

from collections.abc import Iterable

from claimtrack.ledger import Ledger
from claimtrack.model import Claim, Commitment
from claimtrack.query import AsOf, as_day

__all__ = ["still_tracked", "untracked_by"]


def untracked_by(ledger: Ledger, as_of: AsOf) -> list[Commitment | Claim]:
    """The commitments and claims no longer tracked on ``as_of``, by id."""
    day = as_day(as_of)
    items: list[Commitment | Claim] = [*ledger.commitments, *ledger.claims]
    return sorted(
        (item for item in items if item.untracked is not None and item.untracked.known_by(day)),
        key=lambda item: item.id,
    )


def still_tracked(ledger: Ledger, as_of: AsOf, *, keep: Iterable[str] = ()) -> Ledger:
    """The ledger without the records no longer tracked on ``as_of`` (the same ledger if none);
    the records named in ``keep`` stay."""
    gone = {item.id for item in untracked_by(ledger, as_of)} - set(keep)
    if not gone:
        return ledger
    for item in (*ledger.commitments, *ledger.claims):
        gone.difference_update(relation.target for relation in item.relations)
    if not gone:
        return ledger
    return Ledger(
        sources=ledger.sources,
        actors=ledger.actors,
        events=ledger.events,
        agreements=ledger.agreements,
        commitments=[item for item in ledger.commitments if item.id not in gone],
        claims=[item for item in ledger.claims if item.id not in gone],
        evidence=ledger.evidence,
    )
