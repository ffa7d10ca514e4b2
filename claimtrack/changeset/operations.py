"""The operations a changeset holds, one attrs class per ``op`` (Contract B in the plan).

Each class's ``OP`` is its stable tag in files (``add-source``, ``record``...), so renaming a
class never breaks a changeset. Fields are the keys an operation takes, typed as the ledger's
models type them, so a changeset is checked by the same rules and worded by the same messages
as a ledger file. Ids are optional wherever one can be derived from the content
(``claimtrack.ids``).

The classes are written out, so that type checkers and readers see each field; ``SHAPES`` says
how each operation that builds a model record stands to that record (the fields it leaves to
the ledger, its own, those given in another form), and ``drift`` compares the two field by
field from ``attrs.fields``: a field added to a model and not to its operation is a test
failure, not a silently missing key.
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from typing import ClassVar

import attrs
from attrs import frozen

from claimtrack import model
from claimtrack.dates import PartialDate
from claimtrack.lifecycle import Stance
from claimtrack.model import (
    ActorKind,
    AgreementKind,
    ClaimKind,
    Credibility,
    Measure,
    Reliability,
    SourceKind,
)

__all__ = [
    "OPERATIONS",
    "SHAPES",
    "AddActor",
    "AddAgreement",
    "AddClaim",
    "AddCommitment",
    "AddEvidence",
    "AddSource",
    "Check",
    "Cite",
    "Correct",
    "Operation",
    "Progress",
    "Record",
    "Relate",
    "Shape",
    "Withdraw",
    "drift",
]


@frozen(kw_only=True)
class AddSource:
    """Add a source; ``text_content`` also writes its archived text file."""

    OP: ClassVar[str] = "add-source"
    id: str | None = None
    title: str
    kind: SourceKind
    publisher: str | None = None
    author: str | None = None
    published: PartialDate | None = None
    url: str | None = None
    language: str | None = None
    reliability: Reliability | None = None
    text: str | None = None
    text_content: str | None = None
    excerpt: bool = False
    note: str | None = None


@frozen(kw_only=True)
class AddActor:
    """Add a state, force, office, person or group."""

    OP: ClassVar[str] = "add-actor"
    id: str | None = None
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    role: str | None = None
    affiliation: str | None = None
    note: str | None = None


@frozen(kw_only=True)
class AddAgreement:
    """Add an agreement between parties."""

    OP: ClassVar[str] = "add-agreement"
    id: str | None = None
    title: str
    kind: AgreementKind
    parties: tuple[str, ...] = ()
    date: PartialDate | None = None
    event: str | None = None
    evidence: tuple[str, ...] = ()
    note: str | None = None


@frozen(kw_only=True)
class AddCommitment:
    """Add a pledge; it starts ``announced`` on the day it was ``made``, citing ``evidence``."""

    OP: ClassVar[str] = "add-commitment"
    id: str | None = None
    text: str
    category: str
    agreement: str | None = None
    obligors: tuple[str, ...] = ()
    beneficiaries: tuple[str, ...] = ()
    due: PartialDate | None = None
    target: Measure | None = None
    made: PartialDate
    evidence: tuple[str, ...] = ()
    note: str | None = None


@frozen(kw_only=True)
class AddClaim:
    """Add an attributed assertion; it starts ``unverified`` on the day it was ``made``."""

    OP: ClassVar[str] = "add-claim"
    id: str | None = None
    text: str
    kind: ClaimKind
    claimants: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    made: PartialDate
    evidence: tuple[str, ...] = ()
    note: str | None = None


@frozen(kw_only=True)
class AddEvidence:
    """Add a quote from a source (or, without ``quote``, unanchored evidence)."""

    OP: ClassVar[str] = "add-evidence"
    id: str | None = None
    source: str
    quote: str | None = None
    prefix: str | None = None
    suffix: str | None = None
    stance: Stance = Stance.MENTIONS
    credibility: Credibility | None = None
    translation: str | None = None
    translator: str | None = None
    note: str | None = None


@frozen(kw_only=True)
class Relate:
    """Link a commitment to a commitment, or a claim to a claim."""

    OP: ClassVar[str] = "relate"
    item: str
    kind: str
    target: str


@frozen(kw_only=True)
class Quoting:
    """Fields shared by the operations that cite evidence: ids, or a new quote given inline."""

    evidence: tuple[str, ...] = ()
    source: str | None = None
    quote: str | None = None
    prefix: str | None = None
    suffix: str | None = None
    stance: Stance = Stance.MENTIONS
    credibility: Credibility | None = None


@frozen(kw_only=True)
class Record(Quoting):
    """Append a dated status change; ``reason`` explains an unusual move."""

    OP: ClassVar[str] = "record"
    item: str
    status: str
    on: PartialDate
    reason: str | None = None
    id: str | None = None


@frozen(kw_only=True)
class Cite(Quoting):
    """Make an item also cite evidence."""

    OP: ClassVar[str] = "cite"
    item: str


@frozen(kw_only=True)
class Check:
    """Record a search that found nothing (or what it found): when, where, what for, by whom.

    ``date`` is the day the entry stands for (default: ``on``, the day of the search).
    """

    OP: ClassVar[str] = "check"
    item: str
    on: PartialDate
    searched: str
    sought: str
    by: str
    status: str | None = None
    date: PartialDate | None = None
    reason: str | None = None
    note: str | None = None


@frozen(kw_only=True)
class Progress(Quoting):
    """Record a measured figure on a commitment (659 of 830 km), no status change needed."""

    OP: ClassVar[str] = "progress"
    id: str | None = None
    item: str
    on: PartialDate
    value: float
    unit: str
    of: float | None = None
    note: str | None = None


@frozen(kw_only=True)
class Correct:
    """Supersede a history entry or a progress figure (``entry`` is either id), with the reason;
    the original stays in the file. ``status`` is an entry's; ``value``, ``of``, ``unit`` a
    figure's."""

    OP: ClassVar[str] = "correct"
    entry: str
    on: PartialDate
    reason: str
    status: str | None = None
    date: PartialDate | None = None
    evidence: tuple[str, ...] = ()
    note: str | None = None
    value: float | None = None
    of: float | None = None
    unit: str | None = None


