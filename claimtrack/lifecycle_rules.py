"""The lifecycle rule of a status history, fast test and explanation together: it starts in the
initial status, moves by the table of usual moves (or, under the default policy, outside it with
a reason) with the evidence or check each move needs, cites known evidence and has nothing dated
before the item was made. :mod:`claimtrack.rules` makes it a rule of commitments and claims.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from claimtrack import _registry as registry
from claimtrack.lifecycle import (
    CLAIM_TRANSITIONS,
    COMMITMENT_TRANSITIONS,
    NEEDS_STANCE,
    ClaimStatus,
    CommitmentStatus,
    Policy,
    Stance,
    initial_status,
    transition_refusal,
)
from claimtrack.model import StatusChange

__all__ = ["explain_history", "history_holds"]

_EVIDENCE = registry.EVIDENCE.name


class Checker(Protocol):
    """What this rule needs from the ledger checker (``claimtrack.rules.Checker``)."""

    stances: dict[str, Stance]
    policy: Policy

    def add(self, path: str, message: str) -> None: ...

    def refer_all(self, path: str, collection: str, ids: Iterable[str]) -> None: ...


_INITIAL = {kind: initial_status(kind) for kind in (CommitmentStatus, ClaimStatus)}
# Keyed by the statuses' string values: str hashing is far cheaper than Enum.__hash__.
_NEXT_VALUES: dict[type, dict[str, set[str]]] = {
    kind: {status._value_: {s._value_ for s in nxt} for status, nxt in table.items()}
    for kind, table in (
        (CommitmentStatus, COMMITMENT_TRANSITIONS),
        (ClaimStatus, CLAIM_TRANSITIONS),
    )
}
_NEEDS_VALUES = {status._value_: stance._value_ for status, stance in NEEDS_STANCE.items()}


def history_holds(
    history: Sequence[StatusChange[Any]],
    stances: dict[str, str],
    kind: type[CommitmentStatus] | type[ClaimStatus],
    strict: bool,
) -> bool:
    """Fast: the history follows the lifecycle (``stances``: evidence id -> stance value)."""
    if not history:
        return False
    previous = history[0]
    if previous.status is not _INITIAL[kind]:
        return False
    table = _NEXT_VALUES[kind]
    made = previous.date.earliest
    for change in history[1:]:
        status = change.status
        if (
            type(status) is not kind
            or (not change.evidence and change.check is None)
            or change.date.latest < made
        ):
            return False
        if (
            status._value_ not in table[previous.status._value_]
            and (strict or not (change.note and change.note.strip()))
            and not (status is previous.status and change.check and not change.evidence)
        ):
            return False
        needed = _NEEDS_VALUES.get(status._value_)
        if needed is not None and needed not in {stances[e] for e in change.evidence}:
            return False
        previous = change
    return True


def explain_history(
    checker: Checker,
    path: str,
    item_id: str,
    history: Sequence[StatusChange[Any]],
    kind: type[CommitmentStatus] | type[ClaimStatus],
    noun: str,
) -> None:
    """Each way a status history breaks the lifecycle, with its path."""
    if not history:
        checker.add(f"{path}.history", "a history needs at least its first entry")
        return
    wrong_kind = False
    for position, change in enumerate(history):
        if type(change.status) is not kind:
            wrong_kind = True
            valid = ", ".join(status.value for status in kind)
            checker.add(
                f"{path}.history[{position}].status",
                f"{change.status.value!r} is not a {noun} status; expected one of {valid}",
            )
    first = history[0]
    initial = initial_status(kind)
    if not wrong_kind and first.status != initial:
        checker.add(
            f"{path}.history[0].status",
            f"a history starts with {initial.value!r}, not {first.status.value!r}",
        )
    previous = first
    for position, change in enumerate(history):
        where = f"{path}.history[{position}]"
        checker.refer_all(f"{where}.evidence", _EVIDENCE, change.evidence)
        if position == 0:
            continue
        if change.date.known_before(first.date):
            checker.add(
                f"{where}.date",
                f"{change.date} is before the item was made ({first.date}); a history starts"
                " with the pledge or claim itself",
            )
        if wrong_kind:
            previous = change
            continue
        stances = [checker.stances[e] for e in change.evidence if e in checker.stances]
        if change.evidence and not stances:
            stances = [Stance.MENTIONS]  # dangling ids are reported above; don't pile on
        refusal = transition_refusal(
            item_id,
            previous.status,
            change.status,
            stances,
            reason=bool(change.note and change.note.strip()),
            checked=change.check is not None,
            policy=checker.policy,
        )
        if refusal is not None:
            rule, message = refusal
            field = "status"
            if rule == "evidence-required" or "-needs-" in rule:
                field = "evidence"
            elif rule == "reason-required":
                field = "note"
            checker.add(f"{where}.{field}", message)
        previous = change
