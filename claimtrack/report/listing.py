"""Lists of ids with their text, for finding what to ``show``, cite or relate.

One row per record of a kind (commitments, claims, actors, agreements, events, sources,
evidence), by id, with the few columns that tell records apart; ``search`` keeps the rows in
which any column, or the record's aliases or note, contains the text (case-insensitive).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from claimtrack import _registry as registry
from claimtrack.errors import UnknownKind
from claimtrack.ledger import AsOf, Ledger
from claimtrack.report.table import Table

__all__ = ["KINDS", "UnknownKind", "listing"]


def _status(ledger: Ledger, item: Any, as_of: AsOf) -> str:
    current = ledger.status_as_of(item.id, as_of)
    return "-" if current is None else current.status.value


def _date(value: object) -> str:
    return "-" if value is None else str(value)


Row = Callable[[Ledger, Any, AsOf], tuple[str, ...]]

#: Each kind (in the order ``list`` names them): its collection, headers and how a record
#: becomes a row.
_LISTED: tuple[tuple[registry.Collection[Any], tuple[str, ...], Row], ...] = (
    (
        registry.COMMITMENTS,
        ("id", "status", "category", "text"),
        lambda ledger, c, day: (c.id, _status(ledger, c, day), c.category, c.text),
    ),
    (
        registry.CLAIMS,
        ("id", "status", "kind", "text"),
        lambda ledger, c, day: (c.id, _status(ledger, c, day), c.kind.value, c.text),
    ),
    (
        registry.ACTORS,
        ("id", "kind", "name"),
        lambda ledger, a, day: (a.id, a.kind.value, a.name),
    ),
    (
        registry.AGREEMENTS,
        ("id", "date", "kind", "title"),
        lambda ledger, a, day: (a.id, _date(a.date), a.kind.value, a.title),
    ),
    (
        registry.EVENTS,
        ("id", "date", "kind", "title"),
        lambda ledger, e, day: (e.id, _date(e.date), e.kind.value, e.title),
    ),
    (
        registry.SOURCES,
        ("id", "published", "kind", "title"),
        lambda ledger, s, day: (s.id, _date(s.published), s.kind.value, s.title),
    ),
    (
        registry.EVIDENCE,
        ("id", "source", "stance", "quote"),
        lambda ledger, e, day: (
            e.id,
            e.source,
            e.stance.value,
            e.quote.exact if e.quote is not None else "(unanchored)",
        ),
    ),
)

#: Each kind, by its collection name: its collection, its headers and how a record becomes a row.
KINDS: dict[str, tuple[str, tuple[str, ...], Row]] = {
    collection.name: (collection.name, headers, row) for collection, headers, row in _LISTED
}

#: A kind may also be named by its singular noun (``list commitment``).
_SINGULAR = {c.noun: c.name for c, _, _ in _LISTED if c.noun != c.name}


#: The free-text columns a terminal may wrap to fit its width.
_WRAPPED = ("text", "name", "title", "quote")


def listing(ledger: Ledger, kind: str, as_of: AsOf, *, search: str | None = None) -> Table:
    """Every record of a kind as a table (id first), optionally only those matching ``search``."""
    name = _SINGULAR.get(kind, kind)
    found = KINDS.get(name)
    if found is None:
        raise UnknownKind(f"cannot list {kind!r}; expected one of {', '.join(KINDS)}")
    collection, headers, row = found
    needle = None if search is None else search.casefold()
    rows = []
    for record in ledger.records(collection):
        cells = row(ledger, record, as_of)
        if needle is not None:
            extra = (*getattr(record, "aliases", ()), getattr(record, "note", None) or "")
            if not any(needle in text.casefold() for text in (*cells, *extra)):
                continue
        rows.append(cells)
    matching = "" if search is None else f" matching {search!r}"
    wrap = tuple(h for h in headers if h in _WRAPPED)
    return Table(headers, tuple(rows), title=f"{len(rows)} {name}{matching}", wrap=wrap)
