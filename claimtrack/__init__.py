"""claimtrack: an evidence-backed ledger of what parties pledged and claimed, and what became of it.

Load a ledger with ``load``, ask it what stood on any day (``Ledger.status_as_of``), record what
happened next (``Ledger.record``) and ``save`` it; ``claimtrack.datasets.pakistan_iran()`` is the
bundled example, and ``claimtrack.report`` turns a ledger into tables.
"""

from typing import TYPE_CHECKING, Any

from claimtrack import datasets
from claimtrack._version import __version__
from claimtrack.dates import PartialDate, Precision
from claimtrack.errors import (
    ClaimtrackError,
    InvalidLedger,
    LedgerFileError,
    MalformedLedger,
    Problem,
    QuoteProblems,
    TransitionRefused,
    UnknownId,
)
from claimtrack.ledger import Ledger, Records
from claimtrack.lifecycle import (
    CLAIM_TRANSITIONS,
    COMMITMENT_TRANSITIONS,
    PAM_LEVELS,
    POLITIFACT_LABELS,
    ClaimStatus,
    CommitmentStatus,
    Stance,
)
from claimtrack.model import (
    Actor,
    ActorKind,
    Agreement,
    AgreementKind,
    Claim,
    ClaimKind,
    ClaimRelation,
    ClaimRelationKind,
    Commitment,
    CommitmentRelation,
    CommitmentRelationKind,
    Credibility,
    Event,
    EventKind,
    Evidence,
    Measure,
    Reliability,
    Source,
    SourceKind,
    StatusChange,
    TextQuote,
)

if TYPE_CHECKING:
    from claimtrack.codec import FORMAT_VERSION, dumps, load, loads, save
    from claimtrack.quotes import check_quotes

#: Names imported on first use, so ``import claimtrack`` stays fast (cattrs loads only when a
#: ledger is read or written).
_LAZY = {
    "FORMAT_VERSION": "claimtrack.codec",
    "dumps": "claimtrack.codec",
    "load": "claimtrack.codec",
    "loads": "claimtrack.codec",
    "save": "claimtrack.codec",
    "check_quotes": "claimtrack.quotes",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'claimtrack' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "CLAIM_TRANSITIONS",
    "COMMITMENT_TRANSITIONS",
    "FORMAT_VERSION",
    "PAM_LEVELS",
    "POLITIFACT_LABELS",
    "Actor",
    "ActorKind",
    "Agreement",
    "AgreementKind",
    "Claim",
    "ClaimKind",
    "ClaimRelation",
    "ClaimRelationKind",
    "ClaimStatus",
    "ClaimtrackError",
    "Commitment",
    "CommitmentRelation",
    "CommitmentRelationKind",
    "CommitmentStatus",
    "Credibility",
    "Event",
    "EventKind",
    "Evidence",
    "InvalidLedger",
    "Ledger",
    "LedgerFileError",
    "MalformedLedger",
    "Measure",
    "PartialDate",
    "Precision",
    "Problem",
    "QuoteProblems",
    "Records",
    "Reliability",
    "Source",
    "SourceKind",
    "Stance",
    "StatusChange",
    "TextQuote",
    "TransitionRefused",
    "UnknownId",
    "__version__",
    "check_quotes",
    "datasets",
    "dumps",
    "load",
    "loads",
    "save",
]
