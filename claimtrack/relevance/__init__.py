"""Triage of a new article: which of its sentences bear on which known pledges and claims.

``triage(ledger, text)`` (in ``claimtrack.relevance.suggestions``) splits the article into
sentences (``sentences``), describes every commitment and claim by what the ledger knows of it
(``profiles``: its text, the quotes already cited for it, its parties' names and aliases and those
of actors affiliated with them, its category or claim kind with cue words, its agreement, event
and related items), scores each sentence against each item by the weighted share of that
knowledge the sentence contains (``scoring``: light stems, a table of English equivalents,
rapidfuzz spelling similarity, inverse document frequency over the article and the ledger), and
keeps the best ``top`` per item among the sentences scoring at least ``min_score`` and at least
``rival_share`` of their best score for any item (a sentence another item explains far better
is left to that item; a sentence printed twice, or nearly so, takes one place). Sentences no
known item explains well (all scores below 0.5) but using pledge or claim words are listed as
possible new items. ``render`` writes a table, JSON, or a
changeset whose ``cite`` operations are commented out.

Limits. It matches words, not meaning: a sentence that supports an item in other words ("the thaw
came last year" for "a turning point in relations") scores low, and a sentence sharing names and
topic words with an item scores high even when it reports something else. The defaults were
chosen on the monitor dataset's follow-up excerpts, where 0.81 of the quotes analysts cited for
known items are in those items' top 3 and 0.81 of the suggestions for those items were cited,
with about 14 suggestions per excerpt file for items it was not cited for. On the seed's 2018
article, held out, recall is 0.38 and precision 0.23 (``benchmarks/triage.py``). Cue words,
equivalents and stems are English; other languages match on exact words and names only. The
pledge and claim cue words flag reporting verbs too ("said"), so the possible new items need
reading.
"""

from claimtrack.relevance.suggestions import (
    DEFAULT_MIN_SCORE,
    DEFAULT_RIVAL_SHARE,
    DEFAULT_TOP,
    Suggestion,
    SuggestionKind,
    triage,
)

__all__ = [
    "DEFAULT_MIN_SCORE",
    "DEFAULT_RIVAL_SHARE",
    "DEFAULT_TOP",
    "Suggestion",
    "SuggestionKind",
    "triage",
]
