"""Importing a tracker's records, from one file or from snapshots of it taken on several days.

Each snapshot is the tracker's file as it stood on a day. Rows are matched across snapshots by the
mapping's ``key`` column; every change of status between snapshots becomes a dated status change,
so successive snapshots give a status history. A row that appears or disappears is reported and
kept (a pledge no longer listed keeps its history and says so in its note), never dropped.

Provenance follows each status: every snapshot becomes a ``dataset`` source ("according to the
tracker, on that day") and every source URL in a row becomes a source of its own; both are cited as
*unanchored* evidence, since a tracker gives links, not quotes. The records are built as a ledger
document and validated by ``claimtrack.codec.from_document``, like any ledger file; problems are
reported first, all at once, by file, row and column.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from attrs import field, frozen

from claimtrack.codec import FORMAT_VERSION, from_document
from claimtrack.dates import PartialDate
from claimtrack.errors import InvalidLedger
from claimtrack.interop.mapping import TrackerMapping
from claimtrack.interop.problems import ImportProblem, ImportProblems, Location
from claimtrack.interop.rows import RecordsFile, Row, read_rows
from claimtrack.interop.vocabularies import UnmappedStatus
from claimtrack.interop.written_dates import read_date
from claimtrack.ledger import Ledger
from claimtrack.lifecycle import (
    ClaimStatus,
    CommitmentStatus,
    Stance,
    initial_status,
    transition_refusal,
)

__all__ = ["ImportReport", "ImportResult", "Presence", "Snapshot", "import_records"]

Status = CommitmentStatus | ClaimStatus

_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4}-\d{2}(?:-\d{2})?)(?!\d)")

#: The stance of a tracker's link, by the status the tracker gives with it: links given for
#: progress support the pledge (or claim), links given for a broken pledge or a false claim
#: contradict it, and the rest only mention it.
_STANCES: dict[Status, Stance] = {
    CommitmentStatus.ANNOUNCED: Stance.SUPPORTS,
    CommitmentStatus.IN_PROGRESS: Stance.SUPPORTS,
    CommitmentStatus.PARTIALLY_IMPLEMENTED: Stance.SUPPORTS,
    CommitmentStatus.IMPLEMENTED: Stance.SUPPORTS,
    CommitmentStatus.BROKEN: Stance.CONTRADICTS,
    CommitmentStatus.REVERSED: Stance.CONTRADICTS,
    ClaimStatus.CORROBORATED: Stance.SUPPORTS,
    ClaimStatus.DISPUTED: Stance.CONTRADICTS,
    ClaimStatus.REFUTED: Stance.CONTRADICTS,
}


def _stance(status: Status) -> Stance:
    return _STANCES.get(status, Stance.MENTIONS)


@frozen
class Snapshot:
    """A tracker's records file as it stood on a day (``None`` when the day is unknown)."""

    path: Path = field(converter=Path)
    date: PartialDate | None = None

    @classmethod
    def from_argument(cls, argument: str) -> Snapshot:
        """``FILE@DATE``, or ``FILE`` whose name holds its date (``pledges-2021-03-01.csv``)."""
        head, at, tail = argument.rpartition("@")
        if at:
            try:
                return cls(Path(head), PartialDate.parse(tail))
            except ValueError:
                pass
        found = _DATE_IN_NAME.search(Path(argument).name)
        if found is not None:
            try:
                return cls(Path(argument), PartialDate.parse(found.group(1)))
            except ValueError:
                pass
        return cls(Path(argument))


@frozen
class Presence:
    """A row that appeared in, or disappeared from, a snapshot after the first."""

    record: str
    key: str
    change: str  # "appeared" or "disappeared"
    snapshot: PartialDate | None
    location: Location

    def __str__(self) -> str:
        day = f" on {self.snapshot}" if self.snapshot is not None else ""
        return f"{self.location}: {self.key!r} ({self.record}) {self.change}{day}"


@frozen
class ImportReport:
    """What an import did: snapshots read, records and changes made, rows that came and went."""

    snapshots: tuple[tuple[str, PartialDate | None, int], ...]
    records: int
    changes: int
    sources: int
    appeared: tuple[Presence, ...]
    disappeared: tuple[Presence, ...]

    def lines(self) -> list[str]:
        """A readable summary, one line per fact, for the command line."""
        noun = "snapshot" if len(self.snapshots) == 1 else "snapshots"
        lines = [
            f"read {len(self.snapshots)} {noun}: "
            + ", ".join(
                f"{name} ({date or 'undated'}, {rows} rows)" for name, date, rows in self.snapshots
            ),
            f"{self.records} records, {self.changes} status changes, {self.sources} sources",
        ]
        lines.extend(str(presence) for presence in (*self.appeared, *self.disappeared))
        return lines


