"""The history operations of a changeset: check, progress, correct, withdraw (an entry or a
figure).

Each calls the Ledger's own update (``record_check``, ``add_progress``, ``correct``,
``withdraw``), the same functions ``claimtrack check``, ``progress``, ``correct`` and
``withdraw`` call on a file, so a changeset and the commands cannot disagree.
"""

from __future__ import annotations

from typing import Any

from claimtrack.amend import _status
from claimtrack.changeset.operations import Check, Correct, Progress, Withdraw
from claimtrack.changeset.texts import ArchivedTexts
from claimtrack.errors import UnknownId
from claimtrack.ledger import Ledger
from claimtrack.model import Progress as ProgressFigure

__all__ = ["HISTORY_HANDLERS"]


def _joined(*parts: str | None) -> str | None:
    """Reason and note as one note, as ``claimtrack check --reason --note`` joins them."""
    given = [part for part in parts if part and part.strip()]
    return "; ".join(given) if given else None


def _check(ledger: Ledger, op: Check, texts: ArchivedTexts) -> tuple[Ledger, str]:
    status = None if op.status is None else _status(ledger, op.item, op.status)
    updated = ledger.record_check(
        op.item,
        on=op.on,
        searched=op.searched,
        sought=op.sought,
        by=op.by,
        status=status,
        date=op.date,
        note=_joined(op.reason, op.note),
    )
    shown = "confirms the status" if status is None else f"supports {status.value}"
    return updated, f"{op.item}: search on {op.on} {shown}"


def _progress(ledger: Ledger, op: Progress, texts: ArchivedTexts) -> tuple[Ledger, str]:
    from claimtrack.changeset.apply import cited

    ledger.commitments[op.item]
    updated, evidence = cited(ledger, op, texts)
    figure = ProgressFigure(
        id=op.id,
        date=op.on,
        value=op.value,
        of=op.of,
        unit=op.unit,
        evidence=evidence,
        note=op.note,
    )
    of = "" if op.of is None else f" of {op.of:g}"
    return updated.add_progress(
        op.item, figure
    ), f"{op.item}: {op.value:g}{of} {op.unit} on {op.on}"


def _correct(ledger: Ledger, op: Correct, texts: ArchivedTexts) -> tuple[Ledger, str]:
    item = ledger.item_of(op.entry)
    status = None if op.status is None else _status(ledger, item.id, op.status)
    updated = ledger.correct(
        op.entry,
        on=op.on,
        reason=op.reason,
        status=status,
        date=op.date,
        evidence=op.evidence or None,
        note=op.note,
        value=op.value,
        of=op.of,
        unit=op.unit,
    )
    return updated, f"{item.id}: {_noun(ledger, op.entry)} {op.entry} corrected on {op.on}"


def _withdraw(ledger: Ledger, op: Withdraw, texts: ArchivedTexts) -> tuple[Ledger, str]:
    item = ledger.item_of(op.entry)
    updated = ledger.withdraw(op.entry, on=op.on, reason=op.reason)
    return updated, f"{item.id}: {_noun(ledger, op.entry)} {op.entry} withdrawn on {op.on}"


def _noun(ledger: Ledger, record_id: str) -> str:
    """``figure`` for a progress figure's id, else ``entry``."""
    try:
        ledger.figure(record_id)
    except UnknownId:
        return "entry"
    return "figure"


HISTORY_HANDLERS: dict[type, Any] = {
    Check: _check,
    Progress: _progress,
    Correct: _correct,
    Withdraw: _withdraw,
}
