"""How strongly each sentence of an article bears on one known item, from the words they share.

An item (commitment or claim) is described by a ``Profile``: groups of phrases, each group with a
weight. A phrase's *coverage* of a sentence is the share of the phrase's words, each weighted by
its inverse document frequency (BM25's idf, over the article's sentences and the known items'
profiles together, so a word common in the ledger weighs little even in a one-line article), that
the sentence contains. Each member
of a group scores the best coverage among its alternative phrases, a group scores the mean over its
members, and the sentence's score is the weighted mean of the group scores: between 0 and 1.

Words are compared by light stem (``claimtrack.relevance.terms``) and, through rapidfuzz, by
spelling: two stems of at least five letters match when their normalised Indel similarity reaches
``FUZZY_CUTOFF``, so variants (``Javad``/``Javed``, ``Pakistani``/``Pakistan``) still meet, at
that similarity. rapidfuzz comes with the optional extra ``triage``.

Only sentences that can reach ``min_score`` are scored: the words whose largest possible
contributions add up to less than ``min_score`` cannot lift a sentence there alone, so a
candidate must hold at least one other word (an exact bound, as in WAND retrieval). Sentences
with the same bag of words are scored once.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from attrs import frozen

from claimtrack.errors import MissingExtra
from claimtrack.relevance.terms import STOP_WORDS, stem

__all__ = ["FUZZY_CUTOFF", "NEAR_COPY", "Article", "Group", "Profile", "Scored", "score_profiles"]

#: Least rapidfuzz ``fuzz.ratio`` (0-100) at which two different stems count as the same word.
FUZZY_CUTOFF = 85.0

#: Two sentences whose bags of stems share this share of their union are near copies: an item
#: gets only the better of them (the first, when they score alike), so a repeated sentence does
#: not fill its top places.
NEAR_COPY = 0.8

#: Stems shorter than this match only exactly: "iran" and "iraq" are not variants of each other.
_FUZZY_MIN_LENGTH = 5

_WORD = re.compile(r"\w+")

Phrase = tuple[str, ...]


@frozen
class Group:
    """One kind of knowledge about an item: each member is a tuple of alternative phrases."""

    name: str
    weight: float
    members: tuple[tuple[Phrase, ...], ...]


@frozen
class Profile:
    """What is known of one item, as stemmed phrases in weighted groups."""

    item: str
    groups: tuple[Group, ...]

    def stems(self) -> set[str]:
        """Every stem any phrase of the profile holds."""
        return {s for g in self.groups for member in g.members for phrase in member for s in phrase}


@frozen
class Scored:
    """A sentence's score for one item, and the sentence's stems that matched the item's."""

    sentence: int
    score: float
    matched: frozenset[str]


class Article:
    """An article cut into sentences, each a bag of stems; sentences with the same bag share it.

    ``postings`` maps a stem to the bags holding it, ``sentences[b]`` lists the sentences whose
    bag is ``bags[b]`` (``bag_of`` is the reverse), and ``frequency`` counts the sentences
    holding each stem.
    """

    def __init__(self, text: str, spans: Sequence[tuple[int, int]]) -> None:
        self.text = text
        self.spans = list(spans)
        numbers: dict[frozenset[str], int] = {}
        self.sentences: list[list[int]] = []
        self.bag_of: list[int] = []
        for index, (start, end) in enumerate(self.spans):
            bag = _bag(text[start:end])
            number = numbers.setdefault(bag, len(numbers))
            self.bag_of.append(number)
            if number == len(self.sentences):
                self.sentences.append([])
            self.sentences[number].append(index)
        self.bags = list(numbers)
        postings: dict[str, list[int]] = defaultdict(list)
        frequency: dict[str, int] = defaultdict(int)
        for number, bag in enumerate(self.bags):
            for s in bag:
                postings[s].append(number)
                frequency[s] += len(self.sentences[number])
        self.postings: dict[str, list[int]] = dict(postings)
        self.frequency: dict[str, int] = dict(frequency)
        self._background: dict[str, int] = {}
        self._weights: dict[str, float] = {}
        self._documents = len(self.spans)

    def know(self, profiles: Sequence[Profile]) -> None:
        """Count each profile as one more document in the inverse frequencies, so a word is
        weighed by how rare it is in the article and the ledger together."""
        background: dict[str, int] = defaultdict(int)
        for profile in profiles:
            for s in profile.stems():
                background[s] += 1
        self._background = dict(background)
        self._weights = {}
        self._documents = len(self.spans) + len(profiles)

    def weight(self, item_stem: str) -> float:
        """The inverse document frequency of a stem over the sentences and the known items."""
        found = self._weights.get(item_stem)
        if found is None:
            frequency = self.frequency.get(item_stem, 0) + self._background.get(item_stem, 0)
            found = self._weights[item_stem] = _idf(self._documents, frequency)
        return found

    def words(self, index: int) -> list[tuple[str, int, int]]:
        """``(stem, start, end)`` of each word of a sentence, stop words left out."""
        start, end = self.spans[index]
        found = []
        for match in _WORD.finditer(self.text, start, end):
            word = match.group().casefold()
            if word not in STOP_WORDS and not (len(word) < 2 and word.isascii()):
                found.append((stem(word), match.start(), match.end()))
        return found

    def variants(self, item_stems: Iterable[str]) -> dict[str, list[tuple[str, float]]]:
        """For each item stem, the article stems that match it and how closely (0-1)."""
        wanted = sorted(set(item_stems))
        found: dict[str, list[tuple[str, float]]] = {s: [] for s in wanted}
        for s in wanted:
            if s in self.postings:
                found[s].append((s, 1.0))
        long_item = [s for s in wanted if len(s) >= _FUZZY_MIN_LENGTH]
        long_article = sorted(s for s in self.postings if len(s) >= _FUZZY_MIN_LENGTH)
        if long_item and long_article:
            for item_stem, article_stem, similarity in _fuzzy_pairs(long_item, long_article):
                if item_stem != article_stem:
                    found[item_stem].append((article_stem, similarity / 100.0))
        return found