@frozen
class ImportResult:
    """The imported ledger and the report of what the import did."""

    ledger: Ledger
    report: ImportReport


@frozen
class _Observation:
    """One row of one snapshot, read and checked."""

    snapshot: int
    row: Row
    status: Status
    made: PartialDate | None
    due: PartialDate | None
    status_date: PartialDate | None
    urls: tuple[str, ...]
    parties: tuple[str, ...]


def import_records(
    snapshots: Sequence[Snapshot | str | os.PathLike[str]], mapping: TrackerMapping
) -> ImportResult:
    """Build a ledger from snapshots of a tracker; ``ImportProblems`` lists every problem.

    Snapshots may be given in any order; they are taken in date order. A single snapshot may be
    undated when the mapping names a ``status_date`` or ``date`` column.
    """
    taken = [
        item if isinstance(item, Snapshot) else Snapshot.from_argument(os.fspath(item))
        for item in snapshots
    ]
    return _Import(mapping).run(taken)


class _Import:
    """One import run: reads, checks, then builds the ledger document."""

    def __init__(self, mapping: TrackerMapping) -> None:
        self.mapping = mapping
        self.problems: list[ImportProblem] = []
        self.unmapped: dict[str, list[Location]] = {}

    def add(self, location: Location, message: str) -> None:
        self.problems.append(ImportProblem(location, message))

    def fail_if_problems(self) -> None:
        problems = list(self.problems)
        for word, locations in self.unmapped.items():
            more = f" (and {len(locations) - 1} more rows)" if len(locations) > 1 else ""
            try:
                self.mapping.vocabulary.status(word)
            except UnmappedStatus as error:
                problems.append(
                    ImportProblem(locations[0], f"{error}{more}; map it under [statuses]")
                )
        if problems:
            problems.sort(key=lambda problem: _order(problem.location))
            raise ImportProblems(problems)

    # -- reading ----------------------------------------------------------------------------

    def run(self, snapshots: list[Snapshot]) -> ImportResult:
        if not snapshots:
            raise ImportProblems([ImportProblem(Location("<input>"), "no records file given")])
        files: list[tuple[Snapshot, RecordsFile]] = []
        for snapshot in snapshots:
            try:
                files.append((snapshot, read_rows(snapshot.path, self.mapping.format)))
            except ImportProblems as error:
                self.problems.extend(error.problems)
        self.check_dates([snapshot for snapshot, _ in files])
        files.sort(key=lambda pair: pair[0].date.sort_key() if pair[0].date else (0,))
        for _, records in files:
            self.check_columns(records)
        self.fail_if_problems()
        observations = self.observe(files)
        self.fail_if_problems()
        builder = _Builder(self, [snapshot for snapshot, _ in files])
        document = builder.document(observations)
        self.fail_if_problems()
        try:
            ledger = from_document(document)
        except InvalidLedger as error:
            raise ImportProblems(
                [
                    ImportProblem(Location(builder.origin(p.path)), f"{p.path}: {p.message}")
                    for p in error.problems
                ]
            ) from None
        report = ImportReport(
            snapshots=tuple(
                (records.name, snap.date, len(records.rows)) for snap, records in files
            ),
            records=len(ledger.commitments) + len(ledger.claims),
            changes=sum(len(item.history) - 1 for item in (*ledger.commitments, *ledger.claims)),
            sources=len(ledger.sources),
            appeared=tuple(sorted(builder.appeared, key=_presence_order)),
            disappeared=tuple(sorted(builder.disappeared, key=_presence_order)),
        )
        return ImportResult(ledger, report)

    def check_dates(self, snapshots: list[Snapshot]) -> None:
        undated = [snapshot for snapshot in snapshots if snapshot.date is None]
        if len(snapshots) > 1:
            for snapshot in undated:
                self.add(
                    Location(os.fspath(snapshot.path)),
                    "no snapshot date: put it in the file name (tracker-2021-03-01.csv)"
                    " or give FILE@DATE",
                )
        elif (
            undated
            and self.mapping.columns.status_date is None
            and self.mapping.columns.date is None
        ):
            self.add(
                Location(os.fspath(undated[0].path)),
                "no date for the statuses: give the snapshot's date (FILE@DATE or a date in the"
                " file name) or map a 'status_date' column",
            )
        seen: dict[str, str] = {}
        for snapshot in snapshots:
            if snapshot.date is None:
                continue
            name = os.fspath(snapshot.path)
            if snapshot.date.edtf in seen:
                self.add(
                    Location(name),
                    f"same snapshot date {snapshot.date} as {seen[snapshot.date.edtf]}",
                )
            seen.setdefault(snapshot.date.edtf, name)
        dated = sorted(
            ((s.date, s) for s in snapshots if s.date is not None), key=lambda p: p[0].sort_key()
        )
        for (earlier, _), (later, snapshot) in itertools.pairwise(dated):
            if earlier.may_overlap(later) and earlier.edtf != later.edtf:
                self.add(
                    Location(os.fspath(snapshot.path)),
                    f"snapshot date {later} overlaps {earlier}; snapshots need an order",
                )

    def check_columns(self, records: RecordsFile) -> None:
        for role, column in self.mapping.columns.named().items():
            if column not in records.columns:
                shown = ", ".join(repr(c) for c in records.columns)
                self.add(
                    Location(records.name, "header", column),
                    f"the {role} column named in the mapping is not in the file; columns: {shown}",
                )

    def observe(self, files: list[tuple[Snapshot, RecordsFile]]) -> dict[str, list[_Observation]]:
        columns = self.mapping.columns
        found: dict[str, list[_Observation]] = {}
        for index, (snapshot, records) in enumerate(files):
            first_row: dict[str, Location] = {}
            for row in records.rows:
                key = row.text(columns.key)
                if not key:
                    self.add(row.location.at(columns.key), "empty key; every row needs one")
                    continue
                if key in first_row:
                    self.add(
                        row.location.at(columns.key),
                        f"key {key!r} appears twice in this snapshot (first at {first_row[key]})",
                    )
                    continue
                first_row[key] = row.location
                observation = self.observation(index, snapshot, row)
                if observation is not None:
                    found.setdefault(key, []).append(observation)
        return found

    def observation(self, index: int, snapshot: Snapshot, row: Row) -> _Observation | None:
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
        if status is None:
            return None
        return _Observation(index, row, status, made, due, status_date, urls, parties)

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
                if re.match(r"[A-Za-z][A-Za-z0-9+.-]*://\S+$", token):
                    found.append(token)
                else:
                    self.add(row.location.at(column), f"{token!r} is not a URL (scheme://...)")
        return tuple(dict.fromkeys(found))


