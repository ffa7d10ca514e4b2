"""Which sentences of a new article bear on which known pledges and claims: ``triage``.

``triage(ledger, text)`` cuts the article into sentences (exact substrings of it), scores each
against every commitment and claim (``claimtrack.relevance.scoring``) and returns, per item, the
best ``top`` sentences that reach ``min_score``; then the sentences that no known item explains
well (every score below ``NEW_ITEM_CEILING``) but that use pledge or claim words (agreed,
pledged, denied, alleged...): the possible new commitments and claims. Every suggestion carries a
``TextQuote`` whose ``exact`` is the sentence as printed, with a ``prefix`` and ``suffix`` only
when the sentence occurs more than once, so it anchors exactly once in the article and can be
cited as it stands. The article is read in Unicode NFC, as quotes are verified: offsets and
sentences are those of the NFC text, which is the text as given for nearly every article.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata
from collections.abc import Sequence

from attrs import frozen

from claimtrack.errors import InvalidArgument
from claimtrack.ledger import AsOf, Ledger, as_day
from claimtrack.model import Claim, Commitment, TextQuote
from claimtrack.relevance import times
from claimtrack.relevance.profiles import known_items, profiles
from claimtrack.relevance.scoring import Article, Scored, score_profiles
from claimtrack.relevance.sentences import sentence_spans
from claimtrack.relevance.terms import CLAIM_CUES, PLEDGE_CUES
from claimtrack.relevance.times import Period, bearing, periods

__all__ = [
    "DEFAULT_MIN_SCORE",
    "DEFAULT_RIVAL_SHARE",
    "DEFAULT_TOP",
    "NEW_ITEM_CEILING",
    "Suggestion",
    "SuggestionKind",
    "quote_at",
    "triage",
]

#: How many sentences to suggest per item, at most.
DEFAULT_TOP = 3
#: The least score (0-1) at which a sentence is suggested for an item (chosen on the monitor
#: dataset's follow-up excerpts; see ``benchmarks/triage.py``).
DEFAULT_MIN_SCORE = 0.12
#: A sentence is suggested for an item only if it scores at least this share of its best score
#: for any item (chosen with ``DEFAULT_MIN_SCORE``).
DEFAULT_RIVAL_SHARE = 0.4

#: A sentence scoring this much for a known item is taken to report that item, not a new one;
#: below it, pledge or claim words make it a possible new item even if it was suggested for one.
NEW_ITEM_CEILING = 0.5

_WORD = re.compile(r"\w+")
_CONTEXT = 32

Item = Commitment | Claim


class SuggestionKind(enum.Enum):
    """What a suggestion proposes: citing a sentence for a known item, or a new item."""

    COMMITMENT = "commitment"
    CLAIM = "claim"
    NEW_COMMITMENT = "new-commitment"
    NEW_CLAIM = "new-claim"


@frozen(kw_only=True)
class Suggestion:
    """One sentence of the article proposed as evidence for an item, or as a new item.

    ``item`` is the commitment or claim id (``None`` for a possible new one); ``rank`` counts from
    1 within the item (within the new ones, in article order); ``score`` is 0-1 (0 for new ones);
    ``matched`` lists the sentence's words, as printed, that matched what is known of the item (for
    a new one, its pledge or claim words); ``start`` and ``end`` are offsets in the article.
    """

    kind: SuggestionKind
    item: str | None
    rank: int
    score: float
    sentence: str
    start: int
    end: int
    matched: tuple[str, ...]
    quote: TextQuote


def triage(
    ledger: Ledger,
    text: str,
    *,
    top: int = DEFAULT_TOP,
    as_of: AsOf | None = None,
    min_score: float = DEFAULT_MIN_SCORE,
    rival_share: float = DEFAULT_RIVAL_SHARE,
    published: AsOf | None = None,
) -> list[Suggestion]:
    """Sentences of ``text`` that bear on the ledger's commitments and claims, best first.

    Items come in ledger order (commitments, then claims, by id), each with up to ``top``
    sentences scoring at least ``min_score`` and at least ``rival_share`` of the sentence's best
    score for any item (0 keeps every sentence reaching ``min_score``); then the possible new
    pledges and claims in article order. With ``as_of``, only items made by that day and quotes
    published by it are used. ``published`` (default: ``as_of``) is the article's date, against
    which "last year" or "in June" are read: a sentence telling of a time after a commitment was
    made, or of the time a claim was made, scores ``TIME_WEIGHT`` more for it
    (``claimtrack.relevance.times``).
    """
    if top < 1:
        raise InvalidArgument("top", top, "at least 1")
    if not 0.0 <= min_score <= 1.0:
        raise InvalidArgument("min_score", min_score, "between 0 and 1")
    if not 0.0 <= rival_share <= 1.0:
        raise InvalidArgument("rival_share", rival_share, "between 0 and 1")
    text = unicodedata.normalize("NFC", text)
    day = as_day(as_of) if as_of is not None else None
    items = known_items(ledger, day)
    article = Article(text, sentence_spans(text))
    when = _Timing(article, as_day(published) if published is not None else day, items)
    bonus = when.bonus if times.TIME_WEIGHT > 0 else None
    scores, best_of = score_profiles(
        article, profiles(ledger, items, day), min_score, top, rival_share, bonus
    )
    suggestions: list[Suggestion] = []
    for item in items:
        kind = SuggestionKind.COMMITMENT if isinstance(item, Commitment) else SuggestionKind.CLAIM
        suggestions.extend(
            _suggestion(article, kind, item.id, rank, scored)
            for rank, scored in enumerate(scores[item.id], start=1)
        )
    suggestions.extend(_new_items(article, best_of))
    return suggestions


class _Timing:
    """Per item and sentence, ``TIME_WEIGHT`` if the sentence's periods bear on the item."""

    def __init__(self, article: Article, published: dt.date | None, items: list[Item]) -> None:
        self._article = article
        self._published = published
        self._items = {item.id: item for item in items}
        self._periods: dict[int, list[Period]] = {}

    def bonus(self, item: str, sentence: int) -> float:
        found = self._periods.get(sentence)
        if found is None:
            start, end = self._article.spans[sentence]
            text = self._article.text[start:end]
            found = self._periods[sentence] = periods(text, self._published)
        if not found:  # most sentences tell of no time
            return 0.0
        return times.TIME_WEIGHT * bearing(self._items[item], found, self._published)


