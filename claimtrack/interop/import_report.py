"""What an import did, as a summary a tracker's keeper can check against the tracker's own counts.

The counts keep apart what a tracker counts apart: *first statuses* (the status each record had
when first listed) are not *status changes* (a record's status differing from its previous
snapshot's). Unusual moves (changes outside the table of usual moves, recorded with a reason),
records no longer tracked, renames applied and keys kept apart are listed one per line.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import frozen

from claimtrack.dates import PartialDate
from claimtrack.interop.observations import KeptApart
from claimtrack.interop.problems import Location
from claimtrack.interop.renames import Rename

__all__ = ["ImportReport", "Presence", "Untracked", "UnusualMove"]


@frozen
class Presence:
    """A row that appeared in, or disappeared from, a snapshot after the first."""

    record: str
    key: str
    change: str  # "appeared" or "disappeared"
    snapshot: PartialDate | None
    location: Location
    moment: str = ""

    def __str__(self) -> str:
        when = self.moment or (str(self.snapshot) if self.snapshot is not None else "")
        day = f" on {when}" if when else ""
        return f"{self.location}: {self.key!r} ({self.record}) {self.change}{day}"


@frozen
class UnusualMove:
    """A change outside the table of usual moves, recorded with ``reason`` as its note."""

    record: str
    key: str
    previous: str  # the tracker's word, as in the earlier snapshot
    current: str
    location: Location
    reason: str

    def __str__(self) -> str:
        return (
            f"{self.location}: {self.key!r} ({self.record}) moved from {self.previous!r} to"
            f" {self.current!r}: unusual, recorded with its reason"
        )


@frozen
class Untracked:
    """A record the tracker stopped listing: ``since`` is the first snapshot without it."""

    record: str
    key: str
    since: PartialDate
    last: Location

    def __str__(self) -> str:
        return (
            f"{self.key!r} ({self.record}) no longer tracked since {self.since};"
            f" last listed at {self.last}"
        )


@frozen
class ImportReport:
    """What an import did: snapshots read, records, first statuses and changes, and the rest."""

    snapshots: tuple[tuple[str, PartialDate | None, int], ...]
    records: int
    changes: int
    sources: int
    appeared: tuple[Presence, ...]
    disappeared: tuple[Presence, ...]
    first_statuses: tuple[tuple[str, int], ...] = ()
    unusual: tuple[UnusualMove, ...] = ()
    untracked: tuple[Untracked, ...] = ()
    renames: tuple[Rename, ...] = ()
    unused_renames: tuple[Rename, ...] = ()
    kept_apart: tuple[KeptApart, ...] = ()
    moments: tuple[str, ...] = ()

    def lines(self) -> list[str]:
        """A readable summary, one line per fact, for the command line."""
        noun = "snapshot" if len(self.snapshots) == 1 else "snapshots"
        moments = self.moments or tuple(str(date or "undated") for _, date, _ in self.snapshots)
        lines = [
            f"read {len(self.snapshots)} {noun}: "
            + ", ".join(
                f"{name} ({moment}, {rows} rows)"
                for (name, _, rows), moment in zip(self.snapshots, moments, strict=True)
            ),
            f"{self.records} records, {self.changes} status changes, {self.sources} sources",
        ]
        if self.first_statuses:
            lines.append(
                "first statuses: "
                + ", ".join(f"{count} {status}" for status, count in self.first_statuses)
            )
        renames = [f"{r.location}: {r.old!r} -> {r.new!r}" for r in self.renames]
        unused = [f"{r.location}: {r.old!r} matched no row" for r in self.unused_renames]
        lines.extend(_listed(self.unusual, "unusual move", "unusual moves", always=True))
        lines.extend(_listed(self.untracked, "no longer tracked", "no longer tracked", always=True))
        lines.extend(_listed(renames, "rename applied", "renames applied", always=True))
        lines.extend(_listed(unused, "rename unused", "renames unused"))
        lines.extend(_listed(self.kept_apart, "key kept apart", "keys kept apart"))
        lines.extend(str(presence) for presence in (*self.appeared, *self.disappeared))
        return lines


def _listed(items: Sequence[object], one: str, many: str, *, always: bool = False) -> list[str]:
    """``N things:`` and one indented line per item; nothing for none unless ``always``."""
    if not items:
        return [f"0 {many}"] if always else []
    return [f"{len(items)} {one if len(items) == 1 else many}:", *(f"  {i}" for i in items)]
