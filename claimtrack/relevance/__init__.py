"""Triage of a new article: which of its sentences bear on which known pledges and claims.

See ``claimtrack.relevance.suggestions`` for the method; ``claimtrack.relevance.render`` writes the
suggestions as a table, JSON or a changeset whose ``cite`` operations are commented out.
"""

from claimtrack.relevance.suggestions import (
    DEFAULT_MIN_SCORE,
    DEFAULT_TOP,
    Suggestion,
    SuggestionKind,
    triage,
)

__all__ = ["DEFAULT_MIN_SCORE", "DEFAULT_TOP", "Suggestion", "SuggestionKind", "triage"]