def _suggestion(
    article: Article, kind: SuggestionKind, item: str, rank: int, scored: Scored
) -> Suggestion:
    start, end = article.spans[scored.sentence]
    words = article.words(scored.sentence)
    matched = [article.text[a:b] for s, a, b in words if s in scored.matched]
    return Suggestion(
        kind=kind,
        item=item,
        rank=rank,
        score=round(scored.score, 3),
        sentence=article.text[start:end],
        start=start,
        end=end,
        matched=_distinct(matched),
        quote=quote_at(article.text, start, end),
    )


def _new_items(article: Article, best_of: dict[int, float]) -> list[Suggestion]:
    found: list[Suggestion] = []
    for index, (start, end) in enumerate(article.spans):
        if best_of.get(index, 0.0) >= NEW_ITEM_CEILING:
            continue
        words = [m.group() for m in _WORD.finditer(article.text, start, end)]
        pledges = [w for w in words if w.casefold() in PLEDGE_CUES]
        claims = [w for w in words if w.casefold() in CLAIM_CUES]
        if not pledges and not claims:
            continue
        kind = SuggestionKind.NEW_COMMITMENT if pledges else SuggestionKind.NEW_CLAIM
        found.append(
            Suggestion(
                kind=kind,
                item=None,
                rank=len(found) + 1,
                score=0.0,
                sentence=article.text[start:end],
                start=start,
                end=end,
                matched=_distinct(pledges or claims),
                quote=quote_at(article.text, start, end),
            )
        )
    return found


def _distinct(words: Sequence[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for word in words:
        seen.setdefault(word.casefold(), word)
    return tuple(seen.values())


def quote_at(text: str, start: int, end: int) -> TextQuote:
    """A quote of ``text[start:end]``, with just enough prefix and suffix to occur once."""
    exact = text[start:end]
    others = []
    found = text.find(exact)
    while found != -1:
        if found != start:
            others.append(found)
        found = text.find(exact, found + 1)
    size = _CONTEXT
    prefix = suffix = ""
    while others:
        prefix = text[max(0, start - size) : start]
        suffix = text[end : end + size]
        others = [
            other
            for other in others
            if other >= len(prefix)
            and text.startswith(prefix, other - len(prefix))
            and text.startswith(suffix, other + len(exact))
        ]
        if size >= len(text):
            break
        size *= 2
    return TextQuote(exact, prefix or None, suffix or None)
