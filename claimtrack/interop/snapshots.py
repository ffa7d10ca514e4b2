"""Snapshots of a tracker's records file, and the order they are taken in.

A snapshot is the tracker's file as it stood at a moment: ``FILE@2017-05-09`` (a day, or a month or
year when that is all that is known), ``FILE@2017-05-09T21:33`` (a time of day, so two snapshots of
one day are ordered), or ``FILE`` whose name holds its date (``pledges-2021-03-01.csv``).

Snapshots are taken in date-time order. Two snapshots that cannot be ordered (the same day without
times, the same time, or ``2017-05`` beside ``2017-05-09``) are refused, each with the snapshot it
clashes with. A ledger dates status changes by day: a change first seen in the evening snapshot of
a day is dated that day, after the changes of the morning snapshot.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
from collections.abc import Sequence
from pathlib import Path

from attrs import field, frozen

from claimtrack.dates import PartialDate
from claimtrack.interop.problems import ImportProblem, Location

__all__ = ["Snapshot", "snapshot_problems", "taken_in_order"]

_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4}-\d{2}(?:-\d{2})?)(?!\d)")
_DATE_TIME = re.compile(r"(?P<date>\d{4}-\d{2}-\d{2})[T ](?P<hour>\d{2}):(?P<minute>\d{2})")


@frozen
class Snapshot:
    """A tracker's records file as it stood on a day (``None`` when unknown), at a time if given."""

    path: Path = field(converter=Path)
    date: PartialDate | None = None
    time: dt.time | None = None

    @classmethod
    def from_argument(cls, argument: str) -> Snapshot:
        """``FILE@DATE``, ``FILE@DATE``T``HH:MM``, or ``FILE`` whose name holds its date."""
        head, at, tail = argument.rpartition("@")
        if at:
            found = _DATE_TIME.fullmatch(tail)
            try:
                if found is not None:
                    when = dt.time(int(found["hour"]), int(found["minute"]))
                    return cls(Path(head), PartialDate.parse(found["date"]), when)
                return cls(Path(head), PartialDate.parse(tail))
            except ValueError:
                pass
        named = _DATE_IN_NAME.search(Path(argument).name)
        if named is not None:
            try:
                return cls(Path(argument), PartialDate.parse(named.group(1)))
            except ValueError:
                pass
        return cls(Path(argument))

    @property
    def moment(self) -> str:
        """The date, with its time when given: ``2017-05-09T21:33``; ``undated`` when unknown."""
        if self.date is None:
            return "undated"
        if self.time is None:
            return self.date.edtf
        return f"{self.date.edtf}T{self.time:%H:%M}"

    def order_key(self) -> tuple[tuple[int, ...], int]:
        """Date first, then time of day (a snapshot without a time comes first on its day)."""
        day = self.date.sort_key()[:3] if self.date is not None else (0,)
        minutes = -1 if self.time is None else self.time.hour * 60 + self.time.minute
        return (day, minutes)

    def __str__(self) -> str:
        return f"{os.fspath(self.path)}@{self.moment}"


def taken_in_order(snapshots: Sequence[Snapshot]) -> list[Snapshot]:
    """The snapshots by date, then time of day; the given order breaks no ties it need not."""
    return sorted(snapshots, key=Snapshot.order_key)


def snapshot_problems(snapshots: Sequence[Snapshot], *, dated_rows: bool) -> list[ImportProblem]:
    """Why these snapshots cannot be put in one order: undated or clashing snapshots.

    ``dated_rows`` says the mapping dates statuses itself (a ``status_date`` or ``date`` column),
    which lets a single snapshot go undated.
    """
    problems: list[ImportProblem] = []
    undated = [snapshot for snapshot in snapshots if snapshot.date is None]
    if len(snapshots) > 1:
        for snapshot in undated:
            problems.append(
                ImportProblem(
                    Location(os.fspath(snapshot.path)),
                    "no snapshot date: put it in the file name (tracker-2021-03-01.csv)"
                    " or give FILE@DATE or FILE@DATETHH:MM",
                )
            )
    elif undated and not dated_rows:
        problems.append(
            ImportProblem(
                Location(os.fspath(undated[0].path)),
                "no date for the statuses: give the snapshot's date (FILE@DATE or a date in the"
                " file name) or map a 'status_date' column",
            )
        )
    dated = taken_in_order([snapshot for snapshot in snapshots if snapshot.date is not None])
    for earlier, later in itertools.pairwise(dated):
        clash = _clash(earlier, later)
        if clash is not None:
            problems.append(ImportProblem(Location(os.fspath(later.path)), clash))
    return problems


def _clash(earlier: Snapshot, later: Snapshot) -> str | None:
    if earlier.date is None or later.date is None:
        return None
    if earlier.date.edtf == later.date.edtf:
        if earlier.time is None or later.time is None:
            return (
                f"same snapshot date {later.date} as {earlier.path}; give both a time of day"
                f" to order them (FILE@{later.date}T21:33)"
            )
        if earlier.time == later.time:
            return f"same snapshot time {later.moment} as {earlier.path}"
        return None
    if earlier.date.may_overlap(later.date):
        return f"snapshot date {later.date} overlaps {earlier.date}; snapshots need an order"
    return None
