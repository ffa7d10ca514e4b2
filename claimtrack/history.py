"""History that follows the real world: entry ids, date order, corrections and the two times.

- Every history entry and progress observation has a stable id, derived from what it says when it
  has none (``h-`` or ``p-`` and a hash prefix), so the same entry recorded twice is recognised.
- A history is kept in date order: entries may be recorded at any date, and the order they were
  recorded in does not change the saved bytes (entries on the very same date keep the order in
  which they were recorded).
- A correction moves the entry it corrects out of the history into the item's ``corrections``,
  beside the date and reason of the correction and the id of its replacement (none, for a
  withdrawal). Reports read the corrected history; the original stays in the file. A progress
  figure is corrected or withdrawn the same way, into the commitment's ``progress_corrections``.
- Two times: an entry *happened* at its date (``as_of`` asks what had happened by a day, with
  today's knowledge) and *became known* when the earliest source it cites was published, or on
  the day of the check it rests on (``known_by`` asks what a reader could have known on a day).
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

import attrs
from attrs import frozen

from claimtrack.errors import TransitionRefused, UnknownId
from claimtrack.lifecycle import allowed_next, initial_status, is_usual
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
    "AuditLine",
    "audit",
    "corrected",
    "correction_key",
    "entry_id",
    "entry_key",
    "fresh_id",
    "is_move",
    "is_unusual_move",
    "normalised",
    "progress_id",
    "status_began",
    "taken_ids",
    "unusual_entries",
]

Item = TypeVar("Item", bound=Commitment | Claim)


def _digest(parts: Iterable[str]) -> str:
    import hashlib  # here: only an entry without an id needs it, and a saved ledger has none

    joined = "\x1f".join(parts)
    return hashlib.sha256(joined.encode("utf-8", "surrogatepass")).hexdigest()


def _check_parts(check: Check | None) -> list[str]:
    return [] if check is None else ["check", check.on.edtf, check.searched, check.sought or ""]


def entry_id(item_id: str, change: StatusChange[Any]) -> str:
    """The id a history entry gets when it has none: ``h-`` and 10 hex digits of a hash of its
    item, date, status, evidence ids and check."""
    parts = [item_id, change.date.edtf, change.status._value_, *change.evidence]
    if change.check is not None:
        parts += _check_parts(change.check)
    return "h-" + _digest(parts)[:10]


def progress_id(item_id: str, observation: Progress) -> str:
    """The id a progress observation gets when it has none: ``p-`` and 10 hex digits."""
    figures = [repr(observation.value), repr(observation.of), observation.unit]
    parts = [item_id, observation.date.edtf, *figures, *observation.evidence]
    return "p-" + _digest([*parts, *_check_parts(observation.check)])[:10]


def fresh_id(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever is free first; marks it taken."""
    found, number = base, 2
    while found in taken:
        found, number = f"{base}-{number}", number + 1
    taken.add(found)
    return found


def taken_ids(item: Commitment | Claim) -> set[str]:
    """Every entry and figure id the item holds, current or superseded."""
    history: Sequence[StatusChange[Any]] = item.history
    corrections: Sequence[Correction[Any]] = item.corrections
    ids = {c.id for c in history} | {c.superseded.id for c in corrections}
    if isinstance(item, Commitment):
        ids |= {p.id for p in item.progress}
        ids |= {c.superseded.id for c in item.progress_corrections}
    ids.discard(None)
    return ids  # type: ignore[return-value]


_ID = operator.attrgetter("id")


def entry_key(change: StatusChange[Any]) -> tuple[int, int, int, int, int, str]:
    return change.date.sort_key()


def _in_order(history: Sequence[StatusChange[Any]]) -> Sequence[StatusChange[Any]]:
    """The history in date order (``history`` itself when it is); the pledge itself (an initial
    first entry) stays first."""
    if len(history) < 2:
        return history
    first = history[0]
    rest = history[1:] if first.status == initial_status(type(first.status)) else history
    keys = [change.date._sort_key for change in rest]
    if all(map(operator.le, keys, keys[1:])):
        return history  # already in order, as in every saved file
    if rest is history:
        return sorted(history, key=entry_key)
    return [first, *sorted(rest, key=entry_key)]


