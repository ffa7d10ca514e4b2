"""``claimtrack.relevance.events``: which events a commitment or claim is about, the context
that triage matches a sentence against besides the item's own words."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import claimtrack
from claimtrack import Ledger, datasets
from claimtrack.dates import PartialDate
from claimtrack.model import Claim, Commitment, Event
from claimtrack.relevance.events import RECENT_DAYS, about_events

VISIT = "evt-bajwa-tehran-visit-2017"
HEADLINE = "cl-a003-headline-turning-point"


@pytest.fixture(scope="module")
def ledger() -> Ledger:
    return datasets.pakistan_iran()


def _claim(ledger: Ledger, claim_id: str, **changes: object) -> Claim:
    claim = ledger.claims[claim_id]
    made = changes.pop("made", None)
    if made is not None:
        history = (attrs.evolve(claim.history[0], date=made), *claim.history[1:])
        changes["history"] = history
    return attrs.evolve(claim, **changes)


def _ids(ledger: Ledger, item: Commitment | Claim, as_of: dt.date | None = None) -> list[str]:
    return [event.id for event in about_events(ledger, item, as_of)]


def test_an_event_citing_the_items_evidence(ledger: Ledger) -> None:
    """The visit cites the quote the prediction was recorded from; its meetings are parts of it
    and are left out."""
    assert _ids(ledger, ledger.claims["cl-a003-trip-remembered"]) == [VISIT]


def test_a_commitment_is_about_its_agreements_event_and_events_citing_its_evidence(
    ledger: Ledger,
) -> None:
    """As the ledger stood in 2017, the visit its steps were agreed at; by 2018 also the visits
    cited as its progress; events later than ``as_of`` are not yet known."""
    item = ledger.commitments["c-more-frequent-interactions"]
    assert _ids(ledger, item, dt.date(2017, 12, 31)) == [VISIT]
    later = _ids(ledger, item)
    assert VISIT in later
    assert "evt-bagheri-pakistan-visit-2018" in later


def test_a_claim_is_about_recent_events_of_the_people_it_names(ledger: Ledger) -> None:
    """The headline names Gen Bajwa and no event cites its quote: it is about his visit when
    made within RECENT_DAYS of it, not months later, and not through the states it names."""
    claim = ledger.claims[HEADLINE]
    assert "bajwa" in claim.subjects
    assert not {e.id for e in ledger.events if set(e.evidence) & set(claim.evidence)}
    assert _ids(ledger, claim) == [VISIT]
    visit = ledger.events[VISIT].date
    assert visit is not None
    later = PartialDate.from_date(visit.latest + dt.timedelta(days=RECENT_DAYS + 1))
    assert _ids(ledger, _claim(ledger, HEADLINE, made=later)) == []
    assert _ids(ledger, _claim(ledger, HEADLINE, subjects=("pakistan", "iran"))) == []


def test_a_part_is_left_out_only_when_its_whole_is_found(ledger: Ledger) -> None:
    """A claim naming Amir Hatami is about the visit he took part in (his meeting with
    Gen Bajwa is part of it); without the visit in the ledger, about the meeting."""
    claim = _claim(ledger, HEADLINE, subjects=("hatami",))
    assert _ids(ledger, claim) == [VISIT]
    visit = ledger.events[VISIT]
    reduced = _replaced(ledger, attrs.evolve(visit, participants=("bajwa",)))
    assert _ids(reduced, claim) == ["evt-bajwa-hatami-meeting-2017"]


def test_the_events_title_lets_a_sentence_match_the_claim(ledger: Ledger) -> None:
    """'visit' is in none of the headline's own words, parties or cues: only in the title of the
    visit it is about; made months later, it is about no event and 'visit' does not match."""
    text = "Everyone still talks about the visit that General Bajwa made."
    now = [s for s in claimtrack.triage(ledger, text, min_score=0.0) if s.item == HEADLINE]
    assert now and "visit" in now[0].matched
    visit = ledger.events[VISIT].date
    assert visit is not None
    later = PartialDate.from_date(visit.latest + dt.timedelta(days=RECENT_DAYS + 1))
    moved = _replaced(ledger, _claim(ledger, HEADLINE, made=later))
    then = [s for s in claimtrack.triage(moved, text, min_score=0.0) if s.item == HEADLINE]
    assert all("visit" not in s.matched for s in then)


def _replaced(ledger: Ledger, record: Claim | Event) -> Ledger:
    """The ledger with ``record`` in place of the record with its id."""
    collections = {
        name: [record if r.id == record.id else r for r in getattr(ledger, name)]
        for name in ("sources", "actors", "events", "agreements", "commitments", "claims")
    }
    return Ledger(evidence=list(ledger.evidence), **collections)
