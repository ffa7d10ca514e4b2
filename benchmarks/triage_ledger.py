"""The ledger as it stood before a source: what ``benchmarks/triage.py`` triages each source
against (the source, later sources, their evidence and whatever rested only on them dropped)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs

from claimtrack import Ledger
from claimtrack.model import Actor, Agreement, Claim, Commitment, Event, Source

__all__ = ["ledger_before", "published_order"]


def published_order(source: Source) -> tuple[object, str]:
    """Sources by publication, undated last, then by id."""
    key = source.published.sort_key() if source.published else (10**9,)
    return key, source.id


def ledger_before(ledger: Ledger, source_id: str) -> Ledger:
    """The ledger without ``source_id``, later sources and whatever rested only on them.

    Works on the history model with checks, progress and corrections too (read with getattr): a
    history keeps its entries up to the first that cites no kept source (or cites nothing and
    whose check, or own date, is not before the source's earliest day).
    """
    cut = published_order(ledger.sources[source_id])
    published = ledger.sources[source_id].published
    cut_day = published.earliest if published is not None else dt.date.max
    sources = [s for s in ledger.sources if published_order(s) < cut]
    kept_sources = {s.id for s in sources}
    evidence = [e for e in ledger.evidence if e.source in kept_sources]
    kept = {e.id for e in evidence}

    def keep_ids(ids: Iterable[str]) -> tuple[str, ...]:
        return tuple(i for i in ids if i in kept)

    def known(entry: Any) -> bool:
        if entry.evidence:
            return bool(set(entry.evidence) & kept)
        check = getattr(entry, "check", None)
        day = check.on if check is not None else getattr(entry, "date", None)
        return day is None or day.earliest < cut_day

    def items(records: Iterable[Commitment | Claim]) -> list[Commitment | Claim]:
        result = []
        for item in records:
            cited = set(item.evidence) | {e for change in item.history for e in change.evidence}
            made_later = item.made is not None and item.made.earliest >= cut_day
            if not cited & kept and (cited or made_later):
                continue
            history = [attrs.evolve(item.history[0], evidence=keep_ids(item.history[0].evidence))]
            for change in item.history[1:]:
                if not known(change):
                    break  # later entries followed from this one: the history as it then stood
                history.append(attrs.evolve(change, evidence=keep_ids(change.evidence)))
            changes: dict[str, Any] = {
                "evidence": keep_ids(item.evidence),
                "history": tuple(history),
            }
            if hasattr(item, "progress"):
                changes["progress"] = tuple(
                    attrs.evolve(p, evidence=keep_ids(p.evidence))
                    for p in item.progress
                    if known(p)
                )
            if hasattr(item, "corrections"):
                ids = {getattr(change, "id", None) for change in history}
                changes["corrections"] = tuple(
                    c
                    for c in item.corrections
                    if c.on.earliest < cut_day and (c.replacement is None or c.replacement in ids)
                )
            result.append(attrs.evolve(item, **changes))
        return result

    def backed(records: Iterable[Agreement | Event]) -> list[Agreement | Event]:
        return [
            attrs.evolve(r, evidence=keep_ids(r.evidence))
            for r in records
            if not r.evidence or set(r.evidence) & kept
        ]

    commitments = items(ledger.commitments)
    claims = items(ledger.claims)
    agreements = backed(ledger.agreements)
    events = backed(ledger.events)
    item_ids = {i.id for i in commitments} | {i.id for i in claims}
    commitments = [
        attrs.evolve(c, relations=tuple(r for r in c.relations if r.target in item_ids))
        for c in commitments
    ]
    claims = [
        attrs.evolve(c, relations=tuple(r for r in c.relations if r.target in item_ids))
        for c in claims
    ]
    agreement_ids = {a.id for a in agreements}
    commitments = [
        c
        if not isinstance(c, Commitment) or c.agreement is None or c.agreement in agreement_ids
        else attrs.evolve(c, agreement=None)
        for c in commitments
    ]
    event_ids = {e.id for e in events}
    agreements = [
        a if a.event is None or a.event in event_ids else attrs.evolve(a, event=None)
        for a in agreements
    ]
    events = [
        e if e.part_of is None or e.part_of in event_ids else attrs.evolve(e, part_of=None)
        for e in events
    ]
    return Ledger(
        sources=sources,
        actors=_actors_in_use(ledger, [*commitments, *claims], agreements, events),
        events=events,
        agreements=agreements,
        commitments=commitments,
        claims=claims,
        evidence=evidence,
    )


def _actors_in_use(
    ledger: Ledger,
    items: list[Commitment | Claim],
    agreements: list[Agreement | Event],
    events: list[Agreement | Event],
) -> list[Actor]:
    """The actors the kept records name, and the actors those are affiliated with."""
    wanted: set[str] = set()
    for item in items:
        if isinstance(item, Commitment):
            wanted.update(item.obligors, item.beneficiaries)
        else:
            wanted.update(item.claimants, item.subjects)
    for record in agreements:
        wanted.update(record.parties if isinstance(record, Agreement) else ())
    for record in events:
        wanted.update(record.participants if isinstance(record, Event) else ())
    pending = list(wanted)
    while pending:
        actor = ledger.actors.get(pending.pop())
        if actor is not None and actor.affiliation and actor.affiliation not in wanted:
            wanted.add(actor.affiliation)
            pending.append(actor.affiliation)
    return [actor for actor in ledger.actors if actor.id in wanted]
