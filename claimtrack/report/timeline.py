"""The timeline and the diff: what happened in date order, and what changed between two days.

Dates are shown at their own precision (``2017-11``, never a made-up ``2017-11-01``), with a
mark when a date was inferred rather than stated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from attrs import frozen

from claimtrack import _registry as registry
from claimtrack.dates import PartialDate
from claimtrack.errors import ReversedRange
from claimtrack.history import is_move
from claimtrack.ledger import AsOf, Ledger, as_day
from claimtrack.model import Claim, Commitment, StatusChange
from claimtrack.report import columns
from claimtrack.report.table import Table

__all__ = ["TimelineEntry", "diff", "timeline", "timeline_entries"]

#: Rows of a diff on the same date: new items, moves, confirmations, evidence, then flags.
_DIFF_KIND_ORDER = {
    f"new {registry.COMMITMENTS.noun}": 0,
    f"new {registry.CLAIMS.noun}": 1,
    "status": 2,
    "checked": 3,
    registry.EVIDENCE.noun: 4,
    "overdue": 5,
    "stale": 6,
}
_KIND_ORDER = {
    "event": 0,
    "source": 1,
    "pledge": 2,
    "claim": 2,
    "status": 3,
    "checked": 3,
    "untracked": 4,
}
#: Kinds that are entries of an item's history, kept in the history's order.
_HISTORY_KINDS = frozenset({"pledge", "claim", "status", "checked"})


@frozen
class TimelineEntry:
    """One dated happening: an event, a source's publication, a pledge or claim, a status move,
    or an entry confirming the status then in effect (``checked``: a check or new evidence)."""

    date: PartialDate
    kind: str
    item: str
    what: str
    known_from: dt.date

    def sort_key(self) -> tuple[object, ...]:
        """Date order, then events before publications before status moves, then id."""
        return (self.date.sort_key(), _KIND_ORDER[self.kind], self.item, self.what)


def _item_entries(ledger: Ledger, item: Commitment | Claim) -> list[TimelineEntry]:
    entries = []
    history: Sequence[StatusChange[Any]] = item.history
    for position, change in enumerate(history):
        if position == 0:
            kind = "pledge" if isinstance(item, Commitment) else "claim"
            known = ledger.known_from(item.id, position)
            entries.append(TimelineEntry(change.date, kind, item.id, item.text, known))
        else:
            note = f" ({change.note})" if change.note else ""
            known = ledger.known_from(item.id, position)
            if is_move(history, position):
                what = f"now {change.status.value}{note}"
                entries.append(TimelineEntry(change.date, "status", item.id, what, known))
            else:  # a confirmation is no move: say so, as diff does
                basis = "checked" if change.check is not None else "new evidence"
                what = f"still {change.status.value} ({basis}){note}"
                entries.append(TimelineEntry(change.date, "checked", item.id, what, known))
    if item.untracked is not None:  # a marker, not a status: the tracker stopped listing it
        what = "no longer tracked (its tracker stopped listing it)"
        day = item.untracked
        entries.append(TimelineEntry(day, "untracked", item.id, what, day.latest))
    return entries


def timeline_entries(ledger: Ledger, as_of: AsOf | None = None) -> list[TimelineEntry]:
    """Every dated happening known by the as-of day (or all of them), in date order."""
    entries: list[TimelineEntry] = []
    for event in ledger.events:
        if event.date is not None:
            place = f", {event.place}" if event.place else ""
            what = f"{event.title}{place}"
            entries.append(TimelineEntry(event.date, "event", event.id, what, event.date.latest))
    quoted: dict[str, int] = {}
    for evidence in ledger.evidence:
        quoted[evidence.source] = quoted.get(evidence.source, 0) + 1
    for source in ledger.sources:
        if source.published is not None:
            count = quoted.get(source.id, 0)
            what = f"published: {source.title} ({count} evidence item{'s' * (count != 1)})"
            date = source.published
            entries.append(TimelineEntry(date, "source", source.id, what, date.latest))
    for item in (*ledger.commitments, *ledger.claims):
        entries.extend(_item_entries(ledger, item))
    if as_of is not None:
        day = as_day(as_of)
        entries = [entry for entry in entries if entry.known_from <= day]
    return _in_order(entries)


def _in_order(entries: list[TimelineEntry]) -> list[TimelineEntry]:
    """Date order, but an item's entries always in its history's order.

    A history may hold ``2018-11-16`` then ``2018`` (a year may overlap a day); sorted by date
    alone the later entry would come first. Each item entry is keyed by the latest date key of
    its history so far, then its position, so no entry moves before one it follows.
    """
    keyed: list[tuple[tuple[object, ...], int, TimelineEntry]] = []
    latest: dict[str, tuple[object, ...]] = {}
    positions: dict[str, int] = {}
    for entry in entries:
        key = entry.sort_key()
        position = 0
        if entry.kind in _HISTORY_KINDS:
            key = max(key[:1], latest.get(entry.item, key[:1])) + key[1:]
            latest[entry.item] = key[:1]
            position = positions[entry.item] = positions.get(entry.item, -1) + 1
        keyed.append((key[:3], position, entry))
    keyed.sort(key=lambda keyed_entry: (keyed_entry[0], keyed_entry[1], keyed_entry[2].what))
    return [entry for _, _, entry in keyed]


def timeline(ledger: Ledger, as_of: AsOf | None = None) -> Table:
    """The timeline as a table: date, kind, item and what happened."""
    rows = tuple(
        (entry.date, entry.kind, entry.item, entry.what)
        for entry in timeline_entries(ledger, as_of)
    )
    title = "Timeline" if as_of is None else f"Timeline as of {as_day(as_of)}"
    return Table(
        columns.TIMELINE,
        rows,
        title=title,
        wrap=("what",),
        narrow=("date", "kind", "what"),
    )


def diff(ledger: Ledger, start: AsOf, end: AsOf, *, stale_days: int = 365) -> Table:
    """What changed after ``start`` and by ``end``: new items, status moves, new evidence, and
    items that became overdue or stale."""
    first, last = as_day(start), as_day(end)
    if first > last:
        raise ReversedRange(f"the start {first} is after the end {last}: nothing can change")
    rows: list[tuple[PartialDate | dt.date, str, str, str]] = []
    items: list[Commitment | Claim] = [*ledger.commitments, *ledger.claims]
    for item in items:
        before = ledger.status_as_of(item.id, first)
        after = ledger.status_as_of(item.id, last)
        if after is None:
            continue
        noun = registry.BY_TYPE[type(item)].noun
        if before is None:
            rows.append((item.history[0].date, f"new {noun}", item.id, item.text))
        rows.extend(_moves(ledger, item, first, last))
        became_overdue = isinstance(item, Commitment) and ledger.is_overdue(item.id, last)
        if became_overdue and not ledger.is_overdue(item.id, first):
            rows.append((last, "overdue", item.id, f"due {getattr(item, 'due', '')}"))
        if ledger.is_stale(item.id, last, days=stale_days) and not ledger.is_stale(
            item.id, first, days=stale_days
        ):
            rows.append((last, "stale", item.id, f"no news for over {stale_days} days"))
    for evidence in ledger.evidence:
        date = ledger.evidence_date(evidence)
        if date is not None and date.known_by(last) and not date.known_by(first):
            quote = evidence.quote.exact if evidence.quote else "(unanchored)"
            rows.append((date, registry.EVIDENCE.noun, evidence.id, f"{evidence.source}: {quote}"))
    rows.sort(key=lambda row: (_day_key(row[0]), _DIFF_KIND_ORDER[row[1]], row[2], row[3]))
    title = f"Changes after {first} and by {last}"
    return Table(
        columns.DIFF,
        tuple(rows),
        title=title,
        wrap=("what",),
        narrow=("date", "change", "what"),
    )


def _moves(
    ledger: Ledger, item: Commitment | Claim, first: dt.date, last: dt.date
) -> list[tuple[PartialDate | dt.date, str, str, str]]:
    """An item's history entries that became known in the window: a move names the item and
    both statuses ("status"); an entry keeping the status (a check, or new evidence) confirms
    it ("checked"), and is never shown as a move."""
    rows: list[tuple[PartialDate | dt.date, str, str, str]] = []
    history: Sequence[StatusChange[Any]] = item.history
    for position, change in enumerate(history):
        if not position or not first < ledger.known_from(item.id, position) <= last:
            continue
        before = history[position - 1].status.value
        if is_move(history, position):
            rows.append(
                (change.date, "status", item.id, f"{before} -> {change.status.value}: {item.text}")
            )
        else:
            basis = "checked" if change.check is not None else "new evidence"
            rows.append((change.date, "checked", item.id, f"still {before} ({basis}): {item.text}"))
    return rows


def _day_key(date: PartialDate | dt.date) -> tuple[object, ...]:
    return (date if isinstance(date, PartialDate) else PartialDate.from_date(date)).sort_key()
