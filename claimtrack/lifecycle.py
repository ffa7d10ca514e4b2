"""Statuses, the tables of usual moves between them, policies, and their PAM and PolitiFact maps.

A status is always a dated record in an item's history. The tables here list the *usual* moves (a
broken pledge can still be kept late; an implemented one can be reversed). The real world makes
other moves too (implemented, then broken; achieved, then in progress again): under the default
policy (``usual-with-reason``) any move between statuses of the item's kind is recordable when it
carries a reason (the change's note), and it is marked *unusual*; the ``strict`` policy refuses
every move outside the table, so a ledger never drifts back to "announced" or out of a terminal
status.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Final

__all__ = [
    "CLAIM_TRANSITIONS",
    "COMMITMENT_TRANSITIONS",
    "OPEN_COMMITMENT_STATUSES",
    "PAM_LEVELS",
    "POLITIFACT_LABELS",
    "ClaimStatus",
    "CommitmentStatus",
    "Policy",
    "Stance",
    "allowed_next",
    "initial_status",
    "is_usual",
]


class CommitmentStatus(enum.Enum):
    """Where a pledge stands. ``announced`` is the initial status of every commitment."""

    #: Members are singletons, so hashing by identity keeps every set and mapping as it was, in
    #: C: Enum's own ``__hash__`` is Python code, and as-of loops hash statuses 100,000 times.
    __hash__ = object.__hash__

    ANNOUNCED = "announced"
    IN_PROGRESS = "in_progress"
    PARTIALLY_IMPLEMENTED = "partially_implemented"
    IMPLEMENTED = "implemented"
    STALLED = "stalled"
    BROKEN = "broken"
    REVERSED = "reversed"
    SUPERSEDED = "superseded"
    UNVERIFIABLE = "unverifiable"


class ClaimStatus(enum.Enum):
    """Where an attributed assertion stands. ``unverified`` is the initial status of every claim."""

    __hash__ = object.__hash__  # as CommitmentStatus's

    UNVERIFIED = "unverified"
    CORROBORATED = "corroborated"
    DISPUTED = "disputed"
    REFUTED = "refuted"
    RETRACTED = "retracted"
    UNVERIFIABLE = "unverifiable"


class Stance(enum.Enum):
    """How a piece of evidence bears on the items that cite it."""

    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"
    MENTIONS = "mentions"
    #: The evidence says the pledge or claim was made again (the recurrence report counts it).
    RESTATES = "restates"


class Policy(enum.Enum):
    """Which moves between statuses a ledger accepts.

    ``usual-with-reason`` (the default): any move between statuses of the item's kind, a move
    outside the table of usual moves only with a reason (the change's note); ``strict``: only the
    moves in the table.
    """

    USUAL_WITH_REASON = "usual-with-reason"
    STRICT = "strict"


Status = CommitmentStatus | ClaimStatus

_C = CommitmentStatus
_K = ClaimStatus

COMMITMENT_TRANSITIONS: Final[Mapping[CommitmentStatus, frozenset[CommitmentStatus]]] = (
    MappingProxyType(
        {
            _C.ANNOUNCED: frozenset(
                {
                    _C.IN_PROGRESS,
                    _C.PARTIALLY_IMPLEMENTED,
                    _C.IMPLEMENTED,
                    _C.STALLED,
                    _C.BROKEN,
                    _C.SUPERSEDED,
                    _C.UNVERIFIABLE,
                }
            ),
            _C.IN_PROGRESS: frozenset(
                {
                    _C.PARTIALLY_IMPLEMENTED,
                    _C.IMPLEMENTED,
                    _C.STALLED,
                    _C.BROKEN,
                    _C.SUPERSEDED,
                    _C.UNVERIFIABLE,
                }
            ),
            _C.PARTIALLY_IMPLEMENTED: frozenset(
                {
                    _C.IN_PROGRESS,
                    _C.IMPLEMENTED,
                    _C.STALLED,
                    _C.BROKEN,
                    _C.REVERSED,
                    _C.SUPERSEDED,
                    _C.UNVERIFIABLE,
                }
            ),
            # Achieved, then undone (a court blocks it, a fence is torn down) or replaced.
            _C.IMPLEMENTED: frozenset({_C.PARTIALLY_IMPLEMENTED, _C.REVERSED, _C.SUPERSEDED}),
            _C.STALLED: frozenset(
                {
                    _C.IN_PROGRESS,
                    _C.PARTIALLY_IMPLEMENTED,
                    _C.IMPLEMENTED,
                    _C.BROKEN,
                    _C.SUPERSEDED,
                    _C.UNVERIFIABLE,
                }
            ),
            # Broken, then kept late after all.
            _C.BROKEN: frozenset(
                {_C.IN_PROGRESS, _C.PARTIALLY_IMPLEMENTED, _C.IMPLEMENTED, _C.SUPERSEDED}
            ),
            _C.REVERSED: frozenset(
                {
                    _C.IN_PROGRESS,
                    _C.PARTIALLY_IMPLEMENTED,
                    _C.IMPLEMENTED,
                    _C.BROKEN,
                    _C.SUPERSEDED,
                }
            ),
            # Terminal: the successor commitment carries the story on.
            _C.SUPERSEDED: frozenset(),
            _C.UNVERIFIABLE: frozenset(
                {
                    _C.IN_PROGRESS,
                    _C.PARTIALLY_IMPLEMENTED,
                    _C.IMPLEMENTED,
                    _C.STALLED,
                    _C.BROKEN,
                    _C.SUPERSEDED,
                }
            ),
        }
    )
)

CLAIM_TRANSITIONS: Final[Mapping[ClaimStatus, frozenset[ClaimStatus]]] = MappingProxyType(
    {
        _K.UNVERIFIED: frozenset(
            {_K.CORROBORATED, _K.DISPUTED, _K.REFUTED, _K.RETRACTED, _K.UNVERIFIABLE}
        ),
        _K.CORROBORATED: frozenset({_K.DISPUTED, _K.REFUTED, _K.RETRACTED}),
        _K.DISPUTED: frozenset({_K.CORROBORATED, _K.REFUTED, _K.RETRACTED, _K.UNVERIFIABLE}),
        _K.REFUTED: frozenset({_K.CORROBORATED, _K.DISPUTED, _K.RETRACTED}),
        # Terminal: a claimant who asserts it again makes a new claim that "restates" this one.
        _K.RETRACTED: frozenset(),
        _K.UNVERIFIABLE: frozenset({_K.CORROBORATED, _K.DISPUTED, _K.REFUTED, _K.RETRACTED}),
    }
)

#: Peace Accords Matrix implementation level (0 not initiated, 1 minimal, 2 intermediate,
#: 3 full). ``stalled`` scores 1: work began, then stopped. ``broken`` and ``reversed`` score 0:
#: nothing implemented stands. ``unverifiable`` scores 0, as PAM codes stipulations without
#: evidence of implementation. ``superseded`` is ``None``: it is left out of scores because its
#: successor commitment is scored instead, so nothing is counted twice.
PAM_LEVELS: Final[Mapping[CommitmentStatus, int | None]] = MappingProxyType(
    {
        _C.ANNOUNCED: 0,
        _C.IN_PROGRESS: 1,
        _C.PARTIALLY_IMPLEMENTED: 2,
        _C.IMPLEMENTED: 3,
        _C.STALLED: 1,
        _C.BROKEN: 0,
        _C.REVERSED: 0,
        _C.SUPERSEDED: None,
        _C.UNVERIFIABLE: 0,
    }
)

#: PolitiFact meter labels. PolitiFact rates outcomes and has no "unverifiable" or
#: "superseded" rating: both show as "Not Yet Rated".
POLITIFACT_LABELS: Final[Mapping[CommitmentStatus, str]] = MappingProxyType(
    {
        _C.ANNOUNCED: "Not Yet Rated",
        _C.IN_PROGRESS: "In the Works",
        _C.PARTIALLY_IMPLEMENTED: "Compromise",
        _C.IMPLEMENTED: "Promise Kept",
        _C.STALLED: "Stalled",
        _C.BROKEN: "Promise Broken",
        _C.REVERSED: "Promise Broken",
        _C.SUPERSEDED: "Not Yet Rated",
        _C.UNVERIFIABLE: "Not Yet Rated",
    }
)

#: Statuses under which a commitment can still become overdue or stale.
OPEN_COMMITMENT_STATUSES: Final[frozenset[CommitmentStatus]] = frozenset(
    {_C.ANNOUNCED, _C.IN_PROGRESS, _C.PARTIALLY_IMPLEMENTED, _C.STALLED, _C.UNVERIFIABLE}
)

#: Statuses that need at least one cited evidence item of the given stance.
NEEDS_STANCE: Final[Mapping[Status, Stance]] = MappingProxyType(
    {
        _C.IMPLEMENTED: Stance.SUPPORTS,
        _K.CORROBORATED: Stance.SUPPORTS,
        _K.REFUTED: Stance.CONTRADICTS,
    }
)


def initial_status(kind: type[Status]) -> Status:
    """The status every commitment (``announced``) or claim (``unverified``) starts in."""
    if kind is CommitmentStatus:
        return CommitmentStatus.ANNOUNCED
    return ClaimStatus.UNVERIFIED


#: Both tables in one, for lookups that do not care which kind of item moves.
_NEXT: Final[Mapping[Status, frozenset[Status]]] = MappingProxyType(
    {
        **{status: frozenset[Status](nxt) for status, nxt in COMMITMENT_TRANSITIONS.items()},
        **{status: frozenset[Status](nxt) for status, nxt in CLAIM_TRANSITIONS.items()},
    }
)


def allowed_next(current: Status) -> Sequence[Status]:
    """The statuses the table allows after ``current``, in declaration order."""
    allowed = _NEXT[current]
    return [status for status in type(current) if status in allowed]


def is_usual(current: Status, requested: Status) -> bool:
    """Whether a move is in the table of usual moves (a move to the same status is not; a
    check confirming the status is no move, see ``transition_refusal``)."""
    return requested in _NEXT[current]


def transition_refusal(
    item_id: str,
    current: Status,
    requested: Status,
    stances: Sequence[Stance],
    *,
    reason: bool = False,
    checked: bool = False,
    policy: Policy = Policy.USUAL_WITH_REASON,
) -> tuple[str, str] | None:
    """Why moving ``item_id`` from ``current`` to ``requested`` is refused, or ``None``.

    Returns ``(rule, message)``. ``stances`` are the stances of the evidence the change cites,
    ``reason`` whether it carries a reason (its note), ``checked`` whether it rests on a
    recorded check instead of (or besides) evidence.
    """
    if requested in _NEXT[current] and requested not in NEEDS_STANCE and (stances or checked):
        return None  # the common case, decided without building any message
    if requested == current and checked and not stances:
        return None  # a check that found nothing new confirms the status: not a move
    if type(requested) is not type(current):
        return (
            "status-kind",
            f"{requested.value!r} is not a {_noun(current)} status",
        )
    if requested not in _NEXT[current]:
        if policy is Policy.STRICT:
            if requested == initial_status(type(current)):
                return (
                    "no-return-to-initial",
                    f"cannot move {item_id!r} back to {requested.value!r}; "
                    f"allowed from {current.value!r}: {_listing(current)} (strict policy)",
                )
            return (
                "transition-table",
                f"cannot move {item_id!r} from {current.value!r} to {requested.value!r}; "
                f"allowed: {_listing(current)} (strict policy)",
            )
        if not reason:
            return (
                "reason-required",
                f"moving {item_id!r} from {current.value!r} to {requested.value!r} is unusual"
                f" (usual from {current.value!r}: {_listing(current)}); record it with a reason",
            )
    if not stances and not checked:
        return (
            "evidence-required",
            f"moving {item_id!r} to {requested.value!r} needs cited evidence or a recorded check",
        )
    needed = NEEDS_STANCE.get(requested)
    if needed is not None and needed not in stances:
        if not stances:
            return (
                f"{requested.value}-needs-{needed.value}",
                f"{requested.value!r} needs evidence that {needed.value} it; a check alone"
                " cannot show it",
            )
        return (
            f"{requested.value}-needs-{needed.value}",
            f"{requested.value!r} needs evidence that {needed.value} it; "
            f"the cited evidence only {_stance_listing(stances)}",
        )
    return None


def _noun(status: Status) -> str:
    return "commitment" if isinstance(status, CommitmentStatus) else "claim"


def _listing(current: Status) -> str:
    allowed = allowed_next(current)
    if not allowed:
        return f"none ({current.value!r} is terminal)"
    return ", ".join(repr(status.value) for status in allowed)


def _stance_listing(stances: Sequence[Stance]) -> str:
    return " and ".join(sorted({stance.value for stance in stances}))
