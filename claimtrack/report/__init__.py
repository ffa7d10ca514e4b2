"""Reports over a ledger: plain functions that take a ``Ledger`` and an as-of day.

Most return a ``Table`` that renders in any tabulate format, CSV or JSON, prints readably in a
terminal and shows as HTML in a notebook; ``html_report`` returns a standalone page.
"""

import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

#: Where each public name lives: a report's module is imported on first use, so the command
#: line imports only the report it prints.
_LAZY: dict[str, str] = {
    "confidence_table": "claimtrack.report.evidence",
    "evidence_report": "claimtrack.report.evidence",
    "grade": "claimtrack.report.evidence",
    "html_report": "claimtrack.report.page",
    "Chain": "claimtrack.report.recurrence",
    "chains": "claimtrack.report.recurrence",
    "recurrence_table": "claimtrack.report.recurrence",
    "corrections_table": "claimtrack.report.revisions",
    "progress_table": "claimtrack.report.revisions",
    "Scorecard": "claimtrack.report.scorecard",
    "ScoreLine": "claimtrack.report.scorecard",
    "largest_remainder": "claimtrack.report.scorecard",
    "scorecard": "claimtrack.report.scorecard",
    "CLAIM_COLUMNS": "claimtrack.report.status",
    "COMMITMENT_COLUMNS": "claimtrack.report.status",
    "UnknownColumn": "claimtrack.report.status",
    "UnknownStatus": "claimtrack.report.status",
    "claim_table": "claimtrack.report.status",
    "status_table": "claimtrack.report.status",
    "Table": "claimtrack.report.table",
    "UnknownFormat": "claimtrack.report.table",
    "formats": "claimtrack.report.table",
    "TimelineEntry": "claimtrack.report.timeline",
    "diff": "claimtrack.report.timeline",
    "timeline": "claimtrack.report.timeline",
    "timeline_entries": "claimtrack.report.timeline",
}


def __getattr__(name: str) -> Any:
    import importlib

    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'claimtrack.report' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


class _Package(types.ModuleType):
    """This package, keeping a report function under its name once the module of the same name
    (``timeline``, ``scorecard``) is imported: the import system binds the submodule here, and
    ``claimtrack.report.timeline`` has always been the function."""

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, types.ModuleType) and _LAZY.get(name) == f"{__name__}.{name}":
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


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
