"""Reports over a ledger: plain functions that take a ``Ledger`` and an as-of day.

Most return a ``Table`` that renders in any tabulate format, CSV or JSON, prints readably in a
terminal and shows as HTML in a notebook; ``html_report`` returns a standalone page.
"""

from claimtrack.report.evidence import confidence_table, evidence_report, grade
from claimtrack.report.page import html_report
from claimtrack.report.recurrence import Chain, chains, recurrence_table
from claimtrack.report.revisions import corrections_table, progress_table
from claimtrack.report.scorecard import Scorecard, ScoreLine, largest_remainder, scorecard
from claimtrack.report.status import (
    CLAIM_COLUMNS,
    COMMITMENT_COLUMNS,
    UnknownColumn,
    UnknownStatus,
    claim_table,
    status_table,
)
from claimtrack.report.table import Table, UnknownFormat, formats
from claimtrack.report.timeline import TimelineEntry, diff, timeline, timeline_entries

__all__ = [
    "CLAIM_COLUMNS",
    "COMMITMENT_COLUMNS",
    "Chain",
    "ScoreLine",
    "Scorecard",
    "Table",
    "TimelineEntry",
    "UnknownColumn",
    "UnknownFormat",
    "UnknownStatus",
    "chains",
    "claim_table",
    "confidence_table",
    "corrections_table",
    "diff",
    "evidence_report",
    "formats",
    "grade",
    "html_report",
    "largest_remainder",
    "progress_table",
    "recurrence_table",
    "scorecard",
    "status_table",
    "timeline",
    "timeline_entries",
]
