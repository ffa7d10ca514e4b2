"""Which sentences of each archived source no evidence quote touches.

A reviewer reads the uncited sentences to confirm they carry no pledge or attributed claim: the
check that a ledger built from articles is complete, not only exact.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from attrs import frozen

from claimtrack.ledger import Ledger
from claimtrack.quotes import _anchor

__all__ = ["SourceCoverage", "coverage", "sentences"]

#: Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = ("Lt", "Gen", "Maj", "Col", "Brig", "Dr", "Mr", "Mrs", "Ms", "St", "No", "Vol")
_ABBREVIATED = tuple(f" {abbreviation}." for abbreviation in _ABBREVIATIONS)
_CLOSERS = '"\u201d\u2019)'  # straight and curly closing quotes, closing parenthesis
_OPENERS = '"\u201c\u2018('
_BOUNDARY = re.compile(rf"(?<=[.!?])[{_CLOSERS}]*\s+(?=[{_OPENERS}]?[A-Z0-9])|\s*\n\s*")


@frozen
class SourceCoverage:
    """How much of one source's text the ledger's evidence quotes."""

    source: str
    sentences: int
    uncited: tuple[str, ...]

    @property
    def cited(self) -> int:
        """How many sentences at least one quote overlaps."""
        return self.sentences - len(self.uncited)


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of the sentences in ``text``, blank lines and headings included."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        before = text[start : match.start()]
        if before.rstrip(_CLOSERS).endswith(_ABBREVIATED):
            continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def coverage(ledger: Ledger, texts: Mapping[str, str]) -> list[SourceCoverage]:
    """Per source with a text at hand, its sentences that no evidence quote overlaps."""
    results = []
    for source_id in sorted(texts):
        text = unicodedata.normalize("NFC", texts[source_id])
        quoted: list[tuple[int, int]] = []
        for evidence in ledger.evidence:
            if evidence.source != source_id or evidence.quote is None:
                continue
            length = len(unicodedata.normalize("NFC", evidence.quote.exact))
            quoted.extend(
                (start, start + length) for start in _anchor(text, evidence.quote, limit=2)
            )
        spans = sentences(text)
        uncited = tuple(
            " ".join(text[a:b].split())
            for a, b in spans
            if not any(start < b and end > a for start, end in quoted)
        )
        results.append(SourceCoverage(source_id, len(spans), uncited))
    return results
