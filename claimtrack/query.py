"""As-of queries: what stood on a day, resolved once into a :class:`Moment`, answered from an index.

The public boundary (``Ledger`` methods, report functions) accepts any :data:`AsOf` value (a
day, a PartialDate standing for its last day, or EDTF text) and turns it into a ``Moment`` once;
everything below takes the ``Moment``. The :class:`Index` holds what the queries need and a
ledger does not store: each history entry's known-from day, the running minimum that makes "the
entry in effect on day D" a bisection, each source's publication day by evidence id, each item's
cited evidence. A ledger builds its index on first use and keeps it (a ledger never changes).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import operator
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import field, frozen

from claimtrack.dates import PartialDate
from claimtrack.history import is_move, is_unusual_move, status_began
from claimtrack.lifecycle import (
    CLAIM_TRANSITIONS,
    COMMITMENT_TRANSITIONS,
    OPEN_COMMITMENT_STATUSES,
    ClaimStatus,
    Status,
)
from claimtrack.model import Claim, Commitment, Evidence, StatusChange

if TYPE_CHECKING:
    from claimtrack.ledger import Ledger

__all__ = ["AsOf", "Index", "Moment", "Standing", "as_day"]


@frozen
class Moment:
    """The point a query looks from: what had happened by ``day``."""

    day: dt.date
    #: ``day`` as a proleptic Gregorian ordinal, the index's unit.
    ordinal: int = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "ordinal", self.day.toordinal())

    @classmethod
    def of(cls, value: AsOf) -> Moment:
        """The moment an as-of argument stands for (a Moment is returned as it is)."""
        if isinstance(value, Moment):
            return value
        if type(value) is str:
            return _moment_of_text(value)  # the same text is asked about item after item
        return cls(as_day(value))


@functools.lru_cache(maxsize=256)
def _moment_of_text(text: str) -> Moment:
    return Moment(_last_day(text))


#: What as-of arguments accept: a day, a PartialDate (its last day), EDTF text, or a Moment.
AsOf = dt.date | PartialDate | str | Moment


def as_day(value: AsOf) -> dt.date:
    """The day an as-of argument stands for; a partial date stands for its last day."""
    if isinstance(value, Moment):
        return value.day
    if isinstance(value, str):
        return _last_day(value)
    if isinstance(value, PartialDate):
        return value.latest
    if isinstance(value, dt.datetime):
        return value.date()
    return value


@functools.lru_cache(maxsize=256)
def _last_day(text: str) -> dt.date:
    return PartialDate.parse(text).latest


_SOURCE = operator.attrgetter("source")


def _keys_of(known: tuple[int, ...]) -> tuple[int, ...]:
    """Non-decreasing keys for bisecting a history by the as-of rule: ``known`` itself (one
    tuple for both) when it is non-decreasing already, as most histories are, else its running
    minimum from the end.

    Entry ``i`` is known to have happened by day D when any entry at or after ``i`` is, so the
    key of ``i`` is the smallest known-from day among entries ``i`` and later.
    """
    if all(map(operator.le, known, known[1:])):
        return known
    keys = list(known)
    for position in range(len(keys) - 2, -1, -1):
        keys[position] = min(keys[position], keys[position + 1])
    return tuple(keys)


def _known_days(
    history: Sequence[StatusChange[Any]], published: Callable[[str], int | None]
) -> tuple[int, ...]:
    """Each entry's known-from day (ordinal): its last possible day, or the publication of an
    evidence source reporting it (``published``: evidence id -> day) if earlier but not before
    the entry's own first day; never before an earlier entry's first day."""
    found: list[int] = []
    floor = 0
    for change in history:
        earliest, known = change.date._ordinals
        if earliest > floor:
            floor = earliest
        for evidence_id in change.evidence:
            day = published(evidence_id)
            if day is not None and earliest <= day < known:
                known = day
        found.append(known if known > floor else floor)
    return tuple(found)


def cited_ids(item: Commitment | Claim) -> list[str]:
    """Ids of the evidence an item cites, in its own list, its history or its progress figures,
    each once, in order."""
    history: Sequence[StatusChange[Any]] = item.history
    progress = getattr(item, "progress", ())
    if not item.evidence and len(history) == 1 and not progress:
        return list(history[0].evidence)
    seen: dict[str, None] = dict.fromkeys(item.evidence)
    for change in history:
        seen.update(dict.fromkeys(change.evidence))
    for observation in progress:
        seen.update(dict.fromkeys(observation.evidence))
    return list(seen)


_OPEN: frozenset[Status] = frozenset(OPEN_COMMITMENT_STATUSES)
#: The usual next statuses of every status (``lifecycle.is_usual``).
_USUAL: dict[Status, frozenset[Status]] = {
    **{status: frozenset[Status](nxt) for status, nxt in COMMITMENT_TRANSITIONS.items()},
    **{status: frozenset[Status](nxt) for status, nxt in CLAIM_TRANSITIONS.items()},
}
_UNSETTLED: frozenset[Status] = OPEN_COMMITMENT_STATUSES | {
    ClaimStatus.UNVERIFIED,
    ClaimStatus.DISPUTED,
    ClaimStatus.UNVERIFIABLE,
}


#: What a status table row says of an item on a day: ``(item, current entry, the entry its status
#: began at, the latest cited evidence id known by the day or None, overdue, stale, unusual)``.
#: A plain tuple: tables make 20,000 of them.
Item = TypeVar("Item", Commitment, Claim)
Standing = tuple[Item, "StatusChange[Any]", "StatusChange[Any]", "str | None", bool, bool, bool]


#: The day of evidence whose source has no publication date: later than any as-of day.
_NEVER = dt.date.max.toordinal() + 1


def _latest_cited(
    item: Commitment | Claim, published: Callable[[str, int], int], day: int
) -> tuple[int, str | None]:
    """The cited evidence whose source was published last by the day (an ordinal), as
    ``(publication day, evidence id)``; ties go to the largest id; ``(-1, None)``: none.
    ``published`` is the index's evidence id -> day map's ``get``."""
    cited = [*item.evidence]
    for change in item.history:
        cited += change.evidence
    for observation in getattr(item, "progress", ()):
        cited += observation.evidence
    latest, found = -1, ""  # ids are never empty
    for evidence_id in cited:  # a plain loop: a table asks this of every item
        known = published(evidence_id, _NEVER)
        if known <= day and (known > latest or (known == latest and evidence_id > found)):
            latest, found = known, evidence_id
    return latest, found or None


def _overdue(item: Commitment | Claim, status: Status, day: int) -> bool:
    """An open commitment whose due date has surely passed by the day (an ordinal)."""
    due = getattr(item, "due", None)
    return due is not None and status in _OPEN and due._ordinals[1] < day


class Index:
    """The as-of index of one ledger, filled item by item as queries need it."""

    __slots__ = ("_cited", "_keys", "_known", "_ledger", "_published")

    def __init__(self, ledger: Ledger) -> None:
        self._ledger = ledger
        #: Each item's bisection keys, by id: its known-from days themselves when in order.
        self._keys: dict[str, tuple[int, ...]] = {}
        #: The known-from days of the few items whose days are not in order, by id.
        self._known: dict[str, tuple[int, ...]] = {}
        self._cited: dict[str, list[str]] = {}
        self._published: dict[str, int] | None = None

    def published(self) -> dict[str, int]:
        """Evidence id -> last possible day of its source's publication (ordinal)."""
        if self._published is None:
            sources = self._ledger.sources
            by_source = {s.id: s.published._ordinals[1] for s in sources if s.published}
            evidence = self._ledger.evidence
            days = map(by_source.get, map(_SOURCE, evidence))
            self._published = {
                evidence_id: day
                for evidence_id, day in zip(evidence.keys(), days, strict=True)
                if day is not None
            }
        return self._published

    def known(self, item: Commitment | Claim) -> tuple[int, ...]:
        """Each history entry's known-from day (ordinal); see ``Ledger.known_from``."""
        keys = self._keys.get(item.id) or self._fill(item)
        return self._known.get(item.id, keys)

    def _fill(self, item: Commitment | Claim) -> tuple[int, ...]:
        """Work out and keep an item's known-from days and bisection keys; the keys."""
        known = _known_days(item.history, self.published().get)
        keys = self._keys[item.id] = _keys_of(known)
        if keys is not known:
            self._known[item.id] = known
        return keys

    def prepare(self) -> None:
        """Every item's known-from days and bisection keys at once (what a first query would
        otherwise work out item by item): a load does this, so that its first query is warm."""
        get = self.published().get
        known_all, keys_all = self._known, self._keys
        items: list[Commitment | Claim] = [*self._ledger.commitments, *self._ledger.claims]
        for item in items:
            if item.id not in keys_all:
                known = _known_days(item.history, get)
                keys = keys_all[item.id] = _keys_of(known)
                if keys is not known:
                    known_all[item.id] = known

    def cited(self, item: Commitment | Claim) -> list[str]:
        """The evidence ids an item cites (``cited_ids``), cached."""
        found = self._cited.get(item.id)
        if found is None:
            found = self._cited[item.id] = cited_ids(item)
        return found

    # -- queries -------------------------------------------------------------------------------

    def _position(self, item: Commitment | Claim, moment: Moment) -> int:
        """The position of the history entry in effect on the moment's day (-1 before the first)."""
        keys = self._keys.get(item.id) or self._fill(item)
        return bisect.bisect_right(keys, moment.ordinal) - 1

    def status(self, item: Commitment | Claim, moment: Moment) -> StatusChange[Any] | None:
        """The history entry in effect on the moment's day, or ``None`` before the first."""
        position = self._position(item, moment)
        return item.history[position] if position >= 0 else None

    def since(self, item: Commitment | Claim, moment: Moment) -> StatusChange[Any] | None:
        """The entry where the status in effect on the moment's day began (its date is the
        "since" of reports): later entries confirming the same status are no move."""
        position = self._position(item, moment)
        return item.history[status_began(item.history, position)] if position >= 0 else None

    def last_activity(self, item: Commitment | Claim, moment: Moment) -> dt.date | None:
        """The last day, by the moment, on which news of an item became known."""
        last = self._last_news(item, moment.ordinal)
        return None if last < 0 else dt.date.fromordinal(last)

    def _last_news(self, item: Commitment | Claim, day: int) -> int:
        """``last_activity`` as an ordinal (-1: none): the latest of the entries' known-from
        days and the cited sources' publications by the day."""
        return max(self._known_news(item, day), _latest_cited(item, self.published().get, day)[0])

    def _known_news(self, item: Commitment | Claim, day: int) -> int:
        """The latest of the entries' known-from days by the day (-1: none)."""
        return max([k for k in self.known(item) if k <= day], default=-1)

    def _stale(
        self, item: Commitment | Claim, day: int, stale_days: int, latest: int | None = None
    ) -> bool:
        """Whether the last news (see ``_last_news``) is more than ``stale_days`` before the
        day; the cited evidence (``latest``: its latest publication by the day, if known
        already) is read only when the entries' own news is older than that."""
        last = self._known_news(item, day)
        if last >= 0 and day - last <= stale_days:
            return False
        if latest is None:
            latest = _latest_cited(item, self.published().get, day)[0]
        last = max(last, latest)
        return last >= 0 and day - last > stale_days

    def latest_evidence(self, item: Commitment | Claim, moment: Moment) -> Evidence | None:
        """The cited evidence whose source was published last by the moment (ties: by id)."""
        evidence_id = _latest_cited(item, self.published().get, moment.ordinal)[1]
        return None if evidence_id is None else self._ledger.evidence[evidence_id]

    def flags(
        self, item: Commitment | Claim, moment: Moment, *, stale_days: int = 365
    ) -> tuple[bool, bool]:
        """``(overdue, stale)`` for an item at the moment, from one status lookup."""
        current = self.status(item, moment)
        if current is None:
            return (False, False)
        status, day = current.status, moment.ordinal
        stale = status in _UNSETTLED and self._stale(item, day, stale_days)
        return (_overdue(item, status, day), stale)

    def overdue(self, commitments: Iterable[Commitment], moment: Moment) -> list[Commitment]:
        """The commitments overdue at the moment, in order: the due date first (most have
        none, or a later one), the status only then."""
        day = moment.ordinal
        return [
            commitment
            for commitment in commitments
            if commitment.due is not None
            and commitment.due._ordinals[1] < day
            and (current := self.status(commitment, moment)) is not None
            and current.status in _OPEN
        ]

    def stale(
        self, items: Iterable[Commitment | Claim], moment: Moment, *, stale_days: int = 365
    ) -> list[Commitment | Claim]:
        """The items stale at the moment (see ``flags``), in order."""
        day = moment.ordinal
        return [
            item
            for item in items
            if (current := self.status(item, moment)) is not None
            and current.status in _UNSETTLED
            and self._stale(item, day, stale_days)
        ]

    def standings(
        self, items: Iterable[Item], moment: Moment, *, stale_days: int = 365
    ) -> Iterator[Standing[Item]]:
        """For each item with a status on the moment's day, in order, what a status table says
        of it (see ``Standing``): the answers of ``status``, ``since``, ``latest_evidence``,
        ``flags`` and ``history.unusual_entries``, worked out in one pass over the item.

        One walk of the item's cited evidence gives both the latest evidence and, for items
        still open, the last activity; a table asks this of every item, so nothing here is
        looked up twice."""
        day = moment.ordinal
        published = self.published().get
        keys_all = self._keys
        bisect_right = bisect.bisect_right
        for item in items:
            keys = keys_all.get(item.id) or self._fill(item)
            position = bisect_right(keys, day) - 1
            if position < 0:
                continue
            history: Sequence[StatusChange[Any]] = item.history
            current = history[position]
            status = current.status
            began = position  # history.status_began, inline: a table asks it 20,000 times
            while began > 0 and history[began - 1].status is status:
                began -= 1
            # Most moves are usual ones: only the others need the full rule.
            unusual = (
                position > 0
                and status not in _USUAL[history[position - 1].status]
                and is_unusual_move(history[position - 1], current)
            )
            latest, evidence_id = _latest_cited(item, published, day)
            overdue = stale = False  # settled: neither (open statuses are unsettled ones)
            if status in _UNSETTLED:
                overdue = _overdue(item, status, day)
                stale = self._stale(item, day, stale_days, latest)
            yield (item, current, history[began], evidence_id, overdue, stale, unusual)

    def changes_between(
        self, start: Moment, end: Moment
    ) -> list[tuple[Commitment | Claim, StatusChange[Any]]]:
        """Status moves that came into effect after ``start`` and by ``end``, oldest first.

        Only entries changing the status count: a check (or evidence) confirming the status in
        effect is no move (see ``history.is_move``)."""
        first, last = start.ordinal, end.ordinal
        found: list[tuple[Commitment | Claim, StatusChange[Any]]] = []
        items: list[Commitment | Claim] = [*self._ledger.commitments, *self._ledger.claims]
        for item in items:
            history: Sequence[StatusChange[Any]] = item.history
            found.extend(
                (item, change)
                for position, (change, day) in enumerate(
                    zip(history, self.known(item), strict=True)
                )
                if first < day <= last and is_move(history, position)
            )
        found.sort(key=lambda pair: (pair[1].date.sort_key(), pair[0].id))
        return found
