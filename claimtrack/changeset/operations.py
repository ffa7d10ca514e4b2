"""The operations a changeset holds, one attrs class per ``op`` (Contract B in the plan).

Each class's ``OP`` is its stable tag in files (``add-source``, ``record``...), so renaming a
class never breaks a changeset. Fields are the keys an operation takes, typed as the ledger's
models type them, so a changeset is checked by the same rules and worded by the same messages
as a ledger file. Ids are optional wherever one can be derived from the content
(``claimtrack.ids``).
"""

from __future__ import annotations

from typing import ClassVar

from attrs import frozen

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
    "Withdraw",
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
    """Supersede a history entry, with the reason; the original stays in the file."""

    OP: ClassVar[str] = "correct"
    entry: str
    on: PartialDate
    reason: str
    status: str | None = None
    date: PartialDate | None = None
    evidence: tuple[str, ...] = ()
    note: str | None = None


@frozen(kw_only=True)
class Withdraw:
    """Withdraw a history entry, with the reason; the original stays in the file."""

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
