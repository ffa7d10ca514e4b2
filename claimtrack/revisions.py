"""Revising an item's history: an entry inserted at its date, corrected, withdrawn; a figure added.

Each function takes an item and returns the revised item, or raises ``TransitionRefused`` naming
the rule, checked where the change lands: the move into the new entry from the one before it, and
the move out of it into the one after it (an entry inserted between two others changes what the
later one moves from). The ledger then checks the whole result as always.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import attrs

from claimtrack.dates import PartialDate
from claimtrack.errors import TransitionRefused
from claimtrack.history import corrected, normalised
from claimtrack.lifecycle import Policy, Stance, allowed_next, transition_refusal
from claimtrack.model import Check, Claim, Commitment, Correction, Progress, StatusChange

__all__ = ["add_progress", "correct_entry", "insert_entry", "withdraw_entry"]

Item = TypeVar("Item", bound=Commitment | Claim)

#: Evidence id -> its stance (the ledger's lookup, raising UnknownId for an unknown id).
Stances = Callable[[str], Stance]


def insert_entry(item: Item, change: StatusChange[Any], stances: Stances, policy: Policy) -> Item:
    """The item with ``change`` inserted at its date."""
    before = {id(entry) for entry in item.history}
    longer: dict[str, Any] = {"history": (*item.history, change)}
    revised = normalised(attrs.evolve(item, **longer))
    history: Sequence[StatusChange[Any]] = revised.history
    position = next(i for i, entry in enumerate(history) if id(entry) not in before)
    _check_around(revised, position, stances, policy)
    return revised


def correct_entry(
    item: Item,
    entry: str,
    *,
    on: PartialDate,
    reason: str,
    stances: Stances,
    policy: Policy,
    status: Any = None,
    date: PartialDate | None = None,
    evidence: Sequence[str] | None = None,
    check: Check | None = None,
    note: str | None = None,
) -> Item:
    """The item with entry ``entry`` replaced by a copy with the given fields changed."""
    history: Sequence[StatusChange[Any]] = item.history
    original = next((c for c in history if c.id == entry), None)
    changes: dict[str, Any] = {"id": None}
    if status is not None:
        changes["status"] = status
    if date is not None:
        changes["date"] = date
    if evidence is not None:
        changes["evidence"] = tuple(evidence)
    if check is not None:
        changes["check"] = check
    if note is not None:
        changes["note"] = note
    replacement = None if original is None else attrs.evolve(original, **changes)
    revised = corrected(item, entry, on=on, reason=reason, replacement=replacement)
    # Corrections are kept in date order, so the new one is found by the entry it supersedes.
    corrections: Sequence[Correction[Any]] = revised.corrections
    new_id = next(c.replacement for c in corrections if c.superseded.id == entry)
    revised_history: Sequence[StatusChange[Any]] = revised.history
    position = next(i for i, c in enumerate(revised_history) if c.id == new_id)
    _check_around(revised, position, stances, policy)
    return revised


def withdraw_entry(
    item: Item, entry: str, *, on: PartialDate, reason: str, stances: Stances, policy: Policy
) -> Item:
    """The item with entry ``entry`` withdrawn (kept in ``corrections``, out of the history)."""
    history: Sequence[StatusChange[Any]] = item.history
    position = next((i for i, c in enumerate(history) if c.id == entry), len(history))
    revised = corrected(item, entry, on=on, reason=reason, replacement=None)
    if position < len(revised.history):
        _check_move(revised, position, stances, policy, after=history[position])
    return revised


def add_progress(commitment: Commitment, observation: Progress) -> Commitment:
    """The commitment with a progress observation added at its date (no status change)."""
    return normalised(attrs.evolve(commitment, progress=(*commitment.progress, observation)))


def _check_around(
    item: Commitment | Claim, position: int, stances: Stances, policy: Policy
) -> None:
    history: Sequence[StatusChange[Any]] = item.history
    change = history[position]
    pledge = history[0]
    if position > 0 and change.date.known_before(pledge.date):
        raise _refusal(
            item,
            pledge,
            change,
            "date-order",
            f"{change.date} is before {item.id!r} was made ({pledge.date}); a history starts"
            " with the pledge or claim itself",
        )
    following = history[1] if position == 0 and len(history) > 1 else None
    if following is not None and following.date.known_before(change.date):
        raise _refusal(
            item,
            change,
            following,
            "date-order",
            f"the pledge or claim would be made on {change.date}, after the entry of"
            f" {following.date} ({following.id!r}); a history starts with it",
        )
    if position > 0:
        _check_move(item, position, stances, policy)
    if position + 1 < len(history):
        _check_move(item, position + 1, stances, policy, after=change)


def _check_move(
    item: Commitment | Claim,
    position: int,
    stances: Stances,
    policy: Policy,
    *,
    after: StatusChange[Any] | None = None,
) -> None:
    """Refuse unless the move into ``history[position]`` is acceptable.

    With ``after`` (the entry just inserted, corrected or withdrawn), the entry at ``position``
    is a later one whose move changed; the refusal then says so.
    """
    history: Sequence[StatusChange[Any]] = item.history
    previous, change = history[position - 1], history[position]
    refusal = transition_refusal(
        item.id,
        previous.status,
        change.status,
        [stances(e) for e in change.evidence],
        reason=bool(change.note and change.note.strip()),
        checked=change.check is not None,
        policy=policy,
    )
    if refusal is None:
        return
    rule, detail = refusal
    if after is not None and after is not change:
        rule = f"later-entry-{rule}"
        detail = (
            f"the later entry {change.id!r} ({change.date}, {change.status.value}) would then"
            f" follow {previous.status.value!r}: {detail}"
        )
    raise _refusal(item, previous, change, rule, detail)


def _refusal(
    item: Commitment | Claim,
    previous: StatusChange[Any],
    change: StatusChange[Any],
    rule: str,
    detail: str,
) -> TransitionRefused:
    return TransitionRefused(
        item_id=item.id,
        current=previous.status.value,
        requested=change.status.value,
        allowed=[s.value for s in allowed_next(previous.status)],
        rule=rule,
        detail=detail,
    )