def _bag(sentence: str) -> frozenset[str]:
    words = set(_WORD.findall(sentence.casefold())) - STOP_WORDS
    return frozenset(stem(word) for word in words if len(word) > 1 or not word.isascii())


def _idf(count: int, frequency: int) -> float:
    """BM25's inverse document frequency, always positive."""
    return math.log(1.0 + (count - frequency + 0.5) / (frequency + 0.5))


def _fuzzy_pairs(left: list[str], right: list[str]) -> list[tuple[str, str, float]]:
    """Pairs of stems whose rapidfuzz ratio reaches ``FUZZY_CUTOFF``."""
    try:
        from rapidfuzz import fuzz, process
    except ImportError:
        raise MissingExtra("triage", "rapidfuzz", "matching words by spelling") from None
    pairs: list[tuple[str, str, float]] = []
    for item_stem in left:
        for match, similarity, _ in process.extract(
            item_stem, right, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=None
        ):
            pairs.append((item_stem, match, float(similarity)))
    return pairs


class _Compiled:
    """A profile turned into per-stem contributions to phrase coverages, for one article.

    Each phrase is a *slot*; ``parts[stem]`` lists the slots holding the stem, with the stem's
    share of the slot's weight; ``member_of[slot]`` is the member the phrase belongs to and
    ``shares[member]`` that member's share of the score. ``ceiling[stem]`` is the most a stem
    alone can add to the score, and ``reach[stem]`` what it can add through each member.
    """

    def __init__(self, article: Article, profile: Profile, present: set[str]) -> None:
        used = [group for group in profile.groups if group.members]
        total = sum(group.weight for group in used) or 1.0
        self.shares: list[float] = []
        self.member_of: list[int] = []
        self.parts: dict[str, list[tuple[int, float]]] = defaultdict(list)
        self.ceiling: dict[str, float] = defaultdict(float)
        self.reach: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for group in used:
            share = group.weight / total / len(group.members)
            for member in group.members:
                number = len(self.shares)
                self.shares.append(share)
                best: dict[str, float] = defaultdict(float)
                for phrase in member:
                    slot = len(self.member_of)
                    self.member_of.append(number)
                    whole = sum(map(article.weight, phrase)) or 1.0
                    for s in phrase:
                        if s in present:  # a stem the article lacks adds nothing
                            part = article.weight(s) / whole
                            self.parts[s].append((slot, part))
                            best[s] = max(best[s], part)
                for s, part in best.items():
                    self.ceiling[s] += share * part
                    self.reach[s].append((number, share * part))

    def bound(self, matched: dict[str, float]) -> float:
        """At least the score: each member's share times the sum, capped at 1, of the largest
        parts its matched stems have in any of its phrases."""
        sums: dict[int, float] = defaultdict(float)
        for s, similarity in matched.items():
            for member, reach in self.reach[s]:
                sums[member] += reach * similarity
        return sum(min(value, self.shares[member]) for member, value in sums.items())

    def score(self, matched: dict[str, float]) -> float:
        """The weighted mean over members of their best phrase coverage."""
        sums: dict[int, float] = defaultdict(float)
        for s, similarity in matched.items():
            for slot, part in self.parts[s]:
                sums[slot] += part * similarity
        best: dict[int, float] = {}
        for slot, value in sums.items():
            member = self.member_of[slot]
            if value > best.get(member, 0.0):
                best[member] = value
        return sum(self.shares[member] * value for member, value in best.items())


