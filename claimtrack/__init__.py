"""claimtrack: an evidence-backed ledger of what parties pledged and claimed, and what became of it.

Load a ledger with ``load``, ask it what stood on any day (``Ledger.status_as_of``), record what
happened next (``Ledger.record``) and ``save`` it; ``claimtrack.datasets.pakistan_iran()`` is the
bundled example, and ``claimtrack.report`` turns a ledger into tables.
"""

from claimtrack import datasets
from claimtrack._version import __version__
from claimtrack.codec import FORMAT_VERSION, dumps, load, loads, save
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
from claimtrack.quotes import check_quotes

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
