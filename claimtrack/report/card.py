"""One record's card: everything the ledger says about it, on one screen, as plain text.

For a commitment or claim: its text, parties, agreement, due date, measure, the status on the
as-of day with its flags, the full dated history with each entry's evidence (quote and source),
the other evidence it cites, and its relations both ways. For the other records: their fields
and what refers to them. The same ledger and day always give the same text.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from claimtrack import _registry as registry
from claimtrack.errors import UnknownId
from claimtrack.history import unusual_entries
from claimtrack.ledger import COLLECTIONS, AsOf, Ledger, as_day
from claimtrack.model import (
    Actor,
    Agreement,
    Check,
    Claim,
    Commitment,
    Correction,
    Event,
    Evidence,
    Measure,
    Source,
    StatusChange,
)
from claimtrack.model import Progress as ProgressFigure
from claimtrack.query import cited_ids

__all__ = ["card"]

_WIDTH = 96
_LABEL = 16


def card(ledger: Ledger, record_id: str, as_of: AsOf) -> str:
    """The card of any record, by id, as of a day; a history entry id (``h-...``) gives its
    item's card."""
    try:
        record = ledger[record_id]
    except UnknownId:
        if not record_id.startswith("h-"):
            known = [r.id for name in COLLECTIONS for r in ledger.records(name)]
            raise UnknownId("record", record_id, known) from None
        record = ledger.entry(record_id)[0]
    lines: list[str]
    if isinstance(record, Commitment | Claim):
        lines = _item_card(ledger, record, as_of)
    elif isinstance(record, Evidence):
        lines = _evidence_card(ledger, record)
    elif isinstance(record, Source):
        lines = _source_card(ledger, record)
    elif isinstance(record, Actor):
        lines = _actor_card(ledger, record)
    elif isinstance(record, Agreement):
        lines = _agreement_card(ledger, record)
    else:
        lines = _event_card(ledger, record)
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _field(label: str, value: object) -> list[str]:
    """``label:`` then the value, wrapped under itself; nothing for an empty value."""
    if value is None or value == "" or value == ():
        return []
    text = str(value)
    wrapped = textwrap.wrap(text, _WIDTH - _LABEL - 2, break_on_hyphens=False) or [""]
    first = f"  {label + ':':<{_LABEL}}{wrapped[0]}"
    return [first, *(" " * (_LABEL + 2) + rest for rest in wrapped[1:])]


def _wrap(text: str, indent: int) -> list[str]:
    pad = " " * indent
    wrapped = textwrap.wrap(
        text, _WIDTH, initial_indent=pad, subsequent_indent=pad, break_on_hyphens=False
    )
    return wrapped or [pad]


def _names(ledger: Ledger, ids: Iterable[str]) -> str:
    """Actors as ``Name (id)``, joined by ``; ``."""
    shown = []
    for actor_id in ids:
        actor = ledger.actors.get(actor_id)
        shown.append(actor_id if actor is None else f"{actor.name} ({actor_id})")
    return "; ".join(shown)


def _measure(measure: Measure | None) -> str | None:
    if measure is None:
        return None
    value = f"{measure.value:g}" if isinstance(measure.value, float) else str(measure.value)
    described = f" ({measure.description})" if measure.description else ""
    return f"{value} {measure.unit}{described}"


def _quoted(ledger: Ledger, evidence: Evidence, indent: int) -> list[str]:
    """An evidence line: id, stance, source and date, then the quote (and its translation)."""
    source = ledger.sources.get(evidence.source)
    title = source.title if source else evidence.source
    published = f", {source.published}" if source and source.published else ""
    lines = _wrap(
        f"{evidence.id} [{evidence.stance.value}] {evidence.source}: {title}{published}", indent
    )
    if evidence.quote is not None:
        lines.extend(_wrap(f'"{evidence.quote.exact}"', indent + 2))
    else:
        lines.extend(_wrap("(unanchored: no quote)", indent + 2))
    if evidence.translation:
        lines.extend(_wrap(f"{evidence.translation_label}: {evidence.translation}", indent + 2))
    return lines


