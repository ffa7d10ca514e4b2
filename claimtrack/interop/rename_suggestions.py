"""Likely renames: a key that left a snapshot and one that arrived in it, for a person to confirm.

When a tracker edits a title used as its key, the old key disappears from a snapshot and a new one
appears in the same snapshot. ``suggest_renames`` pairs them up when the two rows

1. share a source URL (``same URL``), or
2. have close titles: the similarity of two titles is the ratio of Python's
   ``difflib.SequenceMatcher`` (Ratcliff/Obershelp: twice the number of matching characters over
   the total number of characters, 0 to 1) between the titles casefolded, NFKC-normalised, with
   punctuation dropped and spaces collapsed; pairs at or above ``threshold`` (0.8 by default) are
   proposed.

Each key that left is paired with at most one key that arrived, and the other way round: the best
pairs first (a shared URL before any title similarity, then the higher ratio), ties by key. The
result is written as a renames CSV (``old,new,why``) that ``--renames`` reads once checked: nothing
is renamed without that.

``difflib`` is in the standard library, deterministic, and fast enough here: it compares only the
keys that left a snapshot with the keys that arrived in it (tens, not thousands).
"""

from __future__ import annotations

import csv
import difflib
import io
import itertools
import re
import unicodedata
from collections.abc import Sequence

from attrs import frozen

from claimtrack.interop.problems import Location

__all__ = ["Listed", "RenameSuggestion", "suggest_renames", "suggestions_csv", "title_similarity"]


@frozen
class Listed:
    """A row as the suggestions see it: its key, its title, its URLs and where it is."""

    key: str
    title: str
    urls: tuple[str, ...]
    location: Location


@frozen
class RenameSuggestion:
    """``old`` (last listed at ``left``) may have become ``new`` (first listed at ``arrived``)."""

    old: str
    new: str
    why: str
    score: float
    left: Location
    arrived: Location


def title_similarity(first: str, second: str) -> float:
    """How alike two titles are, 0 to 1 (see the module's documentation for the measure)."""
    return difflib.SequenceMatcher(None, _plain(first), _plain(second), autojunk=False).ratio()


def _plain(title: str) -> str:
    folded = unicodedata.normalize("NFKC", title).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", folded).split())


def suggest_renames(
    snapshots: Sequence[Sequence[Listed]], *, threshold: float = 0.8
) -> list[RenameSuggestion]:
    """Likely renames between consecutive snapshots (given in order), in snapshot then key order."""
    suggestions: list[RenameSuggestion] = []
    ever: set[str] = set()
    for earlier, later in itertools.pairwise(snapshots):
        ever.update(row.key for row in earlier)
        now = {row.key for row in later}
        left = [row for row in earlier if row.key not in now]
        arrived = [row for row in later if row.key not in ever]
        suggestions.extend(_pairs(left, arrived, threshold))
    return suggestions


def _pairs(
    left: Sequence[Listed], arrived: Sequence[Listed], threshold: float
) -> list[RenameSuggestion]:
    scored: list[tuple[tuple[int, float], RenameSuggestion]] = []
    for old in left:
        for new in arrived:
            shared = sorted(set(old.urls) & set(new.urls))
            if shared:
                why, rank, score = f"same URL {shared[0]}", 1, 1.0
            else:
                score = title_similarity(old.title, new.title)
                if score < threshold:
                    continue
                why, rank = f"titles {score:.2f} alike", 0
            scored.append(
                (
                    (rank, score),
                    RenameSuggestion(old.key, new.key, why, score, old.location, new.location),
                )
            )
    scored.sort(key=lambda pair: (-pair[0][0], -pair[0][1], pair[1].old, pair[1].new))
    taken_old: set[str] = set()
    taken_new: set[str] = set()
    chosen: list[RenameSuggestion] = []
    for _, suggestion in scored:
        if suggestion.old in taken_old or suggestion.new in taken_new:
            continue
        taken_old.add(suggestion.old)
        taken_new.add(suggestion.new)
        chosen.append(suggestion)
    return sorted(chosen, key=lambda suggestion: suggestion.old)


def suggestions_csv(suggestions: Sequence[RenameSuggestion]) -> str:
    """The suggestions as a renames CSV (``old,new,why``) for ``--renames`` once checked."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(["old", "new", "why"])
    for suggestion in suggestions:
        why = f"{suggestion.why}; {suggestion.left} -> {suggestion.arrived}"
        writer.writerow([suggestion.old, suggestion.new, why])
    return stream.getvalue()
