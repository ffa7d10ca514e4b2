"""Rows of a tracker's snapshots read as checked observations, grouped by the record they are about.

Each row gives its key (one column, or several joined by `` | ``), read through the renames, a
status from the mapping's vocabulary, dates, URLs, parties and a note. Problems are collected, not
raised: every row of every snapshot is read, so one run reports them all. A column the mapping
names that a snapshot lacks is one problem for the snapshot (none for its rows), unless the column
is optional: then its cells are unknown in that snapshot.

A key listed twice in one snapshot is refused, naming both rows; with ``duplicate_keys =
"by-order"`` the rows are kept apart by their order of appearance (the second is ``KEY #2``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import frozen

from claimtrack.dates import PartialDate
from claimtrack.interop.mapping import KEY_JOINER, TrackerMapping
from claimtrack.interop.problems import ImportProblem, Location
from claimtrack.interop.renames import Rename, Renames
from claimtrack.interop.rows import RecordsFile, Row
from claimtrack.interop.snapshots import Snapshot
from claimtrack.interop.vocabularies import UnmappedStatus
from claimtrack.interop.written_dates import read_date
from claimtrack.lifecycle import ClaimStatus, CommitmentStatus

__all__ = ["KeptApart", "Observation", "Observer"]

Status = CommitmentStatus | ClaimStatus

_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://\S+$")


@frozen
class Observation:
    """One row of one snapshot, read and checked; ``key`` is the record's key after renames."""

    snapshot: int
    key: str
    listed_as: str
    row: Row
    status: Status
    made: PartialDate | None
    due: PartialDate | None
    status_date: PartialDate | None
    urls: tuple[str, ...]
    parties: tuple[str, ...]
    note: str
    #: The mapped roles whose column this row's snapshot has.
    known: frozenset[str]


@frozen
class KeptApart:
    """A key listed more than once in some snapshots, kept apart by order of appearance:
    ``locations`` are the rows read as ``KEY #2``, ``KEY #3``..., in snapshot order."""

    key: str
    locations: tuple[Location, ...]

    def __str__(self) -> str:
        files = len({location.file for location in self.locations})
        return (
            f"{self.key!r} listed more than once in {files} snapshot{'' if files == 1 else 's'};"
            f" kept apart by order (first repeat: {self.locations[0]}, read as '{self.key} #2')"
        )


