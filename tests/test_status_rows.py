"""The status and claim tables answer from the as-of index with the day resolved once; each
cell must be what the ledger's own per-item questions answer (``flags``, ``basis``, ``since``,
``progress``), on every bundled ledger and on many days."""

from __future__ import annotations

import datetime as dt

import pytest

from claimtrack import datasets
from claimtrack.ledger import Ledger
from claimtrack.lifecycle import PAM_LEVELS
from claimtrack.report import COMMITMENT_COLUMNS, claim_table, status_table
from claimtrack.report.status import basis, flags, names, progress
from claimtrack.report.table import cells

DAYS = [dt.date(year, month, 28) for year in range(2012, 2026) for month in (3, 9)]


@pytest.fixture(scope="module", params=["pakistan_iran", "pakistan_iran_monitor"])
def ledger(request: pytest.FixtureRequest) -> Ledger:
    loaded: Ledger = getattr(datasets, request.param)()
    return loaded


def _since(ledger: Ledger, item_id: str, day: dt.date) -> object:
    began = ledger.status_since(item_id, day)
    return None if began is None else began.date


def test_commitment_rows_are_the_per_item_answers(ledger: Ledger) -> None:
    """Every row of status_table (every column) equals the row built from per-item questions."""
    for day in DAYS:
        expected = []
        for c in ledger.commitments:
            current = ledger.status_as_of(c.id, day)
            if current is None:
                continue
            expected.append(
                cells(
                    [
                        c.id,
                        c.text,
                        c.agreement,
                        c.category,
                        names(ledger, c.obligors),
                        current.status.value,
                        _since(ledger, c.id, day),
                        PAM_LEVELS[current.status],
                        progress(ledger, c, day),
                        basis(ledger, c, day),
                        flags(ledger, c, day, 365),
                    ]
                )
            )
        table = status_table(ledger, day, columns=list(COMMITMENT_COLUMNS))
        assert list(table.rows) == expected
        shown = status_table(ledger, day)  # the default view: progress only if any has one
        with_figures = any(row[8] is not None for row in expected)
        assert ("progress" in shown.headers) == with_figures


def test_claim_rows_are_the_per_item_answers(ledger: Ledger) -> None:
    """Every row of claim_table equals the row built from per-item questions."""
    for day in DAYS:
        expected = []
        for claim in ledger.claims:
            current = ledger.status_as_of(claim.id, day)
            if current is None:
                continue
            expected.append(
                cells(
                    [
                        claim.id,
                        claim.text,
                        claim.kind.value,
                        names(ledger, claim.claimants),
                        current.status.value,
                        _since(ledger, claim.id, day),
                        basis(ledger, claim, day),
                        flags(ledger, claim, day, 365),
                    ]
                )
            )
        assert list(claim_table(ledger, day).rows) == expected
