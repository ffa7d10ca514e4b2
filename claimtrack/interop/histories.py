"""Checked observations turned into a ledger document: one record per key, its whole history.

A record's history starts with its pledge (or claim) and its *first status*, the status the
tracker gave it when first listed; every later snapshot whose status differs adds a *status
change*, dated by the row's status date or else by the snapshot's (the inferred reason says so).
A change outside the table of usual moves (achieved -> in progress) is kept as the tracker gave
it, with a reason naming the file, the row and both statuses: it is *unusual*, never a reason to
stop. A record absent from the last snapshot gets ``untracked``: the date of the first snapshot
without it, shown in its history and left out of reports from that day.
Each status cites the tracker's snapshot and the row's links (``interop.provenance``).
"""

from __future__ import annotations

import collections
import os
import re
from collections.abc import Sequence
from typing import Any

from claimtrack import _registry as registry
from claimtrack.codec import FORMAT_VERSION
from claimtrack.dates import PartialDate
from claimtrack.interop.import_report import Presence, Untracked, UnusualMove
from claimtrack.interop.mapping import TrackerMapping
from claimtrack.interop.observations import Observation
from claimtrack.interop.problems import ImportProblem, Location
from claimtrack.interop.provenance import Provenance, digest, slug
from claimtrack.interop.snapshots import Snapshot
from claimtrack.lifecycle import ClaimStatus, CommitmentStatus, allowed_next, initial_status

__all__ = ["HistoryBuilder"]

Status = CommitmentStatus | ClaimStatus


