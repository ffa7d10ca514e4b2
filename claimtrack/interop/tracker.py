"""Importing a tracker's records, from one file or from snapshots of it taken over time.

Each snapshot is the tracker's file as it stood at a moment (``interop.snapshots``). Rows are
matched across snapshots by the mapping's key, read through its renames (``interop.observations``);
every change of status between snapshots becomes a dated status change, unusual moves included,
each with its reason (``interop.histories``). The records are built as a ledger document and
validated by ``claimtrack.codec.from_document``, like any ledger file.

Every problem in every file is reported in one pass, by file, row and column: files that cannot be
read, snapshots that cannot be ordered, columns missing, status words not mapped, bad cells and
keys listed twice, all together. Nothing is written unless the whole import succeeds.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence

from attrs import frozen

from claimtrack.codec import from_document
from claimtrack.errors import InvalidLedger
from claimtrack.interop.histories import HistoryBuilder
from claimtrack.interop.import_report import ImportReport, Presence
from claimtrack.interop.mapping import DUPLICATE_KEYS, TrackerMapping
from claimtrack.interop.observations import Observer
from claimtrack.interop.problems import ImportProblem, ImportProblems, Location
from claimtrack.interop.rename_suggestions import Listed, RenameSuggestion, suggest_renames
from claimtrack.interop.renames import Renames
from claimtrack.interop.rows import RecordsFile, read_rows
from claimtrack.interop.snapshots import Snapshot, snapshot_problems, taken_in_order
from claimtrack.ledger import Ledger

__all__ = [
    "ImportReport",
    "ImportResult",
    "Presence",
    "Snapshot",
    "import_records",
    "likely_renames",
]

SnapshotArgument = Snapshot | str | os.PathLike[str]


@frozen
class ImportResult:
    """The imported ledger, the report of what the import did, and each row's record.

    ``record_of`` maps ``(file, row number)`` to the id of the record the row was read into.
    """

    ledger: Ledger
    report: ImportReport
    record_of: Mapping[tuple[str, int], str] = {}


def import_records(
    snapshots: Sequence[SnapshotArgument],
    mapping: TrackerMapping,
    *,
    renames: Renames | None = None,
    duplicate_keys: str | None = None,
) -> ImportResult:
    """Build a ledger from snapshots of a tracker; ``ImportProblems`` lists every problem.

    Snapshots may be given in any order; they are taken in date-time order. A single snapshot may
    be undated when the mapping names a ``status_date`` or ``date`` column. ``renames`` adds to the
    mapping's ``[renames]``; ``duplicate_keys`` (``refuse`` or ``by-order``) overrides the
    mapping's choice.
    """
    if duplicate_keys is not None and duplicate_keys not in DUPLICATE_KEYS:
        raise ValueError(f"duplicate_keys must be one of {', '.join(DUPLICATE_KEYS)}")
    taken = _snapshots(snapshots)
    problems, files = _read(taken, mapping)
    ordered = not problems  # histories are built only from snapshots in a known order
    declared = mapping.renames + renames if renames else mapping.renames
    observer = Observer(mapping, declared, duplicate_keys or mapping.duplicate_keys)
    observations = observer.observe(files)
    builder = HistoryBuilder(mapping, [snapshot for snapshot, _ in files])
    document = builder.document(observations) if ordered else {}
    problems += observer.problems + observer.vocabulary_problems() + builder.problems
    if problems:
        problems.sort(key=lambda problem: _order(problem.location))
        raise ImportProblems(problems)
    try:
        ledger = from_document(document)
    except InvalidLedger as error:
        raise ImportProblems(
            [
                ImportProblem(Location(builder.origin(p.path)), f"{p.path}: {p.message}")
                for p in error.problems
            ]
        ) from None
    applied = tuple(observer.renamed[old] for old in sorted(observer.renamed))
    report = ImportReport(
        snapshots=tuple((records.name, snap.date, len(records.rows)) for snap, records in files),
        moments=tuple(snap.moment for snap, _ in files),
        records=len(ledger.commitments) + len(ledger.claims),
        changes=builder.changes,
        sources=len(ledger.sources),
        appeared=tuple(sorted(builder.appeared, key=_presence_order)),
        disappeared=tuple(sorted(builder.disappeared, key=_presence_order)),
        first_statuses=tuple(sorted(builder.first_statuses.items())),
        unusual=tuple(builder.unusual),
        untracked=tuple(builder.untracked),
        renames=applied,
        unused_renames=tuple(r for r in declared.declared if r.old not in observer.renamed),
        kept_apart=tuple(observer.kept_apart),
    )
    return ImportResult(ledger, report, dict(builder.ids))


def likely_renames(
    snapshots: Sequence[SnapshotArgument], mapping: TrackerMapping, *, threshold: float = 0.8
) -> list[RenameSuggestion]:
    """Likely renames between consecutive snapshots, for a person to confirm (``--renames``).

    Keys are read through the mapping's renames already declared. See
    ``claimtrack.interop.rename_suggestions`` for the measure.
    """
    problems, files = _read(_snapshots(snapshots), mapping)
    if problems:
        raise ImportProblems(problems)
    observer = Observer(mapping, mapping.renames, "by-order")
    observer.observe(files)  # checks the columns; rows are listed below
    listed: list[list[Listed]] = []
    columns = mapping.columns
    for _, records in files:
        rows = []
        for row in records.rows:
            key = observer.key(row)
            if key is None:
                continue
            title = row.text(columns.title or columns.text or columns.key[-1])
            urls = observer.urls(row)
            rows.append(Listed(mapping.renames.final(key), title, urls, row.location))
        listed.append(rows)
    if observer.problems:
        raise ImportProblems(observer.problems)
    return suggest_renames(listed, threshold=threshold)


def _snapshots(snapshots: Sequence[SnapshotArgument]) -> list[Snapshot]:
    return [
        item if isinstance(item, Snapshot) else Snapshot.from_argument(os.fspath(item))
        for item in snapshots
    ]


def _read(
    taken: list[Snapshot], mapping: TrackerMapping
) -> tuple[list[ImportProblem], list[tuple[Snapshot, RecordsFile]]]:
    """Every readable snapshot, in date-time order, and the problems of the rest."""
    if not taken:
        return [ImportProblem(Location("<input>"), "no records file given")], []
    columns = mapping.columns
    dated_rows = columns.status_date is not None or columns.date is not None
    problems = snapshot_problems(taken, dated_rows=dated_rows)
    files: list[tuple[Snapshot, RecordsFile]] = []
    for snapshot in taken_in_order(taken):
        try:
            files.append((snapshot, read_rows(snapshot.path, mapping.format)))
        except ImportProblems as error:
            problems.extend(error.problems)
    return problems, files


def _presence_order(presence: Presence) -> tuple[tuple[int, ...], str, str]:
    day = presence.snapshot.sort_key()[:3] if presence.snapshot else (0,)
    return (day, presence.moment, presence.record)


def _order(location: Location) -> tuple[str, int, str]:
    number = re.search(r"\d+", location.row or "")
    return (location.file, int(number.group()) if number else 0, location.column or "")
