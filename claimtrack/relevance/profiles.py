"""What a ledger knows about each commitment and claim, as weighted groups of stemmed phrases.

The groups and their weights: the item's own text (``text``), the quotes already cited for it
(``quotes``), its parties' names and aliases (``parties``: obligors and beneficiaries, or claimants
and subjects), the named people among those parties (``people``: a person's name is far more
specific than a state's), its category or claim kind with cue words (``category``), and what it
is about (``context``): the titles of its agreement and of the events it is about, and the texts
of related items (``claimtrack.relevance.events`` says which events an item is about).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from claimtrack.ledger import Ledger
from claimtrack.model import Claim, Commitment
from claimtrack.relevance.events import EventIndex, people
from claimtrack.relevance.scoring import Group, Profile
from claimtrack.relevance.terms import CATEGORY_CUES, CLAIM_KIND_CUES, stem, tokens

__all__ = ["SHARED_QUOTE", "WEIGHTS", "known_items", "profiles"]

#: Weight of each group in a sentence's score. The parties weigh little: a report on two states
#: names them in most sentences, so their names tell which items a sentence is about only
#: together with other words (0.15 gave every such sentence 0.15 for every item between them).
#: The people group is off (0): on the monitor's excerpts, weighted 0.05 or 0.1 it found 232 of
#: the 290 cited quotes against 233 without it, for 14 fewer suggestions of 2,181: no gain worth
#: a group (a person is named in sentences on many of their items). A group weighing 0 is left
#: out of the profiles.
WEIGHTS = {
    "text": 0.35,
    "quotes": 0.25,
    "parties": 0.05,
    "people": 0.0,
    "category": 0.1,
    "context": 0.15,
}

#: Most items a quote may back and still describe each of them.
SHARED_QUOTE = 2

_PARENTHESES = re.compile(r"\([^)]*\)")


def _phrase(text: str) -> tuple[str, ...]:
    """The distinct stems of a text, in order of first appearance."""
    return tuple(dict.fromkeys(stem(word) for word, _, _ in tokens(text)))


def _alternatives(texts: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    phrases = (_phrase(text) for text in texts)
    return tuple(dict.fromkeys(phrase for phrase in phrases if phrase))


def known_items(ledger: Ledger, as_of: dt.date | None = None) -> list[Commitment | Claim]:
    """The commitments, then the claims, made by ``as_of`` (all of them without a day)."""
    items: list[Commitment | Claim] = [*ledger.commitments, *ledger.claims]
    if as_of is None:
        return items
    return [item for item in items if item.made is None or item.made.earliest <= as_of]


def profiles(
    ledger: Ledger, items: Iterable[Commitment | Claim], as_of: dt.date | None = None
) -> list[Profile]:
    """A profile of each item, citing only quotes from sources published by ``as_of``.

    A quote cited by more than ``SHARED_QUOTE`` items (one sentence listing five agreed steps)
    is left out of their profiles: it says nothing about which of them a sentence is about.
    """
    items = list(items)
    citing: dict[str, int] = {}
    for item in items:
        for quote in {e.quote.exact for e in ledger.evidence_for(item.id) if e.quote is not None}:
            citing[quote] = citing.get(quote, 0) + 1
    shared = {quote for quote, count in citing.items() if count > SHARED_QUOTE}
    names, events = _PartyNames(ledger), EventIndex(ledger)
    return [_profile(ledger, item, as_of, shared, names, events) for item in items]


def _profile(
    ledger: Ledger,
    item: Commitment | Claim,
    as_of: dt.date | None,
    shared: set[str],
    names: _PartyNames,
    events: EventIndex,
) -> Profile:
    if isinstance(item, Commitment):
        parties = (*item.obligors, *item.beneficiaries)
        labels = [item.category.replace("_", " "), *CATEGORY_CUES.get(item.category, ())]
        agreement = ledger.agreements.get(item.agreement) if item.agreement else None
        context = [agreement.title] if agreement is not None else []
    else:
        parties = (*item.claimants, *item.subjects)
        labels = [item.kind.value, *CLAIM_KIND_CUES.get(item.kind.value, ())]
        context = []
    context.extend(event.title for event in events.about(item, as_of))
    context.extend(
        ledger.item(relation.target).text
        for relation in item.relations
        if relation.target in ledger.commitments or relation.target in ledger.claims
    )
    groups = (
        Group("text", WEIGHTS["text"], ((_phrase(item.text),),)),
        Group("quotes", WEIGHTS["quotes"], _quote_members(ledger, item, as_of, shared)),
        Group("parties", WEIGHTS["parties"], names.members(parties)),
        Group("people", WEIGHTS["people"], names.own(people(ledger, parties))),
        Group("category", WEIGHTS["category"], (_alternatives(labels),)),
        Group("context", WEIGHTS["context"], _non_empty(_alternatives(context))),
    )
    return Profile(item.id, tuple(g for g in groups if g.members and g.weight > 0))


def _non_empty(
    alternatives: tuple[tuple[str, ...], ...],
) -> tuple[tuple[tuple[str, ...], ...], ...]:
    return (alternatives,) if alternatives else ()


def _quote_members(
    ledger: Ledger, item: Commitment | Claim, as_of: dt.date | None, shared: set[str]
) -> tuple[tuple[tuple[str, ...], ...], ...]:
    quotes = []
    for evidence in ledger.evidence_for(item.id):
        if evidence.quote is None or evidence.quote.exact in shared:
            continue
        source = ledger.sources.get(evidence.source)
        published = source.published if source is not None else None
        if as_of is not None and published is not None and published.earliest > as_of:
            continue
        quotes.append(evidence.quote.exact)
    return _non_empty(_alternatives(sorted(quotes)))


class _PartyNames:
    """Per party, its names and aliases and those of the actors affiliated with it, directly or
    not (a state's army, the army's chief...): a sentence naming any of them names the party.
    Built once per ``profiles`` call; each party's phrases are worked out once."""

    def __init__(self, ledger: Ledger) -> None:
        self._ledger = ledger
        self._affiliated: dict[str, list[str]] = {}
        for actor in ledger.actors:
            if actor.affiliation is not None:
                self._affiliated.setdefault(actor.affiliation, []).append(actor.id)
        self._known: dict[str, tuple[tuple[str, ...], ...]] = {}

    def members(self, parties: Iterable[str]) -> tuple[tuple[tuple[str, ...], ...], ...]:
        """The alternatives of each party that has any, in the order given, each party once."""
        found = (self._alternatives(party) for party in dict.fromkeys(parties))
        return tuple(alternatives for alternatives in found if alternatives)

    def own(self, parties: Iterable[str]) -> tuple[tuple[tuple[str, ...], ...], ...]:
        """Each party's own names and aliases (not its affiliates'), in the order given."""
        found = []
        for party in dict.fromkeys(parties):
            actor = self._ledger.actors.get(party)
            if actor is not None:
                names = (actor.name, *actor.aliases)
                found.append(_alternatives(_PARENTHESES.sub(" ", n) for n in names))
        return tuple(alternatives for alternatives in found if alternatives)

    def _alternatives(self, party: str) -> tuple[tuple[str, ...], ...]:
        known = self._known.get(party)
        if known is None:
            names: list[str] = []
            pending, seen = [party], {party}
            while pending:
                actor = self._ledger.actors.get(pending.pop())
                if actor is None:
                    continue
                names.extend(_PARENTHESES.sub(" ", n) for n in (actor.name, *actor.aliases))
                for member in self._affiliated.get(actor.id, ()):
                    if member not in seen:
                        seen.add(member)
                        pending.append(member)
            known = self._known[party] = _alternatives(names)
        return known
