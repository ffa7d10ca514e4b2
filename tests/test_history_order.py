"""Histories stay in date order (nothing before the pledge), and as-of never runs backwards.

Regressions from the property tests: an entry could predate the pledge when checked only
against the previous entry; an entry could count as known before the item existed; an item's
history could hold statuses of the other kind of item.
"""

from __future__ import annotations

import datetime as dt

import pytest

import claimtrack
from claimtrack import (
    Claim,
    ClaimKind,
    ClaimStatus,
    Commitment,
    CommitmentStatus,
    Evidence,
    InvalidLedger,
    Ledger,
    Source,
    SourceKind,
    Stance,
    StatusChange,
    TransitionRefused,
)

P = claimtrack.PartialDate.parse


def ledger(*history: StatusChange[CommitmentStatus], published: str | None = None) -> Ledger:
    """One commitment with this history, citing one evidence item."""
    source = Source(
        id="s", title="t", kind=SourceKind.NEWS, published=P(published) if published else None
    )
    evidence = Evidence(id="e", source="s", stance=Stance.MENTIONS)
    commitment = Commitment(id="c", text="x", category="x", history=history)
    return Ledger(sources=[source], evidence=[evidence], commitments=[commitment])


def change(date: str, status: CommitmentStatus) -> StatusChange[CommitmentStatus]:
    """A history entry citing the one evidence item."""
    return StatusChange(date=P(date), status=status, evidence=("e",))


def test_record_refuses_an_entry_before_an_earlier_one() -> None:
    """A change dated before the pledge is refused even when the previous entry is vaguer."""
    base = ledger(
        StatusChange(date=P("2017-06-15"), status=CommitmentStatus.ANNOUNCED),
        change("2017", CommitmentStatus.IN_PROGRESS),
    )
    with pytest.raises(TransitionRefused) as caught:
        base.record_status("c", change("2017-02-01", CommitmentStatus.STALLED))
    assert caught.value.rule == "date-order"
    assert str(caught.value) == (
        "2017-02-01 is before 'c' was made (2017-06-15); a history starts with the pledge or"
        " claim itself [rule: date-order]"
    )


def test_ledger_refuses_an_entry_before_an_earlier_one() -> None:
    """The same history, given whole, is an invalid ledger naming the entry."""
    with pytest.raises(InvalidLedger) as caught:
        ledger(
            StatusChange(date=P("2017-06-15"), status=CommitmentStatus.ANNOUNCED),
            change("2017", CommitmentStatus.IN_PROGRESS),
            change("2017-02-01", CommitmentStatus.STALLED),
        )
    assert caught.value.lines == [
        "$.commitments[0].history[2].date: 2017-02-01 is before the item was made (2017-06-15);"
        " a history starts with the pledge or claim itself"
    ]


def test_nothing_is_in_effect_before_the_item_exists() -> None:
    """An entry reported early by its source never counts before the pledge itself."""
    early = ledger(
        StatusChange(date=P("1990-02"), status=CommitmentStatus.ANNOUNCED),
        change("1990", CommitmentStatus.IN_PROGRESS),
        published="1990-01",
    )
    assert early.status_as_of("c", dt.date(1990, 1, 31)) is None
    assert early.known_from("c", 1) >= dt.date(1990, 2, 1)


def test_statuses_of_the_other_kind_are_refused() -> None:
    """A commitment with a claim status (or the reverse) is invalid, not saved unloadable."""
    with pytest.raises(InvalidLedger) as caught:
        Ledger(
            commitments=[
                Commitment(
                    id="c",
                    text="x",
                    category="x",
                    history=(StatusChange(date=P("2018"), status=ClaimStatus.UNVERIFIED),),  # type: ignore[arg-type]
                )
            ],
            claims=[
                Claim(
                    id="k",
                    text="x",
                    kind=ClaimKind.STATEMENT,
                    history=(StatusChange(date=P("2018"), status=CommitmentStatus.ANNOUNCED),),  # type: ignore[arg-type]
                )
            ],
        )
    assert caught.value.lines == [
        "$.commitments[0].history[0].status: 'unverified' is not a commitment status; expected"
        " one of announced, in_progress, partially_implemented, implemented, stalled, broken,"
        " reversed, superseded, unverifiable",
        "$.claims[0].history[0].status: 'announced' is not a claim status; expected one of"
        " unverified, corroborated, disputed, refuted, retracted, unverifiable",
    ]


@pytest.mark.parametrize("prepared", [False, True])
def test_known_from_days_out_of_order(prepared: bool) -> None:
    """A vague entry known only at its year's end, then a precise one reported at once: each
    keeps its own known-from day (the index bisects their running minimum, and keeps the days
    themselves apart), whether the index was prepared at once, as a load does, or item by item."""
    out_of_order = ledger(
        StatusChange(date=P("2017"), status=CommitmentStatus.ANNOUNCED),
        change("2017-03", CommitmentStatus.IN_PROGRESS),
        published="2017-03-20",
    )
    if prepared:
        out_of_order._query().prepare()
    assert out_of_order.known_from("c", 1) == dt.date(2017, 3, 20)
    assert out_of_order.known_from("c", 0) == dt.date(2017, 12, 31)
    assert out_of_order.status_as_of("c", dt.date(2017, 3, 19)) is None
    current = out_of_order.status_as_of("c", dt.date(2017, 3, 20))
    assert current is not None and current.status is CommitmentStatus.IN_PROGRESS
    moves = out_of_order.changes_between(dt.date(2017, 3, 19), dt.date(2017, 12, 30))
    assert [change.status for _, change in moves] == [CommitmentStatus.IN_PROGRESS]