@frozen(kw_only=True)
class Withdraw:
    """Withdraw a history entry or a progress figure, with the reason; the original stays in the
    file."""

    OP: ClassVar[str] = "withdraw"
    entry: str
    on: PartialDate
    reason: str


Operation = (
    AddSource
    | AddActor
    | AddAgreement
    | AddCommitment
    | AddClaim
    | AddEvidence
    | Relate
    | Record
    | Cite
    | Check
    | Progress
    | Correct
    | Withdraw
)

#: Every operation class by its tag, in the order the format documents them.
OPERATIONS: dict[str, type[Operation]] = {
    cls.OP: cls
    for cls in (
        AddSource,
        AddActor,
        AddAgreement,
        AddCommitment,
        AddClaim,
        AddEvidence,
        Relate,
        Record,
        Cite,
        Check,
        Progress,
        Correct,
        Withdraw,
    )
}


# -- how operations stand to the model records they build -----------------------------------


@frozen
class Shape:
    """How an operation's fields stand to those of the model record it builds.

    ``left_out``: the record's fields the operation does not take (the ledger fills them, like a
    new item's ``history``). ``own``: the operation's fields the record does not have.
    ``renamed``: record field -> operation field. ``reshaped``: fields the operation takes in
    another form or with another default (a quote as text; a check's ``by`` required).
    """

    record: type
    left_out: frozenset[str] = frozenset()
    own: frozenset[str] = frozenset()
    renamed: Mapping[str, str] = attrs.field(factory=dict)
    reshaped: frozenset[str] = frozenset()


_NEW_ITEM = frozenset({"history", "corrections", "relations", "untracked"})

#: Each operation that builds a model record, and how its fields stand to that record's.
SHAPES: dict[type[Operation], Shape] = {
    AddSource: Shape(model.Source, own=frozenset({"text_content"})),
    AddActor: Shape(model.Actor),
    AddAgreement: Shape(model.Agreement),
    AddCommitment: Shape(
        model.Commitment,
        left_out=_NEW_ITEM | {"progress", "progress_corrections"},
        own=frozenset({"made"}),
    ),
    AddClaim: Shape(model.Claim, left_out=_NEW_ITEM, own=frozenset({"made"})),
    # a quote as text (with prefix and suffix beside it); a stance that defaults to "mentions"
    AddEvidence: Shape(
        model.Evidence,
        own=frozenset({"prefix", "suffix"}),
        reshaped=frozenset({"quote", "stance"}),
    ),
    Progress: Shape(
        model.Progress,
        left_out=frozenset({"check"}),
        own=frozenset(attrs.fields_dict(Quoting)) - set(attrs.fields_dict(model.Progress))
        | {"item"},
        renamed={"date": "on"},
    ),
    # a search must say who searched and what for
    Check: Shape(
        model.Check,
        own=frozenset({"item", "status", "date", "reason"}),
        reshaped=frozenset({"by", "sought"}),
    ),
}


def drift(operation: type, shape: Shape) -> list[str]:
    """Every way ``operation``'s fields differ from its record's beyond what ``shape`` says: a
    record field missing, a type or default that differs, an undeclared field ([] when none).
    A record's ``id`` is optional in an operation (derived from the content when not given)."""
    ours = {a.name: a for a in attrs.fields(operation)}
    theirs = {a.name: a for a in attrs.fields(shape.record)}
    our_hints = typing.get_type_hints(operation)
    their_hints = typing.get_type_hints(shape.record)
    found = []
    name = operation.__name__
    for field, attribute in theirs.items():
        mine = shape.renamed.get(field, field)
        if field in shape.left_out:
            continue
        if mine not in ours:
            found.append(f"{name} lacks {shape.record.__name__}.{field}")
        elif field == "id":
            if our_hints[mine] != str | None or ours[mine].default is not None:
                found.append(f"{name}.id is not an optional str")
        elif field not in shape.reshaped:
            if our_hints[mine] != their_hints[field]:
                found.append(f"{name}.{mine} is {our_hints[mine]}, not {their_hints[field]}")
            if ours[mine].default != attribute.default:
                found.append(f"{name}.{mine} defaults to {ours[mine].default!r}")
    expected_own = set(ours) - {shape.renamed.get(f, f) for f in theirs}
    if expected_own != shape.own:
        found.append(f"{name}'s own fields are {sorted(expected_own)}, not {sorted(shape.own)}")
    for declared in (shape.left_out, shape.reshaped, set(shape.renamed)):
        found.extend(f"{name}: {f!r} is no field of the record" for f in declared - set(theirs))
    return found