class Observer:
    """Reads every row of every snapshot, collecting problems instead of stopping at the first."""

    def __init__(self, mapping: TrackerMapping, renames: Renames, duplicate_keys: str) -> None:
        self.mapping = mapping
        self.renames = renames
        self.duplicate_keys = duplicate_keys
        self.problems: list[ImportProblem] = []
        self.unmapped: dict[str, list[Location]] = {}
        self.renamed: dict[str, Rename] = {}
        self.kept_apart: list[KeptApart] = []

    def add(self, location: Location, message: str) -> None:
        self.problems.append(ImportProblem(location, message))

    def vocabulary_problems(self) -> list[ImportProblem]:
        """One problem per status word the vocabulary cannot read, at its first row."""
        found = []
        for word, locations in self.unmapped.items():
            more = f" (and {len(locations) - 1} more rows)" if len(locations) > 1 else ""
            try:
                self.mapping.vocabulary.status(word)
            except UnmappedStatus as error:
                found.append(ImportProblem(locations[0], f"{error}{more}; map it under [statuses]"))
        return found

    def observe(
        self, files: Sequence[tuple[Snapshot, RecordsFile]]
    ) -> dict[str, list[Observation]]:
        """Every observation by record key, in snapshot order (records by first appearance)."""
        found: dict[str, list[Observation]] = {}
        declared = {rename.old: rename for rename in self.renames.declared}
        repeats: dict[str, list[Location]] = {}
        for index, (snapshot, records) in enumerate(files):
            known = self.known_roles(records)
            if known is None:
                continue
            seen: dict[str, list[Location]] = {}
            for row in records.rows:
                listed = self.key(row)
                if listed is None:
                    continue
                key = self.renames.final(listed)
                if key != listed and listed in declared:
                    self.renamed.setdefault(listed, declared[listed])
                earlier = seen.setdefault(key, [])
                earlier.append(row.location)
                if len(earlier) > 1:
                    if self.duplicate_keys != "by-order":
                        shown = key if key == listed else f"{key} (renamed from {listed!r})"
                        self.add(
                            row.location.at(self.mapping.columns.key[0]),
                            f"key {shown!r} is listed twice in this snapshot (first at"
                            f" {earlier[0]}); keep them apart by order with duplicate_keys ="
                            ' "by-order" (--duplicate-keys by-order)',
                        )
                        continue
                    key = f"{key} #{len(earlier)}"
                observation = self.observation(index, snapshot, row, key, listed, known)
                if observation is not None:
                    found.setdefault(key, []).append(observation)
            for key, locations in seen.items():
                if len(locations) > 1 and self.duplicate_keys == "by-order":
                    repeats.setdefault(key, []).extend(locations[1:])
        self.kept_apart = [KeptApart(key, tuple(rows)) for key, rows in repeats.items()]
        return found

    def known_roles(self, records: RecordsFile) -> frozenset[str] | None:
        """The roles this file has a column for; ``None`` when it lacks the key or status."""
        columns = self.mapping.columns
        present = set(records.columns)
        shown = ", ".join(repr(column) for column in records.columns)
        for role, column in columns.required():
            if column not in present:
                self.add(
                    Location(records.name, "header", column),
                    f"the {role} column named in the mapping is not in the file; columns: {shown}"
                    + (
                        " (map it under [columns.optional] if it came later)"
                        if role != "key" and role != "status"
                        else ""
                    ),
                )
        if not set(columns.key) <= present or columns.status not in present:
            return None
        return frozenset(role for role, column in columns.named() if column in present)

    def key(self, row: Row) -> str | None:
        parts = []
        for column in self.mapping.columns.key:
            part = " ".join(row.text(column).split())
            if not part:
                self.add(row.location.at(column), "empty key; every row needs one")
                return None
            parts.append(part)
        return KEY_JOINER.join(parts)

    def observation(
        self,
        index: int,
        snapshot: Snapshot,
        row: Row,
        key: str,
        listed: str,
        known: frozenset[str],
    ) -> Observation | None:
        columns = self.mapping.columns
        word = row.text(columns.status)
        status: Status | None = None
        if not word:
            self.add(row.location.at(columns.status), "empty status")
        elif not self.mapping.vocabulary.knows(word):
            self.unmapped.setdefault(word, []).append(row.location.at(columns.status))
        else:
            status = self.mapping.vocabulary.status(word)
        made = self.date(row, columns.date)
        due = self.date(row, columns.due)
        status_date = self.date(row, columns.status_date)
        if (
            status_date is not None
            and snapshot.date is not None
            and status_date.known_after(snapshot.date)
        ):
            self.add(
                row.location.at(columns.status_date),
                f"{status_date} is after the snapshot's date {snapshot.date}",
            )
        if made is not None and status_date is not None and made.known_after(status_date):
            self.add(
                row.location.at(columns.date),
                f"pledged on {made}, after the status date {status_date}",
            )
        urls = self.urls(row)
        parties = self.items(row, columns.party)
        note = row.text(columns.change_note) if columns.change_note else ""
        if status is None:
            return None
        return Observation(
            index, key, listed, row, status, made, due, status_date, urls, parties, note, known
        )

    def date(self, row: Row, column: str | None) -> PartialDate | None:
        if column is None:
            return None
        text = row.text(column)
        if not text:
            return None
        try:
            return read_date(text)
        except ValueError as error:
            self.add(row.location.at(column), str(error))
            return None

    def items(self, row: Row, column: str | None) -> tuple[str, ...]:
        if column is None:
            return ()
        value = row.cells.get(column, "")
        parts = (
            value if isinstance(value, tuple) else tuple(value.split(self.mapping.list_separator))
        )
        return tuple(dict.fromkeys(" ".join(part.split()) for part in parts if part.strip()))

    def urls(self, row: Row) -> tuple[str, ...]:
        column = self.mapping.columns.sources
        if column is None:
            return ()
        found: list[str] = []
        for item in self.items(row, column):
            for token in item.split():
                if _URL.match(token):
                    found.append(token)
                else:
                    self.add(row.location.at(column), f"{token!r} is not a URL (scheme://...)")
        return tuple(dict.fromkeys(found))
