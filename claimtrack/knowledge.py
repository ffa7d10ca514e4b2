"""The two times of a ledger: when a thing happened, and when it became known.

An entry *happened* at its date: ``as_of`` asks what had happened by a day, with today's
knowledge (the ledger's as-of rule). It *became known* when the earliest source it cites was
published, or on the day of the check it rests on: ``known_by`` asks what a reader could have
known on a day. ``item_known_by`` gives an item as it stood for that reader: corrections made
later undone, entries and figures published later left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar

import attrs

from claimtrack import _registry as registry
from claimtrack.history import correction_key, entry_key
from claimtrack.lifecycle import initial_status
from claimtrack.model import (
    Check,
    Claim,
    Commitment,
    Progress,
    ProgressCorrection,
    StatusChange,
)

__all__ = [
    "entry_known_day",
    "happened_day",
    "item_known_by",
    "known_collections",
    "latest_progress",
]

Item = TypeVar("Item", bound=Commitment | Claim)


def entry_known_day(
    date_ordinals: tuple[int, int],
    evidence: Sequence[str],
    check: Check | None,
    published: Mapping[str, int],
) -> int:
    """The day (ordinal) an entry or observation became known: the earliest publication of a
    source it cites (not before the entry's own first day), else the day of its check, else
    the last day of its own date."""
    earliest, latest = date_ordinals
    days = [p for e in evidence if (p := published.get(e)) is not None and p >= earliest]
    if check is not None:
        days.append(max(check.on._ordinals[1], earliest))
    return min(days) if days else latest


def item_known_by(item: Item, day: int, published: Mapping[str, int]) -> Item | None:
    """The item as it could be known on ``day`` (an ordinal), or ``None`` if it was not yet.

    Corrections made after the day are undone (the reader then saw the original entry or
    figure); entries and observations not yet published are left out.
    """
    history, kept = _undone(list(item.history), item.corrections, day)
    history = _pledge_first(history)
    if not history or not _known(history[0], day, published):
        return None  # the item itself was not yet known
    known = [c for c in history if _known(c, day, published)]
    changes: dict[str, Any] = {
        "history": tuple(known),
        "corrections": kept,
    }
    if isinstance(item, Commitment):
        progress, figures = _figures_known_by(item, day)
        changes["progress"] = tuple(p for p in progress if _known(p, day, published))
        changes["progress_corrections"] = figures
    return attrs.evolve(item, **changes)


def _figures_known_by(
    commitment: Commitment, day: int
) -> tuple[list[Progress], tuple[ProgressCorrection, ...]]:
    """The progress figures and their corrections as they stood on ``day``: corrections made
    later undone (the superseded figure back, its replacement gone), in date order."""
    if not commitment.progress_corrections:
        return list(commitment.progress), ()
    progress, kept = _undone(list(commitment.progress), commitment.progress_corrections, day)
    progress.sort(key=lambda p: p.date.sort_key())
    return progress, kept


def _undone(records: list[Any], corrections: Sequence[Any], day: int) -> tuple[list[Any], Any]:
    """History entries or progress figures with the corrections made after ``day`` undone (the
    superseded record back, its replacement gone); also the corrections kept, in stored order."""
    kept = []
    for correction in sorted(corrections, key=correction_key, reverse=True):
        if correction.on._ordinals[1] <= day:
            kept.append(correction)
            continue
        records = [record for record in records if record.id != correction.replacement]
        records.append(correction.superseded)
    return records, tuple(sorted(kept, key=correction_key))


def _pledge_first(history: Sequence[StatusChange[Any]]) -> list[StatusChange[Any]]:
    """Entries in date order, the earliest entry in the initial status (the pledge) first."""
    ordered = sorted(history, key=entry_key)
    for position, change in enumerate(ordered):
        if change.status == initial_status(type(change.status)):
            return [change, *ordered[:position], *ordered[position + 1 :]]
    return ordered


def _known(entry: StatusChange[Any] | Progress, day: int, published: Mapping[str, int]) -> bool:
    known = entry_known_day(entry.date._ordinals, entry.evidence, entry.check, published)
    return known <= day


def happened_day(entry: StatusChange[Any] | Progress, published: Mapping[str, int]) -> int:
    """The first day (ordinal) an entry counts as having happened, by the as-of rule: once its
    date has surely passed, or once a source reporting it was published, whichever is first."""
    earliest, latest = entry.date._ordinals
    days = [p for e in entry.evidence if (p := published.get(e)) is not None and p >= earliest]
    return min([latest, *days])


def latest_progress(
    commitment: Commitment, day: int, published: Mapping[str, int]
) -> Progress | None:
    """The last progress figure that had happened by ``day`` (an ordinal), or ``None``."""
    found = None
    for observation in commitment.progress:
        if happened_day(observation, published) <= day:
            found = observation
    return found


def known_collections(
    views: Mapping[str, Iterable[Any]], day: int, published: Mapping[str, int]
) -> dict[str, tuple[Any, ...]]:
    """Every collection of a ledger as a reader could have known it on ``day`` (an ordinal):
    sources published later and their evidence left out, items as ``item_known_by`` gives
    them (those not yet known gone), relations to gone items dropped."""
    sources = list(views[registry.SOURCES.name])
    late = {s.id for s in sources if s.published is not None and s.published._ordinals[1] > day}
    evidence = list(views[registry.EVIDENCE.name])
    dropped = {e.id for e in evidence if e.source in late}
    collections: dict[str, tuple[Any, ...]] = {
        registry.SOURCES.name: tuple(s for s in sources if s.id not in late),
        registry.EVIDENCE.name: tuple(e for e in evidence if e.id not in dropped),
    }
    for collection in registry.COLLECTIONS:
        if collection.name in collections or collection in registry.ITEMS:
            continue
        citing = [r.field for r in collection.references if r.target == registry.EVIDENCE.name]
        collections[collection.name] = tuple(
            attrs.evolve(r, **{f: _kept(getattr(r, f), dropped) for f in citing})
            if any(dropped.intersection(getattr(r, f)) for f in citing)
            else r
            for r in views[collection.name]
        )
    kept: dict[str, list[Any]] = {collection.name: [] for collection in registry.ITEMS}
    for name, found in kept.items():
        for item in views[name]:
            known = item_known_by(item, day, published)
            if known is not None:
                found.append(_without(known, dropped))
    present = {item.id for items in kept.values() for item in items}
    for name, items in kept.items():
        collections[name] = tuple(
            attrs.evolve(i, relations=tuple(r for r in i.relations if r.target in present))
            for i in items
        )
    return collections


def _without(item: Any, dropped: set[str]) -> Any:
    """The item citing none of the ``dropped`` evidence ids, in its lists or its entries."""
    if not dropped:
        return item

    history = tuple(attrs.evolve(c, evidence=_kept(c.evidence, dropped)) for c in item.history)
    evidence = _kept(item.evidence, dropped)
    if isinstance(item, Commitment):
        progress = tuple(
            attrs.evolve(p, evidence=_kept(p.evidence, dropped)) for p in item.progress
        )
        return attrs.evolve(item, evidence=evidence, history=history, progress=progress)
    return attrs.evolve(item, evidence=evidence, history=history)


def _kept(ids: tuple[str, ...], dropped: set[str]) -> tuple[str, ...]:
    return tuple(e for e in ids if e not in dropped)