def _presence_order(presence: Presence) -> tuple[tuple[int, ...], str]:
    return (presence.snapshot.sort_key()[:3] if presence.snapshot else (0,), presence.record)


def _order(location: Location) -> tuple[str, int, str]:
    number = re.search(r"\d+", location.row or "")
    return (location.file, int(number.group()) if number else 0, location.column or "")


class _Builder:
    """Turns checked observations into a ledger document, in deterministic order."""

    def __init__(self, importer: _Import, snapshots: list[Snapshot]) -> None:
        self.importer = importer
        self.mapping = importer.mapping
        self.snapshots = snapshots
        self.sources: dict[str, dict[str, Any]] = {}
        self.evidence: dict[str, dict[str, Any]] = {}
        self.actors: dict[str, dict[str, Any]] = {}
        self.appeared: list[Presence] = []
        self.disappeared: list[Presence] = []
        self.origins: list[Location] = []
        self.tracker_slug = _slug(self.mapping.name, limit=40) or "tracker"

    def origin(self, path: str) -> str:
        """The input place behind a JSON path of the built document, for stray problems."""
        found = re.match(r"\$\.(commitments|claims)\[(\d+)\]", path)
        if found is not None and int(found.group(2)) < len(self.origins):
            return str(self.origins[int(found.group(2))])
        return ", ".join(os.fspath(snapshot.path) for snapshot in self.snapshots)

    def document(self, observations: dict[str, list[_Observation]]) -> dict[str, Any]:
        items: list[dict[str, Any]] = []
        ids: dict[str, str] = {}
        for key, seen in observations.items():
            record_id = self.record_id(key, seen[0])
            if record_id in ids:
                self.importer.add(
                    seen[0].row.location.at(self.mapping.columns.id or self.mapping.columns.key),
                    f"gives the id {record_id!r}, as does key {ids[record_id]!r}",
                )
                continue
            ids[record_id] = key
            item = self.item(record_id, key, seen)
            if item is not None:
                items.append(item)
                self.origins.append(seen[0].row.location)
        collection = "claims" if self.mapping.records == "claims" else "commitments"
        return {
            "format_version": FORMAT_VERSION,
            "sources": list(self.sources.values()),
            "actors": list(self.actors.values()),
            collection: items,
            "evidence": list(self.evidence.values()),
        }

    def record_id(self, key: str, first: _Observation) -> str:
        column = self.mapping.columns.id
        given = first.row.text(column) if column is not None else ""
        chosen = (given or key).split("://", 1)[-1]  # a URL key: its address without scheme
        return self.mapping.id_prefix + (_slug(chosen, limit=60) or _digest(key))

    # -- one record -------------------------------------------------------------------------

    def item(self, record_id: str, key: str, seen: list[_Observation]) -> dict[str, Any] | None:
        """One commitment or claim: its wording and parties as last listed, its whole history."""
        first, last = seen[0], seen[-1]
        self.presence(record_id, key, seen)
        made = first.made or first.status_date or self.snapshots[first.snapshot].date
        if made is None:
            self.importer.add(first.row.location, "no date for the pledge: map a 'date' column")
            return None
        history, loose = self.history(record_id, seen, made)
        text, note = self.wording(last)
        notes = [note] if note else []
        last_snapshot = self.snapshots[-1]
        if last.snapshot != len(self.snapshots) - 1:
            notes.append(
                f"Not listed in the snapshot of {last_snapshot.date}; last listed in the snapshot"
                f" of {self.snapshots[last.snapshot].date}."
            )
        parties = [self.actor(name) for name in last.parties]
        record: dict[str, Any] = {"id": record_id, "text": text}
        if self.mapping.records == "claims":
            record["kind"] = self.mapping.claim_kind.value
            if parties:
                record["claimants"] = parties
        else:
            record["category"] = self.category(last)
            if parties:
                record["obligors"] = parties
            if last.due is not None:
                record["due"] = last.due.edtf
        record["history"] = history
        cited = {e for entry in history for e in entry["evidence"]}
        extra = [e for e in dict.fromkeys(loose) if e not in cited]
        if extra:
            record["evidence"] = extra
        if notes:
            record["note"] = "\n\n".join(notes)
        return record

    def history(
        self, record_id: str, seen: list[_Observation], made: PartialDate
    ) -> tuple[list[dict[str, Any]], list[str]]:
        """The status entries (one per change of status) and the evidence cited by no entry."""
        first = seen[0]
        kind = ClaimStatus if self.mapping.records == "claims" else CommitmentStatus
        initial = initial_status(kind)
        inferred = None
        if first.made is None:
            inferred = f"not given; first listed by {self.mapping.name}"
            if first.status_date is None:
                inferred += f" in its snapshot of {made}"
        evidence = self.cite(first.urls, initial, first.snapshot, with_snapshot=True)
        history = [_entry(made, inferred, initial, evidence)]
        current: Status = initial
        current_date = made
        loose: list[str] = []
        for position, observation in enumerate(seen):
            if observation.status == current:
                loose.extend(self.cite(observation.urls, current, observation.snapshot))
                continue
            previous = seen[position - 1] if position else None
            date, reason = self.change_date(observation, previous, made)
            evidence = self.cite(
                observation.urls, observation.status, observation.snapshot, with_snapshot=True
            )
            location = observation.row.location
            refusal = transition_refusal(
                record_id, current, observation.status, [_stance(observation.status)]
            )
            if refusal is not None:
                self.importer.add(location.at(self.mapping.columns.status), refusal[1])
            elif date.known_before(current_date):
                self.importer.add(
                    location.at(self.mapping.columns.status_date or self.mapping.columns.status),
                    f"the status date {date} is before the previous entry's {current_date}",
                )
            history.append(_entry(date, reason, observation.status, evidence))
            current, current_date = observation.status, date
        return history, loose

    def change_date(
        self, observation: _Observation, previous: _Observation | None, made: PartialDate
    ) -> tuple[PartialDate, str | None]:
        """When a status was set: the row's status date, else the snapshot's (inferred).

        A status date left as it was when the status changed is stale (the keeper forgot to
        update it) and is not believed: the snapshot's date is used, saying why.
        """
        stale = (
            previous is not None
            and observation.status_date is not None
            and observation.status_date == previous.status_date
        )
        if observation.status_date is not None and not stale:
            return observation.status_date, None
        snapshot = self.snapshots[observation.snapshot].date
        if snapshot is None:  # a single undated snapshot: only the pledge's date is known
            return made, "not given; the tracker gives only the pledge's date"
        reason = f"not given; first reported in {self.mapping.name}'s snapshot of {snapshot}"
        if stale:
            column = self.mapping.columns.status_date
            reason = (
                f"{column!r} still said {observation.status_date} when the status changed;"
                f" first reported in {self.mapping.name}'s snapshot of {snapshot}"
            )
        if previous is not None:
            reason += f" (the status was {previous.row.text(self.mapping.columns.status)!r}"
            reason += f" in its snapshot of {self.snapshots[previous.snapshot].date})"
        return snapshot, reason

    def presence(self, record_id: str, key: str, seen: list[_Observation]) -> None:
        listed = {observation.snapshot: observation for observation in seen}
        for index in range(1, len(self.snapshots)):
            snapshot = self.snapshots[index]
            if index in listed and index - 1 not in listed:
                self.appeared.append(
                    Presence(record_id, key, "appeared", snapshot.date, listed[index].row.location)
                )
            elif index - 1 in listed and index not in listed:
                self.disappeared.append(
                    Presence(
                        record_id,
                        key,
                        "disappeared",
                        snapshot.date,
                        Location(os.fspath(snapshot.path)),
                    )
                )

    def wording(self, observation: _Observation) -> tuple[str, str | None]:
        columns = self.mapping.columns
        title = observation.row.text(columns.title) if columns.title else ""
        text = observation.row.text(columns.text) if columns.text else ""
        extra = observation.row.text(columns.note) if columns.note else ""
        if not title and not text:
            self.importer.add(
                observation.row.location.at(columns.title or columns.text),
                "empty: say what was pledged or claimed",
            )
        if title and text and text != title:
            return title, "\n\n".join(part for part in (text, extra) if part)
        return title or text, extra or None

    def category(self, observation: _Observation) -> str:
        column = self.mapping.columns.category
        given = observation.row.text(column) if column else ""
        return (
            _slug(given, separator="_")
            or _slug(self.mapping.default_category, separator="_")
            or "uncategorised"
        )

    # -- sources, evidence, actors ------------------------------------------------------------

    def actor(self, name: str) -> str:
        actor_id = _slug(name, limit=60) or _digest(name)
        self.actors.setdefault(
            actor_id, {"id": actor_id, "name": name, "kind": self.mapping.party_kind.value}
        )
        return actor_id

    def cite(
        self, urls: Iterable[str], status: Status, snapshot: int, *, with_snapshot: bool = False
    ) -> list[str]:
        stance = _stance(status)
        cited = [self.url_evidence(url, stance) for url in urls]
        if with_snapshot:
            cited.insert(0, self.snapshot_evidence(snapshot, stance))
        return cited

    def url_evidence(self, url: str, stance: Stance) -> str:
        source_id = "src-" + (_slug(url.split("://", 1)[-1], limit=60) or _digest(url))
        existing = self.sources.get(source_id)
        if existing is not None and existing["url"] != url:
            source_id = f"{source_id}-{_digest(url)}"
        self.sources.setdefault(
            source_id,
            {"id": source_id, "title": url, "kind": self.mapping.source_kind.value, "url": url},
        )
        return self.evidence_for(source_id, stance, f"Linked by {self.mapping.name}.")

    def snapshot_evidence(self, index: int, stance: Stance) -> str:
        snapshot = self.snapshots[index]
        suffix = snapshot.date.edtf if snapshot.date is not None else "snapshot"
        source_id = f"src-{self.tracker_slug}-{_slug(suffix)}"
        if source_id not in self.sources:
            source: dict[str, Any] = {
                "id": source_id,
                "title": f"{self.mapping.name}"
                + (f", snapshot of {snapshot.date}" if snapshot.date else ""),
                "kind": "dataset",
            }
            if snapshot.date is not None:
                source["published"] = snapshot.date.edtf
            if self.mapping.url is not None:
                source["url"] = self.mapping.url
            source["note"] = f"Imported from {snapshot.path.name}."
            self.sources[source_id] = source
        return self.evidence_for(source_id, stance, "The tracker's own rating.")

    def evidence_for(self, source_id: str, stance: Stance, note: str) -> str:
        evidence_id = f"ev-{source_id.removeprefix('src-')}-{stance.value}"
        self.evidence.setdefault(
            evidence_id,
            {"id": evidence_id, "source": source_id, "stance": stance.value, "note": note},
        )
        return evidence_id


def _entry(
    date: PartialDate, inferred: str | None, status: Status, evidence: list[str]
) -> dict[str, Any]:
    when: str | dict[str, str] = (
        date.edtf if inferred is None else {"edtf": date.edtf, "inferred": inferred}
    )
    return {"date": when, "status": status.value, "evidence": list(dict.fromkeys(evidence))}


def _slug(text: str, *, separator: str = "-", limit: int = 80) -> str:
    """Lowercase ASCII letters and digits joined by ``separator``: a valid id or category."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", folded.lower())
    slug = separator.join(words)
    if len(slug) > limit:
        slug = slug[:limit].rstrip(separator) + separator + _digest(text)
    return slug


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