def _item_card(ledger: Ledger, item: Commitment | Claim, as_of: AsOf) -> list[str]:
    day = as_day(as_of)
    noun = "commitment" if isinstance(item, Commitment) else "claim"
    lines = [f"{item.id}: {noun}", *_wrap(item.text, 2), ""]
    if isinstance(item, Commitment):
        agreement = ledger.agreements.get(item.agreement) if item.agreement else None
        shown = None if item.agreement is None else item.agreement
        if agreement is not None:
            shown = f"{agreement.title} ({agreement.id})"
        lines += _field("category", item.category)
        lines += _field("agreement", shown)
        lines += _field("obligors", _names(ledger, item.obligors))
        lines += _field("beneficiaries", _names(ledger, item.beneficiaries))
        lines += _field("due", item.due)
        lines += _field("target", _measure(item.target))
        lines += _field("progress", _latest_progress(item))
    else:
        lines += _field("kind", item.kind.value)
        lines += _field("claimants", _names(ledger, item.claimants))
        lines += _field("subjects", _names(ledger, item.subjects))
    lines += _field("made", item.made)
    current = ledger.status_since(item.id, day)
    status = "not yet made" if current is None else f"{current.status.value} since {current.date}"
    lines += _field("status", f"{status} (as of {day.isoformat()})")
    lines += _field("flags", ", ".join(_flags(ledger, item, day)) or None)
    lines += _field("note", item.note)
    lines += ["", "History"]
    history: Sequence[StatusChange[Any]] = item.history
    unusual = {change.id for change in unusual_entries(item)}
    for change, state in _all_entries(item):
        lines.extend(
            _history_entry(ledger, change, state or ("unusual" if change.id in unusual else ""))
        )
    if isinstance(item, Commitment) and (item.progress or item.progress_corrections):
        lines += ["", "Progress"]
        for figure, state in _all_figures(item):
            lines.extend(_figure(ledger, figure, state))
    cited = {e for change in history for e in change.evidence}
    also = [e for e in item.evidence if e not in cited]
    if also:
        lines += ["", "Also cited"]
        for evidence_id in also:
            lines.extend(_quoted(ledger, ledger.evidence[evidence_id], 2))
    relations = _relations(ledger, item)
    if relations:
        lines += ["", "Relations", *relations]
    return lines


def _all_entries(item: Commitment | Claim) -> list[tuple[StatusChange[Any], str]]:
    """Every entry the item ever had, current and corrected, in date order, with its state."""
    history: Sequence[StatusChange[Any]] = item.history
    rows: list[tuple[Any, StatusChange[Any], str]] = [
        ((position > 0, change.date.sort_key()), change, "")
        for position, change in enumerate(history)
    ]
    corrections: Sequence[Correction[Any]] = item.corrections
    for correction in corrections:
        old = correction.superseded
        if correction.replacement is None:
            state = f"WITHDRAWN {correction.on}: {correction.reason}"
        else:
            state = f"CORRECTED {correction.on} by {correction.replacement}: {correction.reason}"
        rows.append(((True, old.date.sort_key()), old, state))
    rows.sort(key=lambda row: row[0])
    return [(change, state) for _, change, state in rows]


def _history_entry(ledger: Ledger, change: StatusChange[Any], state: str) -> list[str]:
    head = f"  {change.date!s:<12} {change.status.value}  [{change.id}]"
    if state == "unusual":
        head += "  unusual move"
    lines = [head]
    if state and state != "unusual":
        lines.extend(_wrap(state, 4))
    if change.progress is not None:
        lines.extend(_wrap(f"progress: {_measure(change.progress)}", 4))
    if change.note:
        lines.extend(_wrap(f"note: {change.note}", 4))
    if change.check is not None:
        lines.extend(_wrap(_looked(change.check), 4))
    for evidence_id in change.evidence:
        lines.extend(_quoted(ledger, ledger.evidence[evidence_id], 4))
    return lines


def _latest_progress(item: Commitment) -> str | None:
    if item.progress:
        return _figure_text(item.progress[-1])
    history: Sequence[StatusChange[Any]] = item.history
    for change in reversed(history):
        if change.progress is not None:
            return f"{_measure(change.progress)} on {change.date}"
    return None


def _figure_text(figure: ProgressFigure) -> str:
    of = "" if figure.of is None else f" of {figure.of:g}"
    return f"{figure.value:g}{of} {figure.unit} on {figure.date}"


def _all_figures(item: Commitment) -> list[tuple[ProgressFigure, str]]:
    """Every progress figure the commitment ever had, current and corrected, by date."""
    rows = [(figure, "") for figure in item.progress]
    for fix in item.progress_corrections:
        if fix.replacement is None:
            rows.append((fix.superseded, f"WITHDRAWN {fix.on}: {fix.reason}"))
        else:
            rows.append((fix.superseded, f"CORRECTED {fix.on} by {fix.replacement}: {fix.reason}"))
    rows.sort(key=lambda row: row[0].date.sort_key())
    return rows


def _figure(ledger: Ledger, figure: ProgressFigure, state: str = "") -> list[str]:
    lines = [f"  {figure.date!s:<12} {_figure_text(figure).rsplit(' on ', 1)[0]}  [{figure.id}]"]
    if state:
        lines.extend(_wrap(state, 4))
    if figure.note:
        lines.extend(_wrap(f"note: {figure.note}", 4))
    if figure.check is not None:
        lines.extend(_wrap(_looked(figure.check), 4))
    for evidence_id in figure.evidence:
        lines.extend(_quoted(ledger, ledger.evidence[evidence_id], 4))
    return lines


