"""claimtrack: an evidence-backed ledger of what parties pledged and claimed, and what became of it.

Load a ledger with ``load``, ask it what stood on any day (``Ledger.status_as_of``), record what
happened next (``Ledger.record_status``) and ``save`` it; ``claimtrack.datasets.pakistan_iran()``
is the bundled example, and ``claimtrack.report`` turns a ledger into tables.
"""

from __future__ import annotations

from claimtrack._version import __version__

#: ``typing.TYPE_CHECKING`` without importing ``typing`` (the command line starts faster):
#: type checkers read the imports below, the interpreter skips them.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from claimtrack import datasets
    from claimtrack.codec import (
        FORMAT_VERSION,
        dumps,
        load,
        loads,
        save,
    )
    from claimtrack.dates import (
        PartialDate,
        Precision,
    )
    from claimtrack.errors import (
        ClaimtrackError,
        InvalidDate,
        InvalidLedger,
        LedgerFileError,
        MalformedLedger,
        NotARecord,
        Problem,
        QuoteProblems,
        TransitionRefused,
        UnknownId,
    )
    from claimtrack.ledger import (
        Ledger,
        Records,
    )
    from claimtrack.lifecycle import (
        CLAIM_TRANSITIONS,
        COMMITMENT_TRANSITIONS,
        PAM_LEVELS,
        POLITIFACT_LABELS,
        ClaimStatus,
        CommitmentStatus,
        Policy,
        Stance,
    )
    from claimtrack.model import (
        Actor,
        ActorKind,
        Agreement,
        AgreementKind,
        Check,
        Claim,
        ClaimKind,
        ClaimRelation,
        ClaimRelationKind,
        Commitment,
        CommitmentRelation,
        CommitmentRelationKind,
        Correction,
        Credibility,
        Event,
        EventKind,
        Evidence,
        Measure,
        Progress,
        ProgressCorrection,
        Reliability,
        Source,
        SourceKind,
        StatusChange,
        TextQuote,
    )
    from claimtrack.quotes import (
        check_quotes,
    )
    from claimtrack.relevance import (
        Suggestion,
        SuggestionKind,
        triage,
    )

#: Where each public name lives. Everything loads on first use, so ``import claimtrack``
#: costs almost nothing until a model, a ledger or a file is touched.
_LAZY: dict[str, str] = {
    "FORMAT_VERSION": "claimtrack.codec",
    "dumps": "claimtrack.codec",
    "load": "claimtrack.codec",
    "loads": "claimtrack.codec",
    "save": "claimtrack.codec",
    "PartialDate": "claimtrack.dates",
    "Precision": "claimtrack.dates",
    "ClaimtrackError": "claimtrack.errors",
    "InvalidDate": "claimtrack.errors",
    "InvalidLedger": "claimtrack.errors",
    "LedgerFileError": "claimtrack.errors",
    "MalformedLedger": "claimtrack.errors",
    "NotARecord": "claimtrack.errors",
    "Problem": "claimtrack.errors",
    "QuoteProblems": "claimtrack.errors",
    "TransitionRefused": "claimtrack.errors",
    "UnknownId": "claimtrack.errors",
    "Ledger": "claimtrack.ledger",
    "Records": "claimtrack.ledger",
    "CLAIM_TRANSITIONS": "claimtrack.lifecycle",
    "COMMITMENT_TRANSITIONS": "claimtrack.lifecycle",
    "PAM_LEVELS": "claimtrack.lifecycle",
    "POLITIFACT_LABELS": "claimtrack.lifecycle",
    "ClaimStatus": "claimtrack.lifecycle",
    "CommitmentStatus": "claimtrack.lifecycle",
    "Policy": "claimtrack.lifecycle",
    "Stance": "claimtrack.lifecycle",
    "Actor": "claimtrack.model",
    "ActorKind": "claimtrack.model",
    "Agreement": "claimtrack.model",
    "AgreementKind": "claimtrack.model",
    "Check": "claimtrack.model",
    "Claim": "claimtrack.model",
    "ClaimKind": "claimtrack.model",
    "ClaimRelation": "claimtrack.model",
    "ClaimRelationKind": "claimtrack.model",
    "Commitment": "claimtrack.model",
    "CommitmentRelation": "claimtrack.model",
    "CommitmentRelationKind": "claimtrack.model",
    "Correction": "claimtrack.model",
    "Credibility": "claimtrack.model",
    "Event": "claimtrack.model",
    "EventKind": "claimtrack.model",
    "Evidence": "claimtrack.model",
    "Measure": "claimtrack.model",
    "Progress": "claimtrack.model",
    "ProgressCorrection": "claimtrack.model",
    "Reliability": "claimtrack.model",
    "Source": "claimtrack.model",
    "SourceKind": "claimtrack.model",
    "StatusChange": "claimtrack.model",
    "TextQuote": "claimtrack.model",
    "check_quotes": "claimtrack.quotes",
    "Suggestion": "claimtrack.relevance",
    "SuggestionKind": "claimtrack.relevance",
    "triage": "claimtrack.relevance",
}


def __getattr__(name: str) -> Any:
    import importlib

    if name == "datasets":
        return importlib.import_module("claimtrack.datasets")
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'claimtrack' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


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
    "Check",
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
    "Correction",
    "Credibility",
    "Event",
    "EventKind",
    "Evidence",
    "InvalidDate",
    "InvalidLedger",
    "Ledger",
    "LedgerFileError",
    "MalformedLedger",
    "Measure",
    "NotARecord",
    "PartialDate",
    "Policy",
    "Precision",
    "Problem",
    "Progress",
    "ProgressCorrection",
    "QuoteProblems",
    "Records",
    "Reliability",
    "Source",
    "SourceKind",
    "Stance",
    "StatusChange",
    "Suggestion",
    "SuggestionKind",
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
    "triage",
]
