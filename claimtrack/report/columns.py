"""The columns of every report table, named once: the tables use them and ``--help`` lists them.

A column is asked for by its header or by its key (``latest evidence`` or ``latest_evidence``).
"""

from __future__ import annotations

from claimtrack.lifecycle import POLITIFACT_LABELS, CommitmentStatus

__all__ = [
    "CLAIM",
    "COMMITMENT",
    "CONFIDENCE",
    "DIFF",
    "EVIDENCE",
    "LEVELS",
    "POLITIFACT_ORDER",
    "RECURRENCE",
    "SCORECARD",
    "TIMELINE",
]

COMMITMENT = (
    "id",
    "pledge",
    "agreement",
    "category",
    "responsible",
    "status",
    "since",
    "PAM",
    "progress",
    "latest evidence",
    "flags",
)
CLAIM = ("id", "claim", "kind", "claimant", "status", "since", "latest evidence", "flags")
TIMELINE = ("date", "kind", "item", "what")
DIFF = ("date", "change", "item", "what")
EVIDENCE = ("evidence", "source", "published", "stance", "grade", "quote")
CONFIDENCE = (
    "id",
    "item",
    "status",
    "strongest grade",
    "independent sources",
    "evidence",
    "flags",
)
RECURRENCE = (
    "chain",
    "pledge",
    "pledges",
    "first pledged",
    "last pledged",
    "years since first",
    "ever implemented",
    "status now",
)

#: PolitiFact meter labels in the order the tally shows them.
POLITIFACT_ORDER = (
    "Promise Kept",
    "Compromise",
    "Promise Broken",
    "In the Works",
    "Stalled",
    "Not Yet Rated",
)
#: The Peace Accords Matrix implementation levels, as the scorecard heads them.
LEVELS = ("L0 not initiated", "L1 minimal", "L2 intermediate", "L3 full")

#: The scorecard's figures in one table (data formats, ``--columns``): one row per group.
SCORECARD = (
    "group",
    "commitments",
    "scored",
    "PAM score",
    *(f"L{level} share" for level in range(4)),
    *(status.value for status in CommitmentStatus),
    *(f"PolitiFact {label}" for label in POLITIFACT_ORDER),
)

assert set(POLITIFACT_ORDER) == set(POLITIFACT_LABELS.values())  # noqa: S101 - import-time check