def normalised(item: Item) -> Item:
    """The item with ids given to entries without one and its lists in their stored order.

    Returns the item itself when nothing changes (every saved file), so loading stays cheap.
    """
    history: Sequence[StatusChange[Any]] = item.history
    progress: Sequence[Progress] = getattr(item, "progress", ())
    corrections: Sequence[Correction[Any]] = item.corrections
    figures: Sequence[ProgressCorrection] = getattr(item, "progress_corrections", ())
    changes: dict[str, Any] = {}
    unnamed = None in map(_ID, history) or (bool(progress) and None in map(_ID, progress))
    unnamed = unnamed or any(c.superseded.id is None for c in corrections)
    if unnamed or (bool(figures) and any(f.superseded.id is None for f in figures)):
        taken = taken_ids(item)
        corrections = [
            c
            if c.superseded.id is not None
            else attrs.evolve(c, superseded=_named(item.id, c.superseded, taken))
            for c in corrections
        ]
        history = [c if c.id is not None else _named(item.id, c, taken) for c in history]
        progress = [p if p.id is not None else _figure_named(item.id, p, taken) for p in progress]
        figures = [
            c
            if c.superseded.id is not None
            else attrs.evolve(c, superseded=_figure_named(item.id, c.superseded, taken))
            for c in figures
        ]
        changes.update(history=tuple(history), corrections=tuple(corrections))
        if isinstance(item, Commitment):
            changes["progress"] = tuple(progress)
            changes["progress_corrections"] = tuple(figures)
    ordered = _in_order(history)
    if ordered is not history:
        changes["history"] = tuple(ordered)
    if len(progress) > 1 and any(
        a.date._sort_key > b.date._sort_key for a, b in itertools.pairwise(progress)
    ):
        changes["progress"] = tuple(sorted(progress, key=lambda p: p.date.sort_key()))
    if len(corrections) > 1 and any(
        correction_key(a) > correction_key(b) for a, b in itertools.pairwise(corrections)
    ):
        changes["corrections"] = tuple(sorted(corrections, key=correction_key))
    if len(figures) > 1 and any(
        correction_key(a) > correction_key(b) for a, b in itertools.pairwise(figures)
    ):
        changes["progress_corrections"] = tuple(sorted(figures, key=correction_key))
    return attrs.evolve(item, **changes) if changes else item


def _figure_named(item_id: str, figure: Progress, taken: set[str]) -> Progress:
    return attrs.evolve(figure, id=fresh_id(progress_id(item_id, figure), taken))


def _named(item_id: str, change: StatusChange[Any], taken: set[str]) -> StatusChange[Any]:
    # Built directly rather than by attrs.evolve, which costs several times more: a version 1
    # file has every entry of every item named this way on load. Every field is copied
    # (tests/test_history.py checks it against attrs.evolve).
    return StatusChange(
        id=fresh_id(entry_id(item_id, change), taken),
        date=change.date,
        status=change.status,
        evidence=change.evidence,
        progress=change.progress,
        note=change.note,
        check=change.check,
    )


def correction_key(correction: Correction[Any] | ProgressCorrection) -> tuple[Any, ...]:
    """The stored order of corrections (of entries, and of figures): by day, then by the id of
    what they superseded."""
    return (correction.on.sort_key(), correction.superseded.id or "")


# -- corrections --------------------------------------------------------------------------------


def corrected(
    item: Item,
    entry: str,
    *,
    on: Any,
    reason: str,
    replacement: StatusChange[Any] | None,
) -> Item:
    """The item with history entry ``entry`` corrected (``replacement`` takes its place) or
    withdrawn (``replacement`` is ``None``); the original moves to ``corrections``.

    Raises ``UnknownId`` when the item has no such entry in its current history (an entry
    already corrected says which entry replaced it), ``TransitionRefused`` when the entry is the
    pledge itself and would be withdrawn.
    """
    history: Sequence[StatusChange[Any]] = item.history
    position = next((i for i, c in enumerate(history) if c.id == entry), None)
    if position is None:
        corrections: Sequence[Correction[Any]] = item.corrections
        earlier = next((c for c in corrections if c.superseded.id == entry), None)
        if earlier is not None:
            now = repr(earlier.replacement) if earlier.replacement else "nothing (withdrawn)"
            raise UnknownId(
                f"current history entry of {item.id!r} (already corrected on"
                f" {earlier.on}; replaced by {now})",
                entry,
            )
        raise UnknownId(f"history entry of {item.id!r}", entry, [str(c.id) for c in history])
    original = history[position]
    if not reason.strip():
        raise _refused(item, original, "reason-required", "a correction needs a reason")
    if replacement is None and position == 0:
        raise _refused(
            item,
            original,
            "pledge-kept",
            f"cannot withdraw {entry!r}: it is the first entry of {item.id!r} (the item being"
            " made); correct its date or evidence instead",
        )
    made = next((c for c in item.corrections if c.replacement == entry), None)
    if made is not None and on.known_before(made.on):
        raise _refused(
            item,
            original,
            "correction-order",
            f"{entry!r} was made by a correction on {made.on}; it cannot be corrected on {on},"
            " before it existed",
        )
    rest = [c for c in history if c.id != entry]
    new_id = None
    if replacement is not None:
        taken = taken_ids(item)
        base = replacement.id or entry_id(item.id, replacement)
        if replacement.id is not None and replacement.id in taken:
            raise _refused(item, original, "id-taken", f"entry id {replacement.id!r} is taken")
        replacement = attrs.evolve(replacement, id=fresh_id(base, taken))
        new_id = replacement.id
        rest.insert(position, replacement)
    correction = Correction[Any](on=on, reason=reason, superseded=original, replacement=new_id)
    changes: dict[str, Any] = {
        "history": tuple(_in_order(rest)),
        "corrections": (*item.corrections, correction),
    }
    return normalised(attrs.evolve(item, **changes))


