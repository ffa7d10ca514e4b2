"""What was revised or measured after a pledge was made: progress figures and corrections, as known
on a day, for the site's item pages and the single-page report alike.

A progress figure comes from a status entry's measure or from a progress record; a correction
keeps the entry (or the progress record) as it was, with when and why it was corrected or
withdrawn. Each is shown only
once known by the as-of day (an entry from the day its item's history made it known, a record or
correction from its own date).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from attrs import frozen

from claimtrack.dates import PartialDate
from claimtrack.ledger import AsOf, Ledger, as_day
from claimtrack.model import (
    Claim,
    Commitment,
    Correction,
    Progress,
    ProgressCorrection,
    StatusChange,
)
from claimtrack.report.table import Table

__all__ = [
    "CORRECTIONS",
    "PROGRESS",
    "Figure",
    "Fix",
    "corrections_table",
    "known_figures",
    "known_fixes",
    "progress_table",
]

PROGRESS = ("date", "commitment", "figure", "of", "share", "note")
CORRECTIONS = ("corrected on", "item", "entry of", "was", "change", "reason")


@frozen
class Figure:
    """A progress figure known by the as-of day: from a status entry or a progress record."""

    date: PartialDate
    value: float
    of: float | None
    unit: str
    evidence: tuple[str, ...]
    note: str | None

    @property
    def share(self) -> float | None:
        """``value / of`` when the total is known and positive, else ``None``."""
        return self.value / self.of if self.of else None


@frozen
class Fix:
    """A correction known by the as-of day: the entry as it was, when and why it was corrected,
    and whether it was replaced or withdrawn. For a corrected progress figure, ``figure`` is
    the figure as it was (``658 of 830 km``) and ``status`` is empty."""

    on: PartialDate
    reason: str
    date: PartialDate
    status: str
    withdrawn: bool
    figure: str | None = None

    @property
    def was(self) -> str:
        """What the corrected entry said: its status, or the figure."""
        return self.figure if self.figure is not None else self.status


def known_figures(ledger: Ledger, commitment: Commitment, day: dt.date) -> list[Figure]:
    """Progress figures known by the day, from status entries and progress records, by date."""
    target = commitment.target
    history: Sequence[StatusChange[Any]] = commitment.history
    found = [
        Figure(
            change.date,
            change.progress.value,
            target.value if target and target.unit == change.progress.unit else None,
            change.progress.unit,
            change.evidence,
            change.progress.description,
        )
        for position, change in enumerate(history)
        if change.progress is not None and ledger.known_from(commitment.id, position) <= day
    ]
    found.extend(
        Figure(record.date, record.value, record.of, record.unit, record.evidence, record.note)
        for record in commitment.progress
        if record.date.known_by(day)
    )
    return sorted(found, key=lambda figure: figure.date.sort_key())


def known_fixes(item: Commitment | Claim, day: dt.date) -> list[Fix]:
    """Corrections and withdrawals of the item's history and progress figures known by the day,
    by the day of the correction."""
    corrections: Sequence[Correction[Any]] = item.corrections
    found = [
        Fix(
            fix.on,
            fix.reason,
            fix.superseded.date,
            fix.superseded.status.value,
            fix.replacement is None,
        )
        for fix in corrections
        if fix.on.known_by(day)
    ]
    figures: Sequence[ProgressCorrection] = getattr(item, "progress_corrections", ())
    if figures:
        found.extend(
            Fix(
                fix.on,
                fix.reason,
                fix.superseded.date,
                "",
                fix.replacement is None,
                _as_was(fix.superseded),
            )
            for fix in figures
            if fix.on.known_by(day)
        )
        found.sort(key=lambda fix: fix.on.sort_key())
    return found


def _as_was(figure: Progress) -> str:
    of = "" if figure.of is None else f" of {figure.of:g}"
    return f"{figure.value:g}{of} {figure.unit}"


def progress_table(ledger: Ledger, as_of: AsOf) -> Table:
    """Every progress figure known by the as-of day, one row each, by commitment."""
    day = as_day(as_of)
    rows = tuple(
        (
            figure.date,
            commitment.id,
            f"{figure.value:g} {figure.unit}",
            None if figure.of is None else f"{figure.of:g} {figure.unit}",
            None if figure.share is None else f"{figure.share * 100:.0f}%",
            figure.note,
        )
        for commitment in ledger.commitments
        for figure in known_figures(ledger, commitment, day)
    )
    return Table(
        PROGRESS,
        rows,
        title=f"Progress figures as of {day}",
        wrap=("note",),
        narrow=("date", "commitment", "figure", "note"),
    )


def corrections_table(ledger: Ledger, as_of: AsOf) -> Table:
    """Every correction and withdrawal known by the as-of day: the entry (its status) or the
    progress figure as it was, and why."""
    day = as_day(as_of)
    items: list[Commitment | Claim] = [*ledger.commitments, *ledger.claims]
    rows = tuple(
        (
            fix.on,
            item.id,
            fix.date,
            fix.was,
            "withdrawn" if fix.withdrawn else "corrected",
            fix.reason,
        )
        for item in items
        for fix in known_fixes(item, day)
    )
    return Table(
        CORRECTIONS,
        rows,
        title=f"Corrections as of {day}",
        wrap=("reason",),
        narrow=("corrected on", "item", "change", "reason"),
    )