def _looked(check: Check) -> str:
    """A recorded search: when, by whom, where, for what."""
    by = f" by {check.by}" if check.by else ""
    sought = f"; sought: {check.sought}" if check.sought else ""
    note = f"; {check.note}" if check.note else ""
    return f"check {check.on}{by}: searched {check.searched}{sought}{note}"


def _flags(ledger: Ledger, item: Commitment | Claim, day: Any) -> list[str]:
    overdue, stale = ledger.flags(item.id, day)
    found = [name for name, on in (("overdue", overdue), ("stale", stale)) if on]
    if unusual_entries(item):
        found.append("unusual move")
    if item.corrections or getattr(item, "progress_corrections", ()):
        found.append("corrected")
    return found


def _relations(ledger: Ledger, item: Commitment | Claim) -> list[str]:
    lines = []
    for relation in item.relations:
        target = ledger.records(_collection(item)).get(relation.target)
        text = f" ({_short(target.text)})" if target is not None else ""
        lines.extend(_wrap(f"{relation.kind.value} {relation.target}{text}", 2))
    for other in ledger.records(_collection(item)):
        for relation in other.relations:
            if relation.target == item.id:
                lines.extend(
                    _wrap(f"{other.id} {relation.kind.value} this ({_short(other.text)})", 2)
                )
    return lines


def _collection(item: Commitment | Claim) -> str:
    return registry.BY_TYPE[type(item)].name


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _citing(ledger: Ledger, evidence_id: str) -> list[str]:
    items: list[Commitment | Claim] = [*ledger.commitments, *ledger.claims]
    found = [item.id for item in items if evidence_id in cited_ids(item)]
    found += [a.id for a in ledger.agreements if evidence_id in a.evidence]
    found += [e.id for e in ledger.events if evidence_id in e.evidence]
    return sorted(found)


def _evidence_card(ledger: Ledger, evidence: Evidence) -> list[str]:
    lines = [f"{evidence.id}: evidence", *_quoted(ledger, evidence, 2), ""]
    lines += _field("credibility", None if evidence.credibility is None else evidence.credibility)
    lines += _field("note", evidence.note)
    lines += _field("cited by", ", ".join(_citing(ledger, evidence.id)))
    return lines


def _plain_fields(record: Any, skip: Sequence[str]) -> list[str]:
    lines: list[str] = []
    for field in attrs.fields(type(record)):
        if field.name in skip:
            continue
        value = getattr(record, field.name)
        if isinstance(value, tuple):
            value = "; ".join(str(v) for v in value)
        elif hasattr(value, "value") and not isinstance(value, Measure):
            value = value.value
        lines += _field(field.name, value)
    return lines


def _source_card(ledger: Ledger, source: Source) -> list[str]:
    lines = [f"{source.id}: source", *_wrap(source.title, 2), ""]
    lines += _plain_fields(source, ("id", "title"))
    quoted = [e.id for e in ledger.evidence if e.source == source.id]
    lines += _field(
        registry.EVIDENCE.name, f"{len(quoted)}: " + ", ".join(quoted) if quoted else None
    )
    return lines


def _actor_card(ledger: Ledger, actor: Actor) -> list[str]:
    lines = [f"{actor.id}: actor", *_wrap(actor.name, 2), ""]
    lines += _plain_fields(actor, ("id", "name"))
    roles = (
        ("owes", [c.id for c in ledger.commitments if actor.id in c.obligors]),
        ("owed", [c.id for c in ledger.commitments if actor.id in c.beneficiaries]),
        ("claims", [c.id for c in ledger.claims if actor.id in c.claimants]),
        ("subject of", [c.id for c in ledger.claims if actor.id in c.subjects]),
        ("party to", [a.id for a in ledger.agreements if actor.id in a.parties]),
    )
    for label, ids in roles:
        lines += _field(label, ", ".join(ids) or None)
    return lines


def _agreement_card(ledger: Ledger, agreement: Agreement) -> list[str]:
    lines = [f"{agreement.id}: agreement", *_wrap(agreement.title, 2), ""]
    lines += _field("kind", agreement.kind.value)
    lines += _field("parties", _names(ledger, agreement.parties))
    lines += _plain_fields(agreement, ("id", "title", "kind", "parties"))
    commitments = ledger.commitments_of(agreement.id)
    if commitments:
        lines += ["", "Commitments"]
        for commitment in commitments:
            lines.extend(_wrap(f"{commitment.id}: {_short(commitment.text, 80)}", 2))
    return lines


def _event_card(ledger: Ledger, event: Event) -> list[str]:
    lines = [f"{event.id}: event", *_wrap(event.title, 2), ""]
    lines += _field("participants", _names(ledger, event.participants))
    lines += _plain_fields(event, ("id", "title", "participants"))
    return lines