def _refused(
    item: Commitment | Claim, entry: StatusChange[Any], rule: str, detail: str
) -> TransitionRefused:
    return TransitionRefused(
        item_id=item.id,
        current=entry.status.value,
        requested=entry.status.value,
        allowed=[s.value for s in allowed_next(entry.status)],
        rule=rule,
        detail=detail,
    )


# -- unusual moves and the audit trail ----------------------------------------------------------


def unusual_entries(item: Commitment | Claim) -> list[StatusChange[Any]]:
    """The entries of the corrected history that make a move outside the table of usual moves."""
    history: Sequence[StatusChange[Any]] = item.history
    return [
        change
        for previous, change in itertools.pairwise(history)
        if is_unusual_move(previous, change)
    ]


def is_unusual_move(previous: StatusChange[Any], change: StatusChange[Any]) -> bool:
    """Whether an entry, following ``previous`` in a corrected history, makes a move outside
    the table of usual moves (a check confirming the status is no move)."""
    return (
        type(change.status) is type(previous.status)
        and not is_usual(previous.status, change.status)
        and not _confirms(previous, change)
    )


def is_move(history: Sequence[StatusChange[Any]], position: int) -> bool:
    """Whether the entry at ``position`` changes the status: an entry keeping the status before
    it (a check confirming it, or new evidence for it) is no move, and the first entry (the
    pledge or claim itself) is none either."""
    return position > 0 and history[position].status != history[position - 1].status


def status_began(history: Sequence[StatusChange[Any]], position: int) -> int:
    """The position of the entry where the status in effect at ``position`` began: the entry
    the status last changed at ("since"), skipping later entries that only confirm it."""
    while position > 0 and not is_move(history, position):
        position -= 1
    return position


def _confirms(previous: StatusChange[Any], change: StatusChange[Any]) -> bool:
    """A check that found nothing new, keeping the status: no move at all."""
    return change.status == previous.status and change.check is not None and not change.evidence


@frozen
class AuditLine:
    """One line of an item's history view: an entry, current or superseded, and why."""

    id: str
    date: str
    status: str
    basis: str
    state: str
    note: str


def audit(item: Commitment | Claim) -> list[AuditLine]:
    """Every entry an item ever had, current and superseded, in date order.

    ``state`` is ``""`` for a current entry, ``"unusual"`` for a current entry making a move
    outside the table, or says which correction superseded it (``"corrected 2024-03-05 by
    h-...: reason"`` / ``"withdrawn 2024-03-05: reason"``).
    """
    unusual = {change.id for change in unusual_entries(item)}
    history: Sequence[StatusChange[Any]] = item.history
    corrections: Sequence[Correction[Any]] = item.corrections
    rows: list[tuple[Any, AuditLine]] = []
    for position, change in enumerate(history):
        state = "unusual" if change.id in unusual else ""
        rows.append(((position > 0, change.date.sort_key()), _line(change, state)))
    for correction in corrections:
        old = correction.superseded
        if correction.replacement is None:
            state = f"withdrawn {correction.on}: {correction.reason}"
        else:
            state = f"corrected {correction.on} by {correction.replacement}: {correction.reason}"
        rows.append(((True, old.date.sort_key()), _line(old, state)))
    rows.sort(key=lambda row: row[0])
    return [line for _, line in rows]


def _line(change: StatusChange[Any], state: str) -> AuditLine:
    basis = ", ".join(change.evidence)
    if change.check is not None:
        check = change.check
        looked = f"check {check.on}: searched {check.searched}"
        basis = f"{basis}; {looked}" if basis else looked
    return AuditLine(
        id=str(change.id),
        date=change.date.edtf,
        status=change.status.value,
        basis=basis,
        state=state,
        note=change.note or "",
    )