class HistoryBuilder:
    """Builds the ledger document from observations, in deterministic order, counting as it goes."""

    def __init__(self, mapping: TrackerMapping, snapshots: Sequence[Snapshot]) -> None:
        self.mapping = mapping
        self.snapshots = list(snapshots)
        self.problems: list[ImportProblem] = []
        self.provenance = Provenance(mapping, snapshots)
        self.appeared: list[Presence] = []
        self.disappeared: list[Presence] = []
        self.unusual: list[UnusualMove] = []
        self.untracked: list[Untracked] = []
        self.first_statuses: collections.Counter[str] = collections.Counter()
        self.changes = 0
        self.origins: list[Location] = []
        self.ids: dict[tuple[str, int], str] = {}  # (file, row) -> record id, for checking

    def add(self, location: Location, message: str) -> None:
        self.problems.append(ImportProblem(location, message))

    def origin(self, path: str) -> str:
        """The input place behind a JSON path of the built document, for stray problems."""
        found = re.match(r"\$\.(commitments|claims)\[(\d+)\]", path)
        if found is not None and int(found.group(2)) < len(self.origins):
            return str(self.origins[int(found.group(2))])
        return ", ".join(os.fspath(snapshot.path) for snapshot in self.snapshots)

    def document(self, observations: dict[str, list[Observation]]) -> dict[str, Any]:
        items: list[dict[str, Any]] = []
        ids: dict[str, str] = {}
        for key, seen in observations.items():
            record_id = self.record_id(key, seen[0])
            if record_id in ids:
                self.add(
                    seen[0].row.location.at(self.mapping.columns.id or self.mapping.columns.key[0]),
                    f"gives the id {record_id!r}, as does key {ids[record_id]!r}",
                )
                continue
            ids[record_id] = key
            item = self.item(record_id, key, seen)
            if item is not None:
                items.append(item)
                self.origins.append(seen[0].row.location)
        claims = self.mapping.records == registry.CLAIMS.name
        collection = (registry.CLAIMS if claims else registry.COMMITMENTS).name
        return {
            "format_version": FORMAT_VERSION,
            registry.SOURCES.name: list(self.provenance.sources.values()),
            registry.ACTORS.name: list(self.provenance.actors.values()),
            collection: items,
            registry.EVIDENCE.name: list(self.provenance.evidence.values()),
        }

    def record_id(self, key: str, first: Observation) -> str:
        column = self.mapping.columns.id
        given = first.row.text(column) if column is not None else ""
        chosen = (given or key).split("://", 1)[-1]  # a URL key: its address without scheme
        return self.mapping.id_prefix + (slug(chosen, limit=60) or digest(key))

    # -- one record -------------------------------------------------------------------------

    def item(self, record_id: str, key: str, seen: list[Observation]) -> dict[str, Any] | None:
        """One commitment or claim: its wording and parties as last listed, its whole history."""
        first = seen[0]
        for observation in seen:
            self.ids[(observation.row.location.file, _row_number(observation))] = record_id
        self.presence(record_id, key, seen)
        made = first.made or first.status_date or self.snapshots[first.snapshot].date
        if made is None:
            self.add(first.row.location, "no date for the pledge: map a 'date' column")
            return None
        history, loose = self.history(record_id, key, seen, made)
        text, note = self.wording(seen)
        parties = [self.provenance.actor(name) for name in self.parties(seen)]
        record: dict[str, Any] = {"id": record_id, "text": text}
        last = seen[-1]
        if self.mapping.records == registry.CLAIMS.name:
            record["kind"] = self.mapping.claim_kind.value
            if parties:
                record["claimants"] = parties
        else:
            record["category"] = self.category(self.latest(seen, "category"))
            if parties:
                record["obligors"] = parties
            due = self.latest(seen, "due").due
            if due is not None:
                record["due"] = due.edtf
        record["history"] = history
        cited = {e for entry in history for e in entry["evidence"]}
        extra = [e for e in dict.fromkeys(loose) if e not in cited]
        if extra:
            record["evidence"] = extra
        if note:
            record["note"] = note
        if last.snapshot != len(self.snapshots) - 1:
            since = self.snapshots[last.snapshot + 1].date
            if since is not None:
                record["untracked"] = since.edtf
                self.untracked.append(Untracked(record_id, key, since, last.row.location))
        return record

    def latest(self, seen: list[Observation], role: str) -> Observation:
        """The last observation whose snapshot has a column for ``role`` (else the last)."""
        return next((o for o in reversed(seen) if role in o.known), seen[-1])

    def parties(self, seen: list[Observation]) -> tuple[str, ...]:
        listed = self.latest(seen, "party").parties
        return listed or self.mapping.default_parties

    def history(
        self, record_id: str, key: str, seen: list[Observation], made: PartialDate
    ) -> tuple[list[dict[str, Any]], list[str]]:
        """The status entries (the pledge, its first status, each change) and loose evidence."""
        first = seen[0]
        kind = ClaimStatus if self.mapping.records == registry.CLAIMS.name else CommitmentStatus
        initial = initial_status(kind)
        inferred = None
        if first.made is None:
            inferred = f"not given; first listed by {self.mapping.name}"
            if first.status_date is None:
                inferred += f" in its snapshot of {made}"
        evidence = self.provenance.cite(first.urls, initial, first.snapshot, with_snapshot=True)
        history = [_entry(made, inferred, initial, evidence, None)]
        self.first_statuses[first.status.value] += 1
        current: Status = initial
        current_date = made
        loose: list[str] = []
        for position, observation in enumerate(seen):
            if observation.status == current:
                loose.extend(self.provenance.cite(observation.urls, current, observation.snapshot))
                continue
            previous = seen[position - 1] if position else None
            date, reason = self.change_date(observation, previous, made)
            evidence = self.provenance.cite(
                observation.urls, observation.status, observation.snapshot, with_snapshot=True
            )
            notes = [observation.note] if observation.note else []
            if previous is not None:
                self.changes += 1
            if observation.status not in allowed_next(current):
                why = self.unusual_reason(previous, observation, current)
                notes.append(why)
                column = self.mapping.columns.status
                self.unusual.append(
                    UnusualMove(
                        record_id,
                        key,
                        previous.row.text(column) if previous else current.value,
                        observation.row.text(column),
                        observation.row.location,
                        why,
                    )
                )
            if date.known_before(current_date):
                location = observation.row.location
                self.add(
                    location.at(self.mapping.columns.status_date or self.mapping.columns.status),
                    f"the status date {date} is before the previous entry's {current_date}",
                )
            note = "\n\n".join(notes) or None
            history.append(_entry(date, reason, observation.status, evidence, note))
            current, current_date = observation.status, date
        return history, loose

    def unusual_reason(
        self, previous: Observation | None, current: Observation, initial: Status
    ) -> str:
        """The note of an unusual move: the file, row and word of both statuses."""
        column = self.mapping.columns.status

        def place(observation: Observation) -> str:
            snapshot = self.snapshots[observation.snapshot]
            return f"{snapshot.path.name}, {observation.row.location.row} ({snapshot.moment})"

        now = f"{current.row.text(column)!r} ({current.status.value}) at {place(current)}"
        if previous is None:
            return (
                f"Unusual first status, recorded as {self.mapping.name} gave it: {column} {now},"
                f" straight from {initial.value!r}."
            )
        return (
            f"Unusual move, recorded as {self.mapping.name} gave it: {column}"
            f" {previous.row.text(column)!r} ({previous.status.value}) at {place(previous)},"
            f" then {now}."
        )

    def change_date(
        self, observation: Observation, previous: Observation | None, made: PartialDate
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
        snapshot = self.snapshots[observation.snapshot]
        if snapshot.date is None:  # a single undated snapshot: only the pledge's date is known
            return made, "not given; the tracker gives only the pledge's date"
        reason = f"not given; first reported in {self.mapping.name}'s snapshot of {snapshot.moment}"
        if stale:
            column = self.mapping.columns.status_date
            reason = (
                f"{column!r} still said {observation.status_date} when the status changed;"
                f" first reported in {self.mapping.name}'s snapshot of {snapshot.moment}"
            )
        if previous is not None:
            reason += f" (the status was {previous.row.text(self.mapping.columns.status)!r}"
            reason += f" in its snapshot of {self.snapshots[previous.snapshot].moment})"
        return snapshot.date, reason

    def presence(self, record_id: str, key: str, seen: list[Observation]) -> None:
        listed = {observation.snapshot: observation for observation in seen}
        for index in range(1, len(self.snapshots)):
            snapshot = self.snapshots[index]
            if index in listed and index - 1 not in listed:
                self.appeared.append(
                    Presence(
                        record_id,
                        key,
                        "appeared",
                        snapshot.date,
                        listed[index].row.location,
                        snapshot.moment,
                    )
                )
            elif index - 1 in listed and index not in listed:
                self.disappeared.append(
                    Presence(
                        record_id,
                        key,
                        "disappeared",
                        snapshot.date,
                        Location(os.fspath(snapshot.path)),
                        snapshot.moment,
                    )
                )

    def wording(self, seen: list[Observation]) -> tuple[str, str | None]:
        columns = self.mapping.columns
        title_row = self.latest(seen, "title").row
        title = title_row.text(columns.title) if columns.title else ""
        text = self.latest(seen, "text").row.text(columns.text) if columns.text else ""
        extra = self.latest(seen, "note").row.text(columns.note) if columns.note else ""
        known = seen[-1].known
        if not title and not text and ("title" in known or "text" in known):
            self.add(
                seen[-1].row.location.at(columns.title or columns.text),
                "empty: say what was pledged or claimed",
            )
        if title and text and text != title:
            return title, "\n\n".join(part for part in (text, extra) if part)
        return title or text, extra or None

    def category(self, observation: Observation) -> str:
        column = self.mapping.columns.category
        given = observation.row.text(column) if column else ""
        return (
            slug(given, separator="_")
            or slug(self.mapping.default_category, separator="_")
            or "uncategorised"
        )


def _row_number(observation: Observation) -> int:
    found = re.search(r"\d+", observation.row.location.row or "")
    return int(found.group()) if found else 0


def _entry(
    date: PartialDate,
    inferred: str | None,
    status: Status,
    evidence: list[str],
    note: str | None,
) -> dict[str, Any]:
    when: str | dict[str, str] = (
        date.edtf if inferred is None else {"edtf": date.edtf, "inferred": inferred}
    )
    entry: dict[str, Any] = {
        "date": when,
        "status": status.value,
        "evidence": list(dict.fromkeys(evidence)),
    }
    if note is not None:
        entry["note"] = note
    return entry
