"""Evidence reports: every quote behind an item, and how sure the ledger can be of each status.

"How sure are we" is a transparent rule, not a score. For each item's status on the as-of day:

- the evidence *behind* the status is the evidence its current history entry cites (for the
  initial entry with none cited, the item's own evidence list), counting only evidence whose
  source was published by the as-of day;
- the *strongest grade* is the best Admiralty grading among that evidence (supporting evidence
  first): source reliability A best to F, then information credibility 1 best to 6, written
  together as ``B2``; ``?`` marks a missing half;
- *independent sources* counts distinct publishers among the supporting evidence (a source with
  no publisher counts as its own publisher);
- flags: ``single source`` (fewer than two independent sources), ``ungraded`` (no evidence behind
  it graded better than F / 6), ``unanchored`` (none of it carries a verified-style quote),
  ``contradicted`` (the item cites evidence that contradicts it), ``no evidence``;
- a status resting on a recorded check alone (documented absence: a search that found nothing)
  has the strongest grade ``check``, below any quote, and the flag ``check only``.
"""

from __future__ import annotations

from claimtrack.ledger import AsOf, Ledger, as_day
from claimtrack.lifecycle import NEEDS_STANCE, Stance
from claimtrack.model import Evidence, Reliability
from claimtrack.report import columns
from claimtrack.report.table import Cell, Table

__all__ = ["confidence_table", "evidence_report", "grade"]

_RELIABILITY_RANK = {grade: rank for rank, grade in enumerate(Reliability)}


def grade(ledger: Ledger, evidence: Evidence) -> str:
    """The Admiralty grading of a piece of evidence (``B2``), or ``ungraded``."""
    reliability = ledger.sources[evidence.source].reliability
    if reliability is None and evidence.credibility is None:
        return "ungraded"
    letter = reliability.value if reliability else "?"
    digit = str(int(evidence.credibility)) if evidence.credibility else "?"
    return letter + digit


def _strength(ledger: Ledger, evidence: Evidence) -> tuple[int, int]:
    reliability = ledger.sources[evidence.source].reliability
    rank = _RELIABILITY_RANK[reliability] if reliability else len(_RELIABILITY_RANK)
    return (rank, int(evidence.credibility) if evidence.credibility else 7)


def _graded(ledger: Ledger, evidence: Evidence) -> bool:
    """Whether either half of the grading says more than "cannot be judged"."""
    reliability = ledger.sources[evidence.source].reliability
    return reliability not in (None, Reliability.F) or evidence.credibility not in (None, 6)


def _known(ledger: Ledger, evidence: Evidence, as_of: AsOf) -> bool:
    date = ledger.evidence_date(evidence)
    return date is None or date.known_by(as_day(as_of))


def evidence_report(ledger: Ledger, item_id: str, as_of: AsOf | None = None) -> Table:
    """Every quote behind one commitment or claim: source, date, stance, grade and the quote."""
    item = ledger.item(item_id)
    rows = []
    for evidence in ledger.evidence_for(item_id):
        if as_of is not None and not _known(ledger, evidence, as_of):
            continue
        source = ledger.sources[evidence.source]
        quote = evidence.quote.exact if evidence.quote else "(unanchored: no quote)"
        if evidence.translation:
            quote = f"{quote} [{evidence.translation_label}: {evidence.translation}]"
        rows.append(
            (
                evidence.id,
                source.title,
                source.published,
                evidence.stance.value,
                grade(ledger, evidence),
                quote,
            )
        )
    headers = columns.EVIDENCE
    return Table(
        headers,
        tuple(rows),
        title=f"Evidence for {item.id}: {item.text}",
        wrap=("quote", "source"),
        narrow=("source", "published", "stance", "grade", "quote"),
    )


def confidence_table(ledger: Ledger, as_of: AsOf) -> Table:
    """For each item's status on the as-of day: strongest grade, independent sources, flags."""
    rows: list[tuple[Cell, ...]] = []
    for item in (*ledger.commitments, *ledger.claims):
        current = ledger.status_as_of(item.id, as_of)
        if current is None:
            continue
        if current.check is not None and not current.evidence:
            looked = f"check only: searched {current.check.searched} on {current.check.on}"
            rows.append((item.id, item.text, current.status.value, "check", 0, 0, (looked,)))
            continue
        cited = current.evidence or item.evidence
        behind = [
            evidence
            for evidence_id in cited
            if _known(ledger, evidence := ledger.evidence[evidence_id], as_of)
        ]
        # The evidence the status rests on: of the stance the status needs (supports for
        # implemented, contradicts for refuted), else everything the status cites (a broken,
        # stalled or disputed item rests on reports that it is so, whatever their stance).
        needed = NEEDS_STANCE.get(current.status)
        backing = [e for e in behind if needed is None or e.stance is needed]
        publishers = {ledger.sources[e.source].publisher or f"source:{e.source}" for e in backing}
        pool = backing or behind
        strongest = grade(ledger, min(pool, key=lambda e: _strength(ledger, e))) if pool else ""
        found = []
        if not behind:
            found.append("no evidence")
        if len(publishers) < 2:
            found.append("single source")
        if behind and not any(_graded(ledger, e) for e in behind):
            found.append("ungraded")
        if behind and not any(e.quote for e in behind):
            found.append("unanchored")
        if any(
            e.stance is Stance.CONTRADICTS and _known(ledger, e, as_of)
            for e in ledger.evidence_for(item.id)
        ):
            found.append("contradicted")
        rows.append(
            (
                item.id,
                item.text,
                current.status.value,
                strongest or None,
                len(publishers),
                len(behind),
                tuple(found),
            )
        )
    headers = columns.CONFIDENCE
    return Table(
        headers,
        tuple(rows),
        title=f"How sure are we, as of {as_day(as_of)}",
        wrap=("item", "flags"),
        narrow=("item", "status", "strongest grade", "independent sources", "flags"),
    )
