"""Splitting an article into sentences that are exact substrings of it.

Each sentence is returned as a span ``(start, end)`` of the text as given (no normalisation), with
surrounding whitespace left out, so ``text[start:end]`` is a quote that verifies against the
article. A sentence ends at ``.``, ``!`` or ``?`` (and the Arabic, Urdu, Devanagari and CJK full
stops) followed by whitespace and a character that is not a lower-case letter, or at a line break
that is not a hard wrap (a single line break followed by a lower-case letter continues the
sentence: "joint border operations, and\nenjoy much intelligence cooperation." is one sentence).
A full stop after a known abbreviation (``Gen.``, ``Lt.``, ``Mr.``...) or a single capital letter
(an initial) does not end a sentence. CJK full stops end a sentence without a following space.
"""

from __future__ import annotations

import re

__all__ = ["sentence_spans"]

#: Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    {
        "Lt",
        "Gen",
        "Maj",
        "Col",
        "Brig",
        "Capt",
        "Cmdr",
        "Adm",
        "Dr",
        "Mr",
        "Mrs",
        "Ms",
        "St",
        "No",
        "Vol",
        "Prof",
        "Sen",
        "Rep",
        "Gov",
        "Pres",
        "Jr",
        "Sr",
        "vs",
        "etc",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Aug",
        "Sept",
        "Sep",
        "Oct",
        "Nov",
        "Dec",
    }
)
_CLOSERS = "\"'\u201d\u2019)\u00bb\u300d\u300f"
_TERMINATORS = ".!?\u061f\u06d4\u0964\u0965"  # Latin, Arabic question mark, Urdu and Devanagari
_CJK_TERMINATORS = "\u3002\uff01\uff1f"  # ideographic full stop, fullwidth ! and ?
_BOUNDARY = re.compile(
    rf"(?:(?<=[{_TERMINATORS}])[{_CLOSERS}]*\s+(?=\S)"
    rf"|(?<=[{_CJK_TERMINATORS}])[{_CLOSERS}]*\s*"
    r"|\s*\n\s*)"
)
_LAST_WORD = re.compile(r"(\w+)\W*$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of the sentences of ``text``, trimmed, blank ones left out."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        gap = match.group()
        if "\n" in gap:
            if _wrapped(text, gap, match.end()):
                continue
        elif not _ends_sentence(text, start, match.start(), match.end()):
            continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [_trim(text, a, b) for a, b in spans if a < b and not text[a:b].isspace()]


def _wrapped(text: str, gap: str, following: int) -> bool:
    """Whether a gap holding a line break is a hard wrap inside a sentence: one line break, the
    next line starting with a lower-case letter."""
    return gap.count("\n") == 1 and following < len(text) and text[following].islower()


def _ends_sentence(text: str, start: int, stop: int, following: int) -> bool:
    """Whether the punctuation just before ``stop`` ends the sentence begun at ``start``."""
    if following < len(text) and text[following].islower():
        return False  # "e.g. the", "U.S. officials said... and"
    before = text[max(start, stop - 12) : stop].rstrip(_CLOSERS)
    if not before.endswith("."):
        return True
    word = _LAST_WORD.search(before[:-1])
    if word is None:
        return True
    last = word.group(1)
    return not (last in _ABBREVIATIONS or (len(last) == 1 and last.isupper()))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
