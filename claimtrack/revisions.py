"""Revising an item's history: an entry inserted at its date, corrected, withdrawn; a figure
added, corrected, withdrawn.

Each function takes an item and returns the revised item, or raises ``TransitionRefused`` naming
the rule, checked where the change lands: the move into the new entry from the one before it, and
the move out of it into the one after it (an entry inserted between two others changes what the
later one moves from). A figure has no status: its corrections are refused only by the rules
every correction follows (a reason, chain order, a free id), as ``ProgressCorrectionRefused``.
The ledger then checks the whole result as always.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import attrs

from claimtrack.dates import PartialDate
from claimtrack.errors import ProgressCorrectionRefused, TransitionRefused, UnknownId
from claimtrack.history import corrected, fresh_id, normalised, progress_id, taken_ids
from claimtrack.lifecycle import Policy, Stance, allowed_next, transition_refusal
from claimtrack.model import (
    Check,
    Claim,
    Commitment,
    Correction,
    Progress,
    ProgressCorrection,
    StatusChange,
)

__all__ = [
    "add_progress",
    "correct_entry",
    "correct_progress",
    "corrected_progress",
    "insert_entry",
    "withdraw_entry",
    "withdraw_progress",
]

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


def correct_progress(
    commitment: Commitment,
    figure: str,
    *,
    on: PartialDate,
    reason: str,
    date: PartialDate | None = None,
    value: float | None = None,
    of: float | None = None,
    unit: str | None = None,
    evidence: Sequence[str] | None = None,
    check: Check | None = None,
    note: str | None = None,
) -> Commitment:
    """The commitment with figure ``figure`` replaced by a copy with the given fields changed;
    the original moves to ``progress_corrections``."""
    original = next((p for p in commitment.progress if p.id == figure), None)
    changes: dict[str, Any] = {"id": None}
    given = {"date": date, "value": value, "of": of, "unit": unit, "check": check, "note": note}
    changes.update((name, v) for name, v in given.items() if v is not None)
    if evidence is not None:
        changes["evidence"] = tuple(evidence)
    replacement = None if original is None else attrs.evolve(original, **changes)
    return corrected_progress(commitment, figure, on=on, reason=reason, replacement=replacement)


def withdraw_progress(
    commitment: Commitment, figure: str, *, on: PartialDate, reason: str
) -> Commitment:
    """The commitment with figure ``figure`` withdrawn (kept in ``progress_corrections``)."""
    return corrected_progress(commitment, figure, on=on, reason=reason, replacement=None)


def corrected_progress(
    commitment: Commitment,
    figure: str,
    *,
    on: PartialDate,
    reason: str,
    replacement: Progress | None,
) -> Commitment:
    """The commitment with progress figure ``figure`` corrected (``replacement`` takes its
    place) or withdrawn (``replacement`` is ``None``); the original moves to
    ``progress_corrections``. The refusals are those of :func:`corrected`."""
    original = next((p for p in commitment.progress if p.id == figure), None)
    if original is None:
        earlier = next(
            (c for c in commitment.progress_corrections if c.superseded.id == figure), None
        )
        if earlier is not None:
            now = repr(earlier.replacement) if earlier.replacement else "nothing (withdrawn)"
            raise UnknownId(
                f"current progress figure of {commitment.id!r} (already corrected on"
                f" {earlier.on}; replaced by {now})",
                figure,
            )
        known = [str(p.id) for p in commitment.progress]
        raise UnknownId(f"progress figure of {commitment.id!r}", figure, known)

    def refused(field: str, rule: str, detail: str) -> ProgressCorrectionRefused:
        return ProgressCorrectionRefused(
            item_id=commitment.id, figure=figure, field=field, rule=rule, detail=detail
        )

    if not reason.strip():
        raise refused("reason", "reason-required", "a correction needs a reason")
    made = next((c for c in commitment.progress_corrections if c.replacement == figure), None)
    if made is not None and on.known_before(made.on):
        raise refused(
            "on",
            "correction-order",
            f"{figure!r} was made by a correction on {made.on}; it cannot be corrected on {on},"
            " before it existed",
        )
    rest = [p for p in commitment.progress if p.id != figure]
    new_id = None
    if replacement is not None:
        taken = taken_ids(commitment)
        if replacement.id is not None and replacement.id in taken:
            raise refused("id", "id-taken", f"figure id {replacement.id!r} is taken")
        base = replacement.id or progress_id(commitment.id, replacement)
        replacement = attrs.evolve(replacement, id=fresh_id(base, taken))
        new_id = replacement.id
        rest.append(replacement)
    correction = ProgressCorrection(on=on, reason=reason, superseded=original, replacement=new_id)
    revised = attrs.evolve(
        commitment,
        progress=tuple(sorted(rest, key=lambda p: p.date.sort_key())),
        progress_corrections=(*commitment.progress_corrections, correction),
    )
    return normalised(revised)


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
