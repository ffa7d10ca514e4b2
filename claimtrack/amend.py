"""Amending a ledger file in place: lock, read, validate, change, write, so no update is lost.

Two people (or two scripts) recording into one ledger file at once must not overwrite each other.
``amend`` holds an exclusive lock for the whole read-validate-write cycle. The lock is taken on a
sidecar file (``.NAME.lock`` next to the ledger) by ``claimtrack.files.locked``, which says why
a sidecar, how the lock works on each platform, and how stale temporary files of killed writers
are removed; plain ``save`` never deletes a file it did not create.

``record_status``, ``cite`` and ``add_source`` are the updates the ``claimtrack`` command offers;
each returns the new, validated ledger it wrote.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from attrs import frozen

from claimtrack._deprecation import deprecated
from claimtrack.codec import load, save
from claimtrack.dates import PartialDate
from claimtrack.errors import (
    InvalidLedger,
    LedgerFileError,
    Problem,
    QuoteProblems,
    TransitionRefused,
    UnknownId,
)
from claimtrack.files import locked
from claimtrack.ledger import Ledger
from claimtrack.lifecycle import ClaimStatus, CommitmentStatus, Policy, Stance, allowed_next
from claimtrack.model import (
    Check,
    Commitment,
    Credibility,
    Evidence,
    Progress,
    Source,
    StatusChange,
    TextQuote,
)
from claimtrack.quotes import read_source_texts, verify_quotes

__all__ = [
    "NewEvidence",
    "add_source",
    "amend",
    "check",
    "cite",
    "correct",
    "evidence_id",
    "progress",
    "quote_evidence",
    "record",
    "record_status",
    "withdraw",
]


def amend(
    ledger: str | os.PathLike[str],
    change: Callable[[Ledger], Ledger],
    *,
    timeout: float | None = None,
) -> Ledger:
    """Apply ``change`` to the ledger file under its lock and save the result atomically.

    The file is read and validated after the lock is taken, so ``change`` always sees the latest
    saved ledger; the file is rewritten only if the ledger changed. Returns the new ledger.
    """
    with locked(ledger, timeout=timeout):
        before = load(ledger)
        after = change(before)
        if after != before:
            save(after, ledger)
    return after


# -- the updates the command line offers ------------------------------------------------------


@frozen(kw_only=True)
class NewEvidence:
    """A quote to add as evidence: from which source, the words, and how they bear on the item."""

    source: str
    quote: TextQuote
    stance: Stance = Stance.MENTIONS
    credibility: Credibility | None = None
    note: str | None = None


def evidence_id(new: NewEvidence) -> str:
    """A deterministic id for new evidence: the same source, quote and stance give the same id.

    So recording the same quote twice reuses one evidence record, and two people adding
    different quotes never pick the same id.
    """
    return _evidence_id(new, 10)


def _evidence_id(new: NewEvidence, length: int) -> str:
    """``ev-SOURCE-`` and the first ``length`` hex digits of a hash of what the quote is."""
    quote = new.quote
    parts = (new.source, quote.exact, quote.prefix or "", quote.suffix or "", new.stance.value)
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
    return f"ev-{new.source}-{digest[:length]}"


def quote_evidence(ledger: Ledger, new: NewEvidence, texts: Path | None) -> Evidence:
    """The evidence record for a new quote, checked against its source's archived text.

    Returns the existing record when the ledger already holds this very quote. If the source
    names an archived text and ``texts`` is given, the quote must occur exactly once in it, as
    ``validate`` requires; otherwise ``QuoteProblems`` says why not.
    """
    source = ledger.sources[new.source]
    for length in range(10, 65):
        evidence = Evidence(
            id=_evidence_id(new, length),
            source=new.source,
            quote=new.quote,
            stance=new.stance,
            credibility=new.credibility,
            note=new.note,
        )
        existing = _find(ledger, evidence.id)
        if existing is None:
            break
        if existing == evidence:
            return evidence
    else:  # pragma: no cover - every prefix of a SHA-256 digest taken by other records
        raise LedgerFileError(f"no free evidence id for a quote from {new.source!r}")
    if source.text is not None and texts is not None:
        _check_anchored(ledger, source, evidence, texts)
    return evidence


def _find(ledger: Ledger, record_id: str) -> object | None:
    """The record with this id, of whatever kind (ids are unique across a ledger), or None."""
    try:
        return ledger[record_id]
    except UnknownId:
        return None


def _stand_in(**collections: Any) -> Ledger:
    """A small ledger of a few records, for checks that need one."""
    return Ledger(**collections)


def _moved(problems: Sequence[Problem], old: str, new: str) -> list[Problem]:
    """Problems found in a stand-in ledger, with the ``old`` path prefix turned into ``new``."""
    return [
        Problem(new + p.path[len(old) :], p.message) if p.path.startswith(old) else p
        for p in problems
    ]


def _check_anchored(ledger: Ledger, source: Source, evidence: Evidence, texts: Path) -> None:
    """Raise ``QuoteProblems`` unless the new quote occurs exactly once in its source's text.

    The check runs on a stand-in ledger of this source and quote alone (so no other archived
    text is read); paths are then given as the records will stand in the updated ledger.
    """
    alone = _stand_in(sources=(source,), evidence=(evidence,))
    found, problems = read_source_texts(alone, texts)
    problems.extend(verify_quotes(alone, found))
    if problems:
        problems = _moved(problems, "$.sources[0]", ledger.path_of(source.id))
        problems = _moved(problems, "$.evidence[0]", f"$.evidence[{len(ledger.evidence)}]")
        raise QuoteProblems(problems, headline="quote not anchored")


def _with_evidence(
    ledger: Ledger, evidence: Sequence[str], new: NewEvidence | None, texts: Path | None
) -> tuple[Ledger, tuple[str, ...]]:
    """The ledger holding the new quote's evidence (if any), and every evidence id to cite."""
    ids = tuple(evidence)
    for evidence_id_ in ids:
        ledger.evidence[evidence_id_]  # raises UnknownId with a suggestion
    if new is None:
        return ledger, ids
    record_ = quote_evidence(ledger, new, texts)
    if record_.id not in ledger.evidence:
        ledger = ledger.add(record_)
    return ledger, tuple(dict.fromkeys((*ids, record_.id)))


