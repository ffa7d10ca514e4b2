"""The status and claim tables answer from the as-of index with the day resolved once; each
cell must be what the ledger's own per-item questions answer (``flags``, ``basis``, ``since``,
``progress``), on every bundled ledger and on many days."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack import datasets
from claimtrack.dates import PartialDate
from claimtrack.ledger import Ledger
from claimtrack.lifecycle import OPEN_COMMITMENT_STATUSES, PAM_LEVELS, ClaimStatus
from claimtrack.report import COMMITMENT_COLUMNS, claim_table, status_table
from claimtrack.report.status import basis, flags, names, progress
from claimtrack.report.table import Cell, cells
from tests.strategies import ledgers

DAYS = [dt.date(year, month, 28) for year in range(2012, 2026) for month in (3, 9)]


@pytest.fixture(scope="module", params=["pakistan_iran", "pakistan_iran_monitor"])
def ledger(request: pytest.FixtureRequest) -> Ledger:
    loaded: Ledger = getattr(datasets, request.param)()
    return loaded


def _since(ledger: Ledger, item_id: str, day: dt.date) -> PartialDate | None:
    began = ledger.status_since(item_id, day)
    return None if began is None else began.date


def _commitment_rows(ledger: Ledger, day: dt.date, stale_days: int = 365) -> list[tuple[Cell, ...]]:
    """The status table's rows, each cell from the ledger's per-item questions."""
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
                    flags(ledger, c, day, stale_days),
                ]
            )
        )
    return expected


def _claim_rows(ledger: Ledger, day: dt.date, stale_days: int = 365) -> list[tuple[Cell, ...]]:
    """The claim table's rows, each cell from the ledger's per-item questions."""
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
                    flags(ledger, claim, day, stale_days),
                ]
            )
        )
    return expected


def test_commitment_rows_are_the_per_item_answers(ledger: Ledger) -> None:
    """Every row of status_table (every column) equals the row built from per-item questions."""
    for day in DAYS:
        expected = _commitment_rows(ledger, day)
        table = status_table(ledger, day, columns=list(COMMITMENT_COLUMNS))
        assert list(table.rows) == expected
        shown = status_table(ledger, day)  # the default view: progress only if any has one
        with_figures = any(row[8] is not None for row in expected)
        assert ("progress" in shown.headers) == with_figures


def test_claim_rows_are_the_per_item_answers(ledger: Ledger) -> None:
    """Every row of claim_table equals the row built from per-item questions."""
    for day in DAYS:
        assert list(claim_table(ledger, day).rows) == _claim_rows(ledger, day)


def _days_that_matter(ledger: Ledger) -> list[dt.date]:
    """The days on which what a table says can change (publications, history entries, due
    dates), with the days before and after each."""
    dates = [s.published for s in ledger.sources if s.published is not None]
    for item in [*ledger.commitments, *ledger.claims]:
        dates.extend(change.date for change in item.history)
    dates.extend(c.due for c in ledger.commitments if c.due is not None)
    days = {date.latest for date in dates} | {date.earliest for date in dates}
    return sorted(day + dt.timedelta(days=shift) for day in days for shift in (-1, 0, 1))


@settings(max_examples=60, deadline=None)
@given(ledgers(max_items=4, every_stance=True), st.data(), st.integers(0, 800))
def test_any_ledger_rows_are_the_per_item_answers(
    ledger: Ledger, data: st.DataObject, stale_days: int
) -> None:
    """On any valid ledger (sources of unknown date, evidence published the same day, unusual
    moves, checks), on the days that matter, both tables say what the per-item questions say."""
    candidates = _days_that_matter(ledger) or [dt.date(2020, 1, 1)]
    for day in data.draw(st.lists(st.sampled_from(candidates), min_size=1, max_size=4)):
        table = status_table(ledger, day, columns=list(COMMITMENT_COLUMNS), stale_days=stale_days)
        assert list(table.rows) == _commitment_rows(ledger, day, stale_days)
        claims = claim_table(ledger, day, stale_days=stale_days)
        assert list(claims.rows) == _claim_rows(ledger, day, stale_days)


#: Open commitments and claims not yet settled either way: what can go stale.
UNSETTLED = OPEN_COMMITMENT_STATUSES | {
    ClaimStatus.UNVERIFIED,
    ClaimStatus.DISPUTED,
    ClaimStatus.UNVERIFIABLE,
}


def _last_news(ledger: Ledger, item_id: str, day: dt.date) -> dt.date | None:
    """The definition of the last activity, read afresh: the latest day by ``day`` among the
    entries' known-from days and the publications of the sources the item cites."""
    item = ledger.item(item_id)
    days = [ledger.known_from(item_id, p) for p in range(len(item.history))]
    for evidence in ledger.evidence_for(item_id):
        published = ledger.evidence_date(evidence)
        if published is not None:
            days.append(published.latest)
    return max((d for d in days if d <= day), default=None)


@settings(max_examples=60, deadline=None)
@given(ledgers(max_items=4, every_stance=True), st.data())
def test_overdue_and_stale_are_their_definitions(ledger: Ledger, data: st.DataObject) -> None:
    """``overdue`` (an open commitment past its due date), ``stale`` (an open commitment or
    unsettled claim with no news for ``stale_days``) and ``last_activity`` say what their
    definitions say, item by item, on the days that matter (and with ``stale_days`` exactly
    an item's days without news, or one less)."""
    candidates = _days_that_matter(ledger) or [dt.date(2020, 1, 1)]
    items = [*ledger.commitments, *ledger.claims]
    for day in data.draw(st.lists(st.sampled_from(candidates), min_size=1, max_size=4)):
        last = {item.id: _last_news(ledger, item.id, day) for item in items}
        quiet = {(day - news).days for news in last.values() if news is not None}
        stale_days = data.draw(st.sampled_from(sorted({0, 365} | quiet | {q - 1 for q in quiet})))
        overdue, stale = [], []
        for item in items:
            assert ledger.last_activity(item.id, day) == last[item.id]
            current = ledger.status_as_of(item.id, day)
            if current is None:
                continue
            due = getattr(item, "due", None)
            if due is not None and current.status in OPEN_COMMITMENT_STATUSES and due.latest < day:
                overdue.append(item)
            news = last[item.id]
            if current.status in UNSETTLED and news is not None and (day - news).days > stale_days:
                stale.append(item)
        assert ledger.overdue(day) == overdue
        assert ledger.stale(day, days=stale_days) == stale


@settings(max_examples=60, deadline=None)
@given(ledgers(max_items=4, every_stance=True), st.data())
def test_latest_evidence_is_its_definition(ledger: Ledger, data: st.DataObject) -> None:
    """``latest_evidence``, read afresh: of the evidence an item cites whose source's last
    possible publication day is by the day, the latest, ties going to the largest id (sources
    of unknown date never count)."""
    candidates = _days_that_matter(ledger) or [dt.date(2020, 1, 1)]
    for day in data.draw(st.lists(st.sampled_from(candidates), min_size=1, max_size=4)):
        for item in [*ledger.commitments, *ledger.claims]:
            dated = []
            for evidence in ledger.evidence_for(item.id):
                published = ledger.evidence_date(evidence)
                if published is not None and published.latest <= day:
                    dated.append((published.latest, evidence.id))
            expected = ledger.evidence[max(dated)[1]] if dated else None
            assert ledger.latest_evidence(item.id, day) == expected