def score_profiles(
    article: Article,
    profiles: Sequence[Profile],
    min_score: float,
    top: int,
    rival_share: float = 0.0,
    bonus: Callable[[str, int], float] | None = None,
) -> tuple[dict[str, list[Scored]], dict[int, float]]:
    """Per item id, its ``top`` sentences reaching ``min_score``, best first; and for every
    sentence reaching ``min_score`` for some item, its best score.

    A sentence is kept for an item only if its score for it is at least ``rival_share`` times
    its best score for any item: a sentence that another item explains far better is that
    item's, not a weak match for this one.

    ``bonus(item, sentence)``, when given, is added to the score (at most 1) of each sentence
    that reaches ``min_score`` on its words, and the sentence is kept only if it still does: it
    reorders what bears on an item and may drop some, but never adds a sentence.
    """
    article.know(profiles)
    variants = article.variants(s for profile in profiles for s in profile.stems())
    found: dict[str, list[tuple[float, int, frozenset[str]]]] = {}
    best_bag: dict[int, float] = {}
    for profile in profiles:
        found[profile.item] = scored = []
        reverse: dict[str, list[tuple[str, float]]] = defaultdict(list)
        present: set[str] = set()
        for item_stem in profile.stems():
            for article_stem, similarity in variants.get(item_stem, ()):
                reverse[article_stem].append((item_stem, similarity))
                present.add(item_stem)
        if not reverse:
            continue
        compiled = _Compiled(article, profile, present)
        # The most each article stem can add: the ceilings of the item stems it matches.
        reach = {
            s: sum(compiled.ceiling[item_stem] * similarity for item_stem, similarity in pairs)
            for s, pairs in reverse.items()
        }
        known = frozenset(reverse)
        scores: dict[frozenset[str], float] = {}  # bags with the same matching words score alike
        for number in _candidates(article, reach, min_score):
            hits = article.bags[number] & known
            score = scores.get(hits)
            if score is None:
                if sum(reach[s] for s in hits) < min_score:
                    score = scores[hits] = 0.0
                else:
                    score = scores[hits] = _exact(compiled, reverse, hits, min_score)
            if score > 0.0 and score >= min_score:
                if bonus is not None:
                    score = min(1.0, score + bonus(profile.item, article.sentences[number][0]))
                    if score <= 0.0 or score < min_score:
                        continue
                scored.append((-score, number, hits))
                best_bag[number] = max(best_bag.get(number, 0.0), score)
    results: dict[str, list[Scored]] = {}
    for item, scored in found.items():
        kept = [entry for entry in scored if -entry[0] >= rival_share * best_bag[entry[1]]]
        results[item] = [
            Scored(article.sentences[number][0], -score, hits)
            for score, number, hits in _distinct_best(article, kept, top)
        ]
    best_of = {
        index: score for number, score in best_bag.items() for index in article.sentences[number]
    }
    return results, best_of


def _distinct_best(
    article: Article, kept: list[tuple[float, int, frozenset[str]]], top: int
) -> list[tuple[float, int, frozenset[str]]]:
    """The ``top`` best entries, skipping any whose bag is a near copy of a better one's."""
    order = _order(article)
    window = top * 8
    chosen = _pick(article, heapq.nsmallest(window, kept, key=order), top)
    if len(chosen) < top and len(kept) > window:  # near copies crowded the window
        chosen = _pick(article, sorted(kept, key=order), top)
    return chosen


def _pick(
    article: Article, candidates: list[tuple[float, int, frozenset[str]]], top: int
) -> list[tuple[float, int, frozenset[str]]]:
    chosen: list[tuple[float, int, frozenset[str]]] = []
    for entry in candidates:
        bag = article.bags[entry[1]]
        if not any(_near_copy(bag, article.bags[other[1]]) for other in chosen):
            chosen.append(entry)
            if len(chosen) == top:
                break
    return chosen


def _near_copy(one: frozenset[str], other: frozenset[str]) -> bool:
    """Whether two bags of stems share at least ``NEAR_COPY`` of their union."""
    union = len(one | other)
    return union > 0 and len(one & other) >= NEAR_COPY * union


def _order(article: Article) -> Callable[[tuple[float, int, frozenset[str]]], tuple[float, int]]:
    """Best score first, then the bag whose first sentence comes first."""
    return lambda entry: (entry[0], article.sentences[entry[1]][0])


def _exact(
    compiled: _Compiled,
    reverse: dict[str, list[tuple[str, float]]],
    hits: frozenset[str],
    min_score: float,
) -> float:
    """The score of a sentence whose matching words are ``hits``; 0 if it cannot reach
    ``min_score`` (its stems' ceilings add up to less)."""
    matched: dict[str, float] = {}
    for s in hits:
        for item_stem, similarity in reverse[s]:
            if matched.get(item_stem, 0.0) < similarity:
                matched[item_stem] = similarity
    if compiled.bound(matched) < min_score:
        return 0.0
    return compiled.score(matched)


def _candidates(article: Article, reach: dict[str, float], min_score: float) -> list[int]:
    """Bags holding a stem that is not too weak to matter (see the module docstring)."""
    weak = 0.0
    found: set[int] = set()
    for ceiling, s in sorted((ceiling, s) for s, ceiling in reach.items()):
        if weak + ceiling < min_score:
            weak += ceiling
        else:
            found.update(article.postings[s])
    return sorted(found)