def _status(ledger: Ledger, item_id: str, value: str) -> CommitmentStatus | ClaimStatus:
    """The status named ``value``, of the item's own kind when both kinds have that name."""
    item = ledger.item(item_id)
    own: tuple[type[CommitmentStatus] | type[ClaimStatus], ...] = (
        (CommitmentStatus, ClaimStatus)
        if isinstance(item, Commitment)
        else (ClaimStatus, CommitmentStatus)
    )
    for kind in own:
        try:
            return kind(value)
        except ValueError:
            continue
    current = item.history[-1].status
    noun = "commitment" if isinstance(item, Commitment) else "claim"
    valid = ", ".join(status.value for status in own[0])
    raise TransitionRefused(
        item_id=item_id,
        current=current.value,
        requested=value,
        allowed=[status.value for status in allowed_next(current)],
        rule="unknown-status",
        detail=f"{value!r} is not a {noun} status; expected one of {valid}",
    )


def record_status(
    ledger: str | os.PathLike[str],
    item_id: str,
    *,
    status: str,
    on: PartialDate,
    evidence: Sequence[str] = (),
    new: NewEvidence | None = None,
    note: str | None = None,
    reason: str | None = None,
    check: Check | None = None,
    strict: bool = False,
    texts: Path | None = None,
    timeout: float | None = None,
) -> Ledger:
    """Insert a dated status change into a commitment's or claim's history in the ledger file,
    at its date, under the file's lock.

    The change cites ``evidence`` ids and, with ``new``, a new quote (added as evidence first),
    or rests on a recorded ``check``. ``reason`` is the change's note: a move outside the table
    of usual moves needs one (and is refused with ``strict``). Raises ``TransitionRefused``
    naming the rule when the lifecycle refuses the change; the file is then left as it was.
    """

    def change(current: Ledger) -> Ledger:
        updated, cited = _with_evidence(current, evidence, new, texts)
        step = StatusChange[Any](
            date=on,
            status=_status(current, item_id, status),
            evidence=cited,
            note=_joined(reason, note),
            check=check,
        )
        return updated.record_status(item_id, step, policy=Policy.STRICT if strict else None)

    return amend(ledger, change, timeout=timeout)


def record(ledger: str | os.PathLike[str], item_id: str, **options: Any) -> Ledger:
    """Deprecated name of :func:`record_status` (kept for one release)."""
    deprecated("claimtrack.amend.record", "claimtrack.amend.record_status")
    return record_status(ledger, item_id, **options)


def _joined(reason: str | None, note: str | None) -> str | None:
    """The change's note: the reason, then any further note."""
    parts = [text for text in (reason, note) if text and text.strip()]
    return "; ".join(parts) if parts else None


