"""Triage of a new article: which of its sentences bear on which known pledges and claims.

``triage(ledger, text)`` (in ``claimtrack.relevance.suggestions``) splits the article into
sentences (``sentences``), describes every commitment and claim by what the ledger knows of it
(``profiles``: its text, the quotes already cited for it, its parties' names and aliases and those
of actors affiliated with them, its category or claim kind with cue words, and its context: its
agreement, the events it is about (``events``: events citing its evidence, its agreement's event,
and for a claim the events its people took part in shortly before it was made) and related
items), scores each sentence against each item by the weighted share of that knowledge the
sentence contains (``scoring``: light stems, a table of English equivalents, rapidfuzz spelling
similarity, inverse document frequency over the article and the ledger), adjusts the score of
the sentences that reach ``min_score`` by the times they tell of (``times``: read against the
article's date, "in June" after a commitment was made counts for it, a follow-up's look back at
its making against it, and the time a claim was made for the claim), and keeps the best ``top``
per item among the sentences scoring at least ``min_score`` and at least ``rival_share`` of their
best score for any item (a sentence another item explains far better is left to that item; a
sentence printed twice, or nearly so, takes one place). Sentences no known item explains well
(all scores below 0.5) but using pledge or claim words are listed as possible new items.
``render`` writes a table, JSON, or a changeset whose ``cite`` operations are commented out.

Limits. It matches words and dates, not meaning: a sentence that supports an item in other words
and names no time (a judgment restated without "last year") scores low, and a sentence sharing
names and topic words with an item scores high even when it reports something else. The
defaults were chosen on the monitor dataset's follow-up excerpts, where 0.80 of the quotes
analysts cited for known items are in those items' top 3 and 0.81 of the suggestions for those
items were cited; on the seed's 2018 article, held out for the weights and thresholds, recall is
0.88 and precision 0.50, but that article motivated the event context and the time signal and
the monitor is flat on the time weight, so it is no clean held-out test of those
(``benchmarks/triage.py``). Cue words, equivalents, stems and time expressions are English;
other languages match on exact words and names only. The pledge and claim cue words flag
reporting verbs too ("said"), so the possible new items need reading.
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
