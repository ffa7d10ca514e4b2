"""Which events of a ledger a commitment or claim is about: the context its profile draws on.

An item is about an event when the event cites some of the item's evidence (the report that
recorded the item told of the event), when the event is the one its agreement was reached at (a
commitment), or when one of the people the item names took part in the event and the event falls
within ``RECENT_DAYS`` before the item was made (a claim: an assessment made just after a visit
is about that visit). An event that is part of another event the item is about is left out: the
whole says what its parts say, and the parts' titles (each meeting of a visit, with its guest's
name) would match any later meeting of the same people.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from claimtrack.ledger import Ledger
from claimtrack.model import ActorKind, Claim, Commitment, Event

__all__ = ["RECENT_DAYS", "EventIndex", "about_events", "people"]

#: A claim is about an event one of its people took part in up to this many days before it was
#: made (the month in which a report comments on what just happened); fixed, not tuned.
RECENT_DAYS = 31


def people(ledger: Ledger, parties: Iterable[str]) -> list[str]:
    """The parties that are named people (actors of kind person), in the order given, once each."""
    found = []
    for party in dict.fromkeys(parties):
        actor = ledger.actors.get(party)
        if actor is not None and actor.kind is ActorKind.PERSON:
            found.append(party)
    return found


class EventIndex:
    """A ledger's events by the evidence they cite and by their participants, built once."""

    def __init__(self, ledger: Ledger) -> None:
        self._ledger = ledger
        self._by_evidence: dict[str, list[Event]] = defaultdict(list)
        self._by_participant: dict[str, list[Event]] = defaultdict(list)
        for event in ledger.events:
            for evidence in event.evidence:
                self._by_evidence[evidence].append(event)
            for participant in event.participants:
                self._by_participant[participant].append(event)

    def about(self, item: Commitment | Claim, as_of: dt.date | None = None) -> list[Event]:
        """The events ``item`` is about (see the module docstring) known by ``as_of``, by id."""
        ledger = self._ledger
        evidence = {*item.evidence, *(e for change in item.history for e in change.evidence)}
        found = {event.id: event for e in evidence for event in self._by_evidence.get(e, ())}
        if isinstance(item, Commitment):
            agreement = ledger.agreements.get(item.agreement) if item.agreement else None
            if agreement is not None and agreement.event is not None:
                event = ledger.events.get(agreement.event)
                if event is not None:
                    found[event.id] = event
        elif item.made is not None:
            since = item.made.earliest - dt.timedelta(days=RECENT_DAYS)
            for person in people(ledger, (*item.claimants, *item.subjects)):
                for event in self._by_participant.get(person, ()):
                    end = event.end or event.date
                    if event.date is None or end is None:
                        continue
                    if event.date.earliest <= item.made.latest and end.latest >= since:
                        found[event.id] = event
        return [
            event
            for _, event in sorted(found.items())
            if (as_of is None or event.date is None or event.date.earliest <= as_of)
            and not _within(ledger, event, found)
        ]


def about_events(
    ledger: Ledger, item: Commitment | Claim, as_of: dt.date | None = None
) -> list[Event]:
    """The events ``item`` is about, known by ``as_of`` (see the module docstring)."""
    return EventIndex(ledger).about(item, as_of)


def _within(ledger: Ledger, event: Event, found: dict[str, Event]) -> bool:
    """Whether ``event`` is part, directly or not, of one of the ``found`` events."""
    seen = {event.id}
    while event.part_of is not None and event.part_of not in seen:
        if event.part_of in found:
            return True
        seen.add(event.part_of)
        parent = ledger.events.get(event.part_of)
        if parent is None:
            return False
        event = parent
    return False
