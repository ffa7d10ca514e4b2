"""The Ledger's history methods: corrections, withdrawals, progress (and its corrections), the
audit trail, unusual moves and known-by views. A mixin of :class:`claimtrack.ledger.Ledger`,
kept apart so the ledger module stays about collections and lookups; the semantics live in
:mod:`claimtrack.history`, :mod:`claimtrack.revisions` and :mod:`claimtrack.knowledge`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

from claimtrack.dates import PartialDate
from claimtrack.errors import InvalidArgument, InvalidLedger, UnknownId
from claimtrack.history import AuditLine, audit, unusual_entries
from claimtrack.lifecycle import Policy, Stance, Status
from claimtrack.model import (
    Check,
    Claim,
    Commitment,
    Correction,
    Evidence,
    Progress,
    StatusChange,
)
from claimtrack.query import AsOf, Moment, as_day

# revisions, knowledge and fieldtypes are imported where used: a load and a report need none.
if TYPE_CHECKING:
    from claimtrack.ledger import Ledger

__all__ = ["LedgerHistory"]


class LedgerHistory:
    """History methods of a Ledger (see the module docstring)."""

    __slots__ = ()

    # -- queries --------------------------------------------------------------------------------

    def audit(self, item_id: str) -> list[AuditLine]:
        """Every entry an item ever had, current, unusual or superseded, in date order."""
        ledger = cast("Ledger", self)
        return audit(ledger.item(item_id))

    def unusual(self) -> list[tuple[Commitment | Claim, StatusChange[Any]]]:
        """Every entry making a move outside the table of usual moves, by item id."""
        ledger = cast("Ledger", self)
        items: list[Commitment | Claim] = [*ledger.commitments, *ledger.claims]
        return [(item, change) for item in items for change in unusual_entries(item)]

    def is_unusual(self, item_id: str, entry: StatusChange[Any] | None) -> bool:
        """Whether this entry of the item makes a move outside the table of usual moves."""
        ledger = cast("Ledger", self)
        return entry is not None and any(
            change.id == entry.id for change in unusual_entries(ledger.item(item_id))
        )

    def entry(self, entry_id: str) -> tuple[Commitment | Claim, StatusChange[Any]]:
        """The item and current history entry with this id.

        For an entry already corrected or withdrawn, its item and first entry are returned, so
        that ``correct`` and ``withdraw`` can say which correction superseded it.
        """
        ledger = cast("Ledger", self)
        index = ledger._derived.get("entries")
        if index is None:
            items: list[Commitment | Claim] = [*ledger.commitments, *ledger.claims]
            index = {c.id: (item, c) for item in items for c in item.history}
            for item in items:
                corrections: Sequence[Correction[Any]] = item.corrections
                for correction in corrections:
                    index.setdefault(correction.superseded.id, (item, item.history[0]))
            ledger._derived["entries"] = index
        found = index.get(entry_id)
        if found is None:
            raise UnknownId("history entry", entry_id, [str(key) for key in index])
        return cast(tuple[Commitment | Claim, StatusChange[Any]], found)

    def figure(self, figure_id: str) -> tuple[Commitment, Progress]:
        """The commitment and current progress figure with this id.

        For a figure already corrected or withdrawn, its commitment and the figure it had are
        returned, so that ``correct_progress`` and ``withdraw_progress`` can say which
        correction superseded it.
        """
        ledger = cast("Ledger", self)
        index = ledger._derived.get("figures")
        if index is None:
            index = {}
            for commitment in ledger.commitments:
                for correction in commitment.progress_corrections:
                    index[correction.superseded.id] = (commitment, correction.superseded)
                index.update((p.id, (commitment, p)) for p in commitment.progress)
            ledger._derived["figures"] = index
        found = index.get(figure_id)
        if found is None:
            raise UnknownId("progress figure", figure_id, [str(key) for key in index])
        return cast(tuple[Commitment, Progress], found)

    def item_of(self, entry_id: str) -> Commitment | Claim:
        """The commitment or claim holding this history entry or progress figure (current or
        superseded); ``UnknownId`` naming both kinds when it is neither."""
        ledger = cast("Ledger", self)
        try:
            return ledger.entry(entry_id)[0]
        except UnknownId:
            pass
        try:
            return ledger.figure(entry_id)[0]
        except UnknownId:
            known = [*ledger._derived["entries"], *ledger._derived["figures"]]
        raise UnknownId("history entry or progress figure", entry_id, [str(k) for k in known])

    def status_since(
        self, item_id: str, as_of: AsOf, *, known_by: AsOf | None = None
    ) -> StatusChange[Any] | None:
        """The entry where the status in effect on the as-of day began: its date is "since".

        A later entry keeping that status (a check confirming it, or new evidence for it) does
        not move "since"; ``None`` if the item was not yet known to have been made.
        """
        ledger = cast("Ledger", self)
        if known_by is not None:
            view = ledger.known_by(known_by)
            known = view.commitments.get(item_id) or view.claims.get(item_id)
            return None if known is None else view.status_since(item_id, as_of)
        return ledger._query().since(ledger.item(item_id), Moment.of(as_of))

    def progress_as_of(
        self, item_id: str, as_of: AsOf, *, known_by: AsOf | None = None
    ) -> Progress | None:
        """The latest progress figure of a commitment that had happened by the as-of day."""
        from claimtrack.knowledge import latest_progress

        ledger = cast("Ledger", self)
        ledger = ledger if known_by is None else ledger.known_by(known_by)
        commitment = ledger.commitments.get(item_id)
        if commitment is None:
            return None
        published = ledger._query().published()
        return latest_progress(commitment, as_day(as_of).toordinal(), published)

    def known_by(self, known_by: AsOf) -> Ledger:
        """The ledger as a reader could have known it on a day: entries, figures and evidence
        published later are left out, corrections made later undone, items not yet known gone.

        Every query and report run on this view answers "as known on that day".
        """
        from claimtrack.knowledge import known_collections

        ledger = cast("Ledger", self)
        day = as_day(known_by)
        key = ("known_by", day)
        view = ledger._derived.get(key)
        if view is None:
            published = ledger._query().published()
            collections = known_collections(ledger._views, day.toordinal(), published)
            view = ledger._derived[key] = type(ledger)._unchecked(ledger.policy, collections)
            view._derived["known_on"] = day
        return cast("Ledger", view)

    @property
    def known_on(self) -> dt.date | None:
        """For a view from ``known_by``, the day it stands for; else ``None``."""
        ledger = cast("Ledger", self)
        found: dt.date | None = ledger._derived.get("known_on")
        return found

    # -- updates (each returns a new, validated ledger) ---------------------------------------

    def correct(
        self,
        entry_id: str,
        *,
        on: PartialDate,
        reason: str,
        status: Status | None = None,
        date: PartialDate | None = None,
        evidence: Sequence[str] | None = None,
        note: str | None = None,
        value: float | None = None,
        of: float | None = None,
        unit: str | None = None,
        policy: Policy | None = None,
    ) -> Ledger:
        """A new ledger in which a history entry (or a progress figure) is corrected on ``on``
        for ``reason``: a copy with the given fields changed replaces it, and the original is
        kept as superseded. ``status`` is an entry's; ``value``, ``of`` and ``unit`` a figure's
        (see ``correct_progress``): ``InvalidArgument`` names one given for the other kind."""
        from claimtrack.revisions import correct_entry

        ledger = cast("Ledger", self)
        if ledger._names_figure(entry_id, status=status):
            return ledger.correct_progress(
                entry_id, on=on, reason=reason, date=date, value=value, of=of, unit=unit,
                evidence=evidence, note=note,
            )  # fmt: skip
        item = ledger.item_of(entry_id)
        for name, given in (("value", value), ("of", of), ("unit", unit)):
            if given is not None:
                why = f"a history entry ({entry_id!r} of {item.id!r} has no value, of or unit)"
                raise InvalidArgument(name, given, f"None for {why}")
        for evidence_id in evidence or ():
            ledger.evidence[evidence_id]
        revised = correct_entry(
            item,
            entry_id,
            on=on,
            reason=reason,
            stances=ledger._stance,
            policy=ledger._policy(policy),
            status=status,
            date=date,
            evidence=evidence,
            note=note,
        )
        return ledger._replace(revised)

    def withdraw(
        self, entry_id: str, *, on: PartialDate, reason: str, policy: Policy | None = None
    ) -> Ledger:
        """A new ledger in which a history entry (or a progress figure: see
        ``withdraw_progress``) is withdrawn on ``on`` for ``reason``; the original is kept as
        superseded, with nothing in its place."""
        from claimtrack.revisions import withdraw_entry

        ledger = cast("Ledger", self)
        if ledger._names_figure(entry_id):
            return ledger.withdraw_progress(entry_id, on=on, reason=reason)
        item = ledger.item_of(entry_id)
        revised = withdraw_entry(
            item,
            entry_id,
            on=on,
            reason=reason,
            stances=ledger._stance,
            policy=ledger._policy(policy),
        )
        return ledger._replace(revised)

    def _names_figure(self, record_id: str, *, status: Status | None = None) -> bool:
        """Whether the id names a progress figure (current or superseded) rather than a history
        entry; a ``status`` given for a figure is refused (``InvalidArgument``)."""
        ledger = cast("Ledger", self)
        try:
            commitment, _ = ledger.figure(record_id)
        except UnknownId:
            return False
        if status is not None:
            why = f"a progress figure ({record_id!r} of {commitment.id!r} has no status)"
            raise InvalidArgument("status", status.value, f"None for {why}")
        return True

    def correct_progress(
        self,
        figure_id: str,
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
    ) -> Ledger:
        """A new ledger in which a progress figure is corrected on ``on`` for ``reason`` (658
        km that should read 568): a copy with the given fields changed replaces it, and the
        original is kept in ``progress_corrections``, as ``correct`` keeps an entry."""
        from claimtrack.revisions import correct_progress

        ledger = cast("Ledger", self)
        commitment, _ = ledger.figure(figure_id)
        for evidence_id in evidence or ():
            ledger.evidence[evidence_id]
        revised = correct_progress(
            commitment,
            figure_id,
            on=on,
            reason=reason,
            date=date,
            value=value,
            of=of,
            unit=unit,
            evidence=evidence,
            check=check,
            note=note,
        )
        return ledger._replace(revised)

    def withdraw_progress(self, figure_id: str, *, on: PartialDate, reason: str) -> Ledger:
        """A new ledger in which a progress figure recorded by mistake is withdrawn on ``on``
        for ``reason``; the original is kept in ``progress_corrections``, replaced by nothing."""
        from claimtrack.revisions import withdraw_progress

        ledger = cast("Ledger", self)
        commitment, _ = ledger.figure(figure_id)
        return ledger._replace(withdraw_progress(commitment, figure_id, on=on, reason=reason))

    def record_check(
        self,
        item_id: str,
        *,
        on: PartialDate,
        searched: str,
        sought: str | None = None,
        by: str | None = None,
        status: Status | None = None,
        date: PartialDate | None = None,
        note: str | None = None,
        policy: Policy | None = None,
    ) -> Ledger:
        """A new ledger with documented absence recorded: an entry dated ``date`` (else ``on``)
        resting on a search made on ``on`` (where: ``searched``; for what: ``sought``; by whom:
        ``by``) instead of a quote. With ``status``, the status the search supports (typically
        ``unverifiable``; ``note`` is the reason a move outside the usual ones needs); without
        it, the status then in effect, confirmed (no move)."""
        ledger = cast("Ledger", self)
        day = date or on
        if status is None:
            history: Sequence[StatusChange[Any]] = ledger.item(item_id).history
            before = [c for c in history[1:] if c.date.sort_key() <= day.sort_key()]
            status = (before[-1] if before else history[0]).status
        looked = Check(by=by, on=on, searched=searched, sought=sought)
        change = StatusChange[Any](date=day, status=status, note=note, check=looked)
        return ledger.record_status(item_id, change, policy=policy)

    def add_progress(self, commitment_id: str, observation: Progress) -> Ledger:
        """A new ledger with a progress figure added to a commitment, at its date."""
        from claimtrack.fieldtypes import type_problems
        from claimtrack.revisions import add_progress

        ledger = cast("Ledger", self)
        commitment = ledger.commitments[commitment_id]
        path = f"{ledger.path_of(commitment_id)}.progress[{len(commitment.progress)}]"
        problems = type_problems(observation, path)
        if problems:
            raise InvalidLedger(problems, headline="a progress figure of the wrong type")
        for evidence_id in observation.evidence:
            ledger.evidence[evidence_id]
        return ledger._replace(add_progress(commitment, observation))

    def _stance(self, evidence_id: str) -> Stance:
        ledger = cast("Ledger", self)
        found: Evidence = ledger.evidence[evidence_id]
        return found.stance

    def _policy(self, policy: Policy | None) -> Policy:
        ledger = cast("Ledger", self)
        return Policy.STRICT if Policy.STRICT in (policy, ledger.policy) else ledger.policy