def correct(
    ledger: str | os.PathLike[str],
    entry_id: str,
    *,
    on: PartialDate,
    reason: str,
    status: str | None = None,
    date: PartialDate | None = None,
    evidence: Sequence[str] | None = None,
    new: NewEvidence | None = None,
    note: str | None = None,
    value: float | None = None,
    of: float | None = None,
    unit: str | None = None,
    texts: Path | None = None,
    timeout: float | None = None,
) -> Ledger:
    """Correct a history entry (or a progress figure) in the ledger file: a copy with the given
    status, date, evidence (or a new quote) or note (a figure's value, of or unit) replaces it;
    the original stays in the file as superseded, with the correction's date and reason."""

    def change(current: Ledger) -> Ledger:
        item = current.item_of(entry_id)
        cited: Sequence[str] | None = evidence
        updated = current
        if new is not None or evidence is not None:
            updated, cited = _with_evidence(current, evidence or (), new, texts)
        requested = None if status is None else _status(current, item.id, status)
        return updated.correct(
            entry_id,
            on=on,
            reason=reason,
            status=requested,
            date=date,
            evidence=cited,
            note=note,
            value=value,
            of=of,
            unit=unit,
        )

    return amend(ledger, change, timeout=timeout)


def withdraw(
    ledger: str | os.PathLike[str],
    entry_id: str,
    *,
    on: PartialDate,
    reason: str,
    timeout: float | None = None,
) -> Ledger:
    """Withdraw a history entry (or a progress figure) in the ledger file: it leaves the history
    and stays in the file as superseded by nothing, with the withdrawal's date and reason."""
    return amend(
        ledger, lambda current: current.withdraw(entry_id, on=on, reason=reason), timeout=timeout
    )


def check(
    ledger: str | os.PathLike[str],
    item_id: str,
    *,
    on: PartialDate,
    searched: str,
    sought: str | None = None,
    by: str | None = None,
    status: str | None = None,
    date: PartialDate | None = None,
    reason: str | None = None,
    note: str | None = None,
    timeout: float | None = None,
) -> Ledger:
    """Record documented absence in the ledger file: an entry dated ``date`` (else ``on``)
    resting on a search made on ``on`` (where: ``searched``; for what: ``sought``; by whom:
    ``by``) instead of a quote; with ``status`` (typically ``unverifiable``) the status it
    supports, without it the status then in effect, confirmed. ``reason`` is the entry's note."""

    def change(current: Ledger) -> Ledger:
        chosen = None if status is None else _status(current, item_id, status)
        return current.record_check(
            item_id,
            on=on,
            searched=searched,
            sought=sought,
            by=by,
            status=chosen,
            date=date,
            note=_joined(reason, note),
        )

    return amend(ledger, change, timeout=timeout)


def progress(
    ledger: str | os.PathLike[str],
    item_id: str,
    *,
    on: PartialDate,
    value: float,
    unit: str,
    of: float | None = None,
    evidence: Sequence[str] = (),
    new: NewEvidence | None = None,
    check: Check | None = None,
    note: str | None = None,
    texts: Path | None = None,
    timeout: float | None = None,
) -> Ledger:
    """Add a dated progress figure (``value`` of ``of`` ``unit``) to a commitment in the ledger
    file, citing evidence (or a new quote) or resting on a check; no status change needed."""

    def change(current: Ledger) -> Ledger:
        updated, cited = _with_evidence(current, evidence, new, texts)
        observation = Progress(
            date=on, value=value, of=of, unit=unit, evidence=cited, check=check, note=note
        )
        return updated.add_progress(item_id, observation)

    return amend(ledger, change, timeout=timeout)


def cite(
    ledger: str | os.PathLike[str],
    item_id: str,
    *,
    evidence: Sequence[str] = (),
    new: NewEvidence | None = None,
    texts: Path | None = None,
    timeout: float | None = None,
) -> Ledger:
    """Make a commitment or claim also cite evidence (existing ids, or a new quote), in place."""

    def change(current: Ledger) -> Ledger:
        updated, cited = _with_evidence(current, evidence, new, texts)
        return updated.cite(item_id, *cited)

    return amend(ledger, change, timeout=timeout)


def add_source(
    ledger: str | os.PathLike[str],
    source: Source,
    *,
    texts: Path | None = None,
    timeout: float | None = None,
) -> Ledger:
    """Add a source to the ledger file, in place; its archived text, if named, must be readable."""

    def change(current: Ledger) -> Ledger:
        updated = current.add(source)
        if source.text is not None and texts is not None:
            _, problems = read_source_texts(_stand_in(sources=(source,)), texts)
            if problems:
                raise InvalidLedger(
                    _moved(problems, "$.sources[0]", updated.path_of(source.id)),
                    headline="archived text unreadable",
                )
        return updated

    return amend(ledger, change, timeout=timeout)
