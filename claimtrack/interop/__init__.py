"""Other trackers' data in, open formats out: tracker import, status vocabularies, exports.

``import_records`` builds a ledger from a tracker's CSV, JSON or JSON Lines files (one or several
dated snapshots) through a declarative ``TrackerMapping``; ``claimreview``, ``web_annotations``,
``write_sqlite`` / ``read_sqlite`` and ``write_csv_tables`` give a ledger back as schema.org
ClaimReview, W3C Web Annotations, a SQLite database and one CSV file per entity.
"""

from claimtrack.interop.annotations import web_annotations, web_annotations_json
from claimtrack.interop.claimreview import claimreview, claimreview_json
from claimtrack.interop.import_report import ImportReport, Presence, Untracked, UnusualMove
from claimtrack.interop.mapping import Columns, TrackerMapping, read_mapping
from claimtrack.interop.problems import ImportProblem, ImportProblems, Location
from claimtrack.interop.renames import Renames, read_renames
from claimtrack.interop.snapshots import Snapshot
from claimtrack.interop.sqlite import DatabaseProblem, read_sqlite, sqlite_bytes, write_sqlite
from claimtrack.interop.tables import NeedsFolder, write_csv_tables
from claimtrack.interop.tracker import ImportResult, import_records, likely_renames
from claimtrack.interop.vocabularies import (
    UnknownVocabulary,
    UnmappedStatus,
    Vocabulary,
    VocabularyClash,
    register_vocabulary,
    unregister_vocabulary,
    vocabularies,
    vocabulary,
)

__all__ = [
    "Columns",
    "DatabaseProblem",
    "ImportProblem",
    "ImportProblems",
    "ImportReport",
    "ImportResult",
    "Location",
    "NeedsFolder",
    "Presence",
    "Renames",
    "Snapshot",
    "TrackerMapping",
    "UnknownVocabulary",
    "UnmappedStatus",
    "Untracked",
    "UnusualMove",
    "Vocabulary",
    "VocabularyClash",
    "claimreview",
    "claimreview_json",
    "import_records",
    "likely_renames",
    "read_mapping",
    "read_renames",
    "read_sqlite",
    "register_vocabulary",
    "sqlite_bytes",
    "unregister_vocabulary",
    "vocabularies",
    "vocabulary",
    "web_annotations",
    "web_annotations_json",
    "write_csv_tables",
    "write_sqlite",
]
