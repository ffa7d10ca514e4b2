"""What we learned between two days: the monitor's weekly digest (``diff --known-from --known-to``).

Where ``diff`` compares what had *happened* by two days, this compares what was *known* on them:
the ledger as a reader could have known it on ``known_from`` against the same on ``known_to``.
Each row is something published (or checked, or corrected) in between: a new item, a status
entry (with the date it describes), a correction or withdrawal, a progress figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from claimtrack.knowledge import entry_known_day
from claimtrack.ledger import AsOf, Ledger, as_day
from claimtrack.model import (
    Claim,
    Commitment,
    Correction,
    Progress,
    ProgressCorrection,
    StatusChange,
)
from claimtrack.report.table import Table

__all__ = ["figure", "learned"]


def figure(observation: Progress) -> str:
    """A progress figure as shown in reports: ``70% (2022-06)`` when a total is known, else
    ``658 km (2022-06)``."""
    share = observation.share
    if share is not None:
        shown = f"{share * 100:.0f}%"
    else:
        shown = f"{observation.value:g} {observation.unit}"
    return f"{shown} ({observation.date})"


def learned(ledger: Ledger, known_from: AsOf, known_to: AsOf) -> Table:
    """Everything that became known after ``known_from`` and by ``known_to``, by item."""
    first, last = as_day(known_from), as_day(known_to)
    before, after = ledger.known_by(first), ledger.known_by(last)
    published = ledger._query().published()
    rows: list[tuple[str, str, str, str]] = []
    items: list[Commitment | Claim] = [*after.commitments, *after.claims]
    for item in items:
        noun = "commitment" if isinstance(item, Commitment) else "claim"
        earlier = before.commitments.get(item.id) or before.claims.get(item.id)
        if earlier is None:
            rows.append((_day(item.history[0], published), f"new {noun}", item.id, item.text))
        old_history: Sequence[StatusChange[Any]] = earlier.history if earlier else ()
        seen = {change.id for change in old_history}
        history: Sequence[StatusChange[Any]] = item.history
        for position, change in enumerate(history):
            if change.id in seen or (earlier is None and position == 0):
                continue
            kind = "check" if change.check is not None and not change.evidence else "status"
            what = f"{change.status.value} from {change.date}"
            if change.note:
                what += f": {change.note}"
            rows.append((_day(change, published), kind, item.id, what))
        corrections: Sequence[Correction[Any]] = item.corrections
        rows.extend(_fixes(item.id, corrections, earlier.corrections if earlier else ()))
        if isinstance(item, Commitment):
            was = earlier if isinstance(earlier, Commitment) else None
            figures = was.progress_corrections if was else ()
            rows.extend(_fixes(item.id, item.progress_corrections, figures))
            known = {p.id for p in earlier.progress} if isinstance(earlier, Commitment) else set()
            for observation in item.progress:
                if observation.id not in known:
                    rows.append(
                        (_day(observation, published), "progress", item.id, figure(observation))
                    )
    rows.sort(key=lambda row: (row[0], row[2], row[1]))
    title = f"Learned after {first} and by {last}"
    return Table(("known", "change", "item", "what"), tuple(rows), title=title)


def _fixes(
    item_id: str,
    corrections: Sequence[Correction[Any] | ProgressCorrection],
    earlier: Sequence[Correction[Any] | ProgressCorrection],
) -> list[tuple[str, str, str, str]]:
    """A row for each correction (of an entry or a figure) not among the ``earlier`` ones."""
    old = {c.superseded.id for c in earlier}
    rows = []
    for correction in corrections:
        if correction.superseded.id in old:
            continue
        done = "withdrawn" if correction.replacement is None else "corrected"
        what = f"{correction.superseded.id} {done}: {correction.reason}"
        rows.append((str(correction.on), done, item_id, what))
    return rows


def _day(entry: StatusChange[Any] | Progress, published: dict[str, int]) -> str:
    import datetime as dt

    ordinal = entry_known_day(entry.date._ordinals, entry.evidence, entry.check, published)
    return dt.date.fromordinal(ordinal).isoformat()
