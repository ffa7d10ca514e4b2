"""A changeset's quick pass: every operation applied to a draft ledger that checks only the
records each update changed, and the whole ledger checked once at the end.

Checking a whole ledger after each operation made a changeset cost its length times the ledger's
size. A draft checks each update's new or changed records against every rule of their collection
(with the ids of the whole draft), which decides everything an update can break that a later one
could mend (a reference to a record not added yet). What stays broken once broken (an id used
twice, an entry id that is also a record id) is found by the one full check at the end. So the
quick pass succeeds exactly when applying the operations one by one to checked ledgers would
find no problem, and gives the same ledger; on any doubt it gives up, and the caller applies
the operations one by one, which names each problem's file, row and column as before.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from claimtrack import _registry as registry
from claimtrack.errors import ClaimtrackError
from claimtrack.history import normalised
from claimtrack.ledger import Ledger
from claimtrack.lifecycle import Policy
from claimtrack.model import Evidence
from claimtrack.rules import ID_PATTERN, RULES, STRICT_RULES, Known

if TYPE_CHECKING:
    from claimtrack.changeset.apply import Located
    from claimtrack.changeset.texts import ArchivedTexts

__all__ = ["Draft", "apply_quickly"]

_ITEMS = frozenset(collection.name for collection in registry.ITEMS)

#: Where a draft keeps its every-id set and stances (in the ledger's cache of derived values).
_KNOWN = "changeset.draft.known"

#: An operation's handler: the ledger, the operation and the texts -> the new ledger and a line.
Handler = Callable[[Ledger, Any, "ArchivedTexts"], tuple[Ledger, str]]


class Unsure(Exception):
    """An update the draft cannot vouch for: the operations are applied one by one instead."""


class Draft(Ledger):
    """A ledger being changed by a changeset: each update checks only what it changed.

    A draft starts from a checked ledger and is never returned to a caller: ``apply_quickly``
    ends by building a checked ``Ledger`` of its records.
    """

    __slots__ = ()

    @classmethod
    def of(cls, ledger: Ledger) -> Draft:
        """A draft holding a checked ledger's records."""
        records = {name: tuple(ledger.records(name)) for name in registry.NAMES}
        return cls._unchecked(ledger.policy, records)  # type: ignore[return-value]

    def _known(self) -> tuple[set[str], dict[str, str]]:
        """Every id of the draft, and each evidence item's stance (kept from update to update)."""
        cached: tuple[set[str], dict[str, str]] | None = self._derived.get(_KNOWN)
        if cached is None:
            every = {record.id for name in registry.NAMES for record in self.records(name)}
            evidence = self.records(registry.EVIDENCE.name)
            cached = (every, {e.id: e.stance._value_ for e in evidence})
            self._derived[_KNOWN] = cached
        return cached

    def _derive(self, collections: dict[str, Any]) -> Ledger:
        every, stances = self._known()
        given: dict[str, tuple[Any, ...]] = {}
        changed: dict[str, list[Any]] = {}
        left: list[Any] = []  # records of this draft not at their place in the new collections
        for name in registry.NAMES:
            old = self.records(name)
            new = collections.get(name, ())
            records = tuple(old) if new is old else tuple(new)
            fresh = _changed(records, tuple(old))
            if fresh and name in _ITEMS:  # entries get their ids and date order, as in Ledger()
                marked = set(map(id, fresh))
                records = tuple(normalised(r) if id(r) in marked else r for r in records)
                fresh = _changed(records, tuple(old))
            given[name], changed[name] = records, fresh
            if fresh or len(records) != len(old):
                left.extend(_changed(tuple(old), records))
        every = (every - {record.id for record in left}) | {
            record.id for records in changed.values() for record in records
        }
        if len(every) != sum(map(len, given.values())):
            raise Unsure("an id names two records")
        if not all(ID_PATTERN.fullmatch(r.id) for records in changed.values() for r in records):
            raise Unsure("an id is not valid")
        evidence = registry.EVIDENCE.name
        if changed[evidence] or any(type(r) is Evidence for r in left):
            stances = {**stances}
            for record in left:
                if type(record) is Evidence:
                    del stances[record.id]
            stances.update((e.id, e.stance._value_) for e in changed[evidence])
        draft = Draft._unchecked(self.policy, given)
        draft._derived[_KNOWN] = (every, stances)
        known = Known.__new__(Known)  # the ids as the draft's key views: set-like, free to take
        dict.update(known, {name: draft.records(name).keys() for name in registry.NAMES})
        known.every, known.stances = every, stances
        rules = STRICT_RULES if self.policy is Policy.STRICT else RULES
        for rule in rules:
            if changed[rule.collection]:
                only_changed = {**given, rule.collection: changed[rule.collection]}
                if not rule.holds(only_changed, known):
                    raise Unsure(rule.name)
        return draft


def _changed(new: tuple[Any, ...], old: tuple[Any, ...]) -> list[Any]:
    """The records of ``new`` that are not the very record at their place in ``old`` (every
    record changed or added, and any a reordering moved: checking more is never wrong)."""
    return [*itertools.compress(new, map(operator.is_not, new, old)), *new[len(old) :]]


def apply_quickly(
    ledger: Ledger,
    operations: Sequence[Located],
    texts: ArchivedTexts,
    handlers: dict[type, Handler],
) -> tuple[Ledger, tuple[str, ...], dict[str, str]] | None:
    """Apply every operation to a draft of ``ledger`` and check the result once; returns the
    checked ledger, a line per operation and the texts to write, or None if any operation fails
    or the draft cannot vouch for an update (the caller then applies them one by one)."""
    from claimtrack.changeset.texts import ArchivedTexts

    store = ArchivedTexts(texts.folder, pending=dict(texts.pending))
    draft: Ledger = Draft.of(ledger)
    lines: list[str] = []
    try:
        for located in operations:
            if located.operation is None:
                return None
            handler = handlers[type(located.operation)]
            draft, line = handler(draft, located.operation, store.bringing(located.texts))
            lines.append(line)
        records = {name: tuple(draft.records(name)) for name in registry.NAMES}
        checked = Ledger(**records, policy=draft.policy)
    except (ClaimtrackError, Unsure):
        return None
    return checked, tuple(lines), store.pending
