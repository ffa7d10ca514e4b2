"""The collections a ledger holds: the one list everything else derives from.

Each :class:`Collection` names a kind of record (its JSON key, its attrs class, its id field, the
noun for messages) and the fields in which its records refer to other records by id. The
Ledger's views, the converter's document shape, the integrity rules' reference checks, the
relational (SQLite/CSV) schema and the synthetic generator all read this module; adding a record
type is one entry here (see ARCHITECTURE.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Generic, TypeVar

from attrs import frozen

from claimtrack.model import (
    Actor,
    Agreement,
    Claim,
    ClaimRelation,
    Commitment,
    CommitmentRelation,
    Event,
    Evidence,
    Source,
    StatusChange,
)

__all__ = [
    "ACTORS",
    "AGREEMENTS",
    "BY_NAME",
    "BY_TYPE",
    "CLAIMS",
    "COLLECTIONS",
    "COMMITMENTS",
    "EVENTS",
    "EVIDENCE",
    "ITEMS",
    "NAMES",
    "NESTED_REFERENCES",
    "ROW_NOUNS",
    "SOURCES",
    "Collection",
    "Reference",
]

R = TypeVar("R")


@frozen
class Reference:
    """A field whose value is the id (or a tuple of ids) of a record in ``target``."""

    field: str
    target: str


@frozen
class Collection(Generic[R]):
    """One kind of record: ``name`` is its key in a ledger file and its Ledger attribute."""

    name: str
    record_type: type[R]
    noun: str
    plural: str
    references: tuple[Reference, ...] = ()
    id_field: str = "id"


def _refs(*pairs: tuple[str, str]) -> tuple[Reference, ...]:
    return tuple(Reference(field, target) for field, target in pairs)


# References are listed in field order; ids inside nested records (a history entry's evidence, a
# relation's target) are checked by the rule for that nested record in claimtrack.rules.
SOURCES: Collection[Source] = Collection("sources", Source, "source", "sources")
ACTORS: Collection[Actor] = Collection(
    "actors", Actor, "actor", "actors", _refs(("affiliation", "actors"))
)
EVENTS: Collection[Event] = Collection(
    "events",
    Event,
    "event",
    "events",
    _refs(("participants", "actors"), ("part_of", "events"), ("evidence", "evidence")),
)
AGREEMENTS: Collection[Agreement] = Collection(
    "agreements",
    Agreement,
    "agreement",
    "agreements",
    _refs(("parties", "actors"), ("event", "events"), ("evidence", "evidence")),
)
COMMITMENTS: Collection[Commitment] = Collection(
    "commitments",
    Commitment,
    "commitment",
    "commitments",
    _refs(
        ("agreement", "agreements"),
        ("obligors", "actors"),
        ("beneficiaries", "actors"),
        ("evidence", "evidence"),
    ),
)
CLAIMS: Collection[Claim] = Collection(
    "claims",
    Claim,
    "claim",
    "claims",
    _refs(("claimants", "actors"), ("subjects", "actors"), ("evidence", "evidence")),
)
EVIDENCE: Collection[Evidence] = Collection(
    "evidence", Evidence, "evidence", "evidence items", _refs(("source", "sources"))
)

#: Every collection, in the order of a ledger file.
COLLECTIONS: tuple[Collection[Any], ...] = (
    SOURCES,
    ACTORS,
    EVENTS,
    AGREEMENTS,
    COMMITMENTS,
    CLAIMS,
    EVIDENCE,
)
#: The collections whose records have a status history (commitments and claims: "items").
ITEMS: tuple[Collection[Any], ...] = (COMMITMENTS, CLAIMS)

#: Ids held by records nested inside items (a history entry's evidence, a relation's target).
NESTED_REFERENCES: Mapping[type, tuple[Reference, ...]] = {
    StatusChange: _refs(("evidence", "evidence")),
    CommitmentRelation: _refs(("target", "commitments")),
    ClaimRelation: _refs(("target", "claims")),
}

#: What one element of a list field is called (in table key columns): ``history`` holds entries.
#: A list field not named here is called by its name without a final "s" ("corrections").
ROW_NOUNS: Mapping[str, str] = {"history": "entry", "relations": "relation", "aliases": "alias"}

NAMES: tuple[str, ...] = tuple(collection.name for collection in COLLECTIONS)
BY_NAME: Mapping[str, Collection[Any]] = {c.name: c for c in COLLECTIONS}
BY_TYPE: Mapping[type, Collection[Any]] = {c.record_type: c for c in COLLECTIONS}


def _check() -> None:
    """Every reference names a known collection and a field of its record type (at import)."""
    import attrs

    owners: list[tuple[Any, tuple[Reference, ...]]] = [
        (collection.record_type, collection.references) for collection in COLLECTIONS
    ]
    owners.extend(NESTED_REFERENCES.items())
    for record_type, references in owners:
        fields = {a.name for a in attrs.fields(record_type)}
        for reference in references:
            if reference.target not in BY_NAME or reference.field not in fields:
                raise AssertionError(f"bad reference {reference} in {record_type.__name__}")


_check()
