"""Words and their comparable forms: tokens, light stems, stop words and cue words.

A token is a run of word characters (any script), compared case-folded. English words are cut to a
light stem (``visited`` -> ``visit``, ``Iranian`` -> ``iran``); words of other scripts are kept
whole. Near-spellings (``Javad``/``Javed``, ``Pakistani``/``Pakistan``) are left to the fuzzy
matching in ``claimtrack.relevance.scoring``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

__all__ = [
    "CATEGORY_CUES",
    "CLAIM_CUES",
    "CLAIM_KIND_CUES",
    "EQUIVALENTS",
    "PLEDGE_CUES",
    "STOP_WORDS",
    "stem",
    "tokens",
]

_WORD = re.compile(r"\w+")

#: English function words and reporting fillers that say nothing about what a sentence is about.
STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "said",
        "says",
        "say",
        "according",
        "has",
        "been",
        "its",
        "it",
        "s",
        "two",
        "one",
        "new",
        "last",
        "year",
        "years",
        "other",
        "which",
    ]
)

#: Words that mark a pledge: a sentence bearing on no known item but holding one of these may
#: report a new commitment.
PLEDGE_CUES = frozenset(
    [
        "agree",
        "agreed",
        "agrees",
        "agreement",
        "pledge",
        "pledged",
        "pledges",
        "vow",
        "vowed",
        "vows",
        "promise",
        "promised",
        "promises",
        "commit",
        "committed",
        "commits",
        "commitment",
        "undertake",
        "undertook",
        "undertakes",
        "undertaking",
        "sign",
        "signed",
        "signs",
        "assure",
        "assured",
        "assures",
        "guarantee",
        "guaranteed",
        "resolve",
        "resolved",
        "decided",
    ]
)

#: Words that mark an attributed claim: a possible new claim when no known item explains it.
CLAIM_CUES = frozenset(
    [
        "deny",
        "denied",
        "denies",
        "denial",
        "allege",
        "alleged",
        "alleges",
        "allegedly",
        "allegation",
        "allegations",
        "accuse",
        "accused",
        "accuses",
        "accusation",
        "accusations",
        "claim",
        "claimed",
        "claims",
        "charge",
        "charged",
        "dismiss",
        "dismissed",
        "dismisses",
        "reject",
        "rejected",
        "rejects",
        "insist",
        "insisted",
        "insists",
        "maintain",
        "maintained",
        "maintains",
        "warn",
        "warned",
        "warns",
        "condemn",
        "condemned",
        "condemns",
        "blame",
        "blamed",
        "blames",
        "say",
        "said",
        "says",
        "stated",
        "told",
        "assert",
        "asserted",
        "asserts",
        "suspect",
        "suspected",
    ]
)

#: Words that tend to report on a commitment of each category of the bundled vocabulary (snake
#: case, as in ``Commitment.category``); a category not listed contributes its own words only.
CATEGORY_CUES: dict[str, tuple[str, ...]] = {
    "engagement": ("visit", "meeting", "met", "talks", "trip", "travelled", "hosted", "exchange"),
    "military_cooperation": ("military", "cooperation", "defence", "defense", "exercise"),
    "intelligence_sharing": ("intelligence", "information", "sharing", "shared"),
    "border_patrols": ("border", "patrol", "patrolling"),
    "fencing": ("fence", "fencing", "border", "barrier"),
    "hotline": ("hotline", "communication", "commanders"),
    "counterterrorism": ("terrorism", "terrorist", "militants", "counterterrorism"),
    "diplomatic_relations": ("relations", "ties", "diplomatic", "embassy", "ambassador"),
    "ceasefire": ("ceasefire", "truce", "hostilities", "firing"),
    "trade": ("trade", "tariff", "exports", "imports", "barter"),
    "energy": ("gas", "pipeline", "electricity", "power", "oil"),
}

#: Words reported in different words for the same thing, each mapped to one stem. English only.
EQUIVALENTS: dict[str, str] = {
    **dict.fromkeys(("trip", "trips", "visit", "visits", "visited", "visiting", "tour"), "visit"),
    **dict.fromkeys(("travel", "travels", "travelled", "traveled"), "visit"),
    **dict.fromkeys(("meet", "meets", "met", "meeting", "meetings", "talks"), "meet"),
    **dict.fromkeys(("pledge", "pledged", "vow", "vowed", "promise", "promised"), "pledge"),
    **dict.fromkeys(("ties", "relations", "relation", "relationship", "relationships"), "relation"),
    **dict.fromkeys(("gen", "general", "generals"), "general"),
    **dict.fromkeys(("lt", "lieutenant"), "lieutenant"),
    **dict.fromkeys(("maj", "major"), "major"),
    **dict.fromkeys(("brig", "brigadier"), "brigadier"),
    **dict.fromkeys(("col", "colonel"), "colonel"),
    **dict.fromkeys(("cooperation", "cooperate", "cooperated", "collaboration"), "cooperat"),
    **dict.fromkeys(("distrust", "mistrust", "suspicion", "suspicions"), "distrust"),
}

_SUFFIXES = ("ings", "ing", "ians", "ian", "ed", "es", "s")


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light stem of a case-folded word: English suffixes cut, other scripts kept whole."""
    return EQUIVALENTS.get(word) or _cut(word)


def _cut(word: str) -> str:
    if not word.isascii() or not word.isalpha():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def tokens(text: str) -> Iterator[tuple[str, int, int]]:
    """``(case-folded word, start, end)`` for each word of ``text`` that is not a stop word."""
    for match in _WORD.finditer(text):
        word = match.group().casefold()
        if (len(word) < 2 and word.isascii()) or word in STOP_WORDS:
            continue
        yield word, match.start(), match.end()


#: Words that tend to report a claim of each kind (``ClaimKind`` values).
CLAIM_KIND_CUES: dict[str, tuple[str, ...]] = {
    "allegation": ("alleged", "accused", "accusations", "allegations", "charges", "blamed"),
    "denial": ("denied", "dismissed", "rejected", "deny", "rumours"),
    "assessment": ("seen", "assessment", "believe"),
    "assurance": ("assured", "assurance", "guarantee"),
    "statement": ("said", "stated", "statement"),
    "call": ("called", "urged", "need", "call"),
    "prediction": ("will", "expected", "predicted"),
}
