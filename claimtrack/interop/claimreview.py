"""Claims as schema.org ClaimReview JSON-LD, the markup fact-checkers publish and search reads.

Each claim becomes one ClaimReview: ``claimReviewed`` is what was asserted; ``reviewRating``
carries its status as of a day (``alternateName``, the vocabulary's label, and a
``ratingExplanation`` citing the evidence); ``itemReviewed`` is the Claim with its claimants as
``author``, when it was made, and every source its evidence quotes as an ``appearance``
(``firstAppearance``: the source of the claim's first entry). schema.org has no relation between
claims (disputes, supports): those stay in the ledger.
"""

from __future__ import annotations

from typing import Any

from claimtrack.interop.linked_data import iri, iso_date, json_ld, party, work
from claimtrack.interop.vocabularies import CLAIMTRACK_CLAIMS, Vocabulary
from claimtrack.ledger import AsOf, Ledger
from claimtrack.lifecycle import ClaimStatus
from claimtrack.model import Claim, Source, StatusChange

__all__ = ["claimreview", "claimreview_json"]

#: Quotes cited in a rating explanation, at most, and their length before "…".
_QUOTES, _QUOTE_LENGTH = 3, 160


def claimreview(
    ledger: Ledger,
    *,
    as_of: AsOf | None = None,
    reviewer: str = "claimtrack",
    base_url: str | None = None,
    vocabulary: Vocabulary[ClaimStatus] = CLAIMTRACK_CLAIMS,
) -> list[dict[str, Any]]:
    """One ClaimReview per claim made by ``as_of`` (default: every claim, latest status), by id.

    ``reviewer`` names the organisation publishing the reviews; with ``base_url`` each review
    gets a ``url`` under it (``BASE/claim/ID``).
    """
    reviews = []
    for claim in ledger.claims:
        current = claim.history[-1] if as_of is None else ledger.status_as_of(claim.id, as_of)
        if current is None:
            continue
        since = ledger.status_since(claim.id, current.date if as_of is None else as_of)
        reviews.append(
            _review(ledger, claim, current, since or current, reviewer, base_url, vocabulary)
        )
    return reviews


def claimreview_json(ledger: Ledger, **options: Any) -> str:
    """``claimreview`` as JSON text: a list of ClaimReview objects."""
    return json_ld(claimreview(ledger, **options))


def _review(
    ledger: Ledger,
    claim: Claim,
    current: StatusChange[ClaimStatus],
    since: StatusChange[ClaimStatus],
    reviewer: str,
    base_url: str | None,
    vocabulary: Vocabulary[ClaimStatus],
) -> dict[str, Any]:
    label = vocabulary.label(current.status) or current.status.value
    author: dict[str, Any] = {"@type": "Organization", "name": reviewer}
    if base_url:
        author["url"] = base_url
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "@id": iri("claim-review", claim.id, base_url),
        "identifier": claim.id,
    }
    if base_url:
        review["url"] = iri("claim", claim.id, base_url)
    review.update(
        {
            "claimReviewed": claim.text,
            "datePublished": iso_date(current.date),
            "author": author,
            "reviewRating": {
                "@type": "Rating",
                "alternateName": label,
                "ratingExplanation": _explanation(ledger, current, since, label),
            },
            "itemReviewed": _claim(ledger, claim, base_url),
        }
    )
    return review


def _claim(ledger: Ledger, claim: Claim, base_url: str | None) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "Claim", "@id": iri("claim", claim.id, base_url)}
    authors = [party(ledger.actors[actor]) for actor in claim.claimants]
    if authors:
        node["author"] = authors[0] if len(authors) == 1 else authors
    if claim.made is not None:
        node["datePublished"] = iso_date(claim.made)
    if claim.subjects:
        node["about"] = [party(ledger.actors[actor]) for actor in claim.subjects]
    sources = _sources(ledger, claim)
    if sources:
        node["appearance"] = [work(source, base_url) for source in sources]
    first = [ledger.evidence[e].source for e in claim.history[0].evidence]
    if first:
        node["firstAppearance"] = work(ledger.sources[first[0]], base_url)
    return node


def _sources(ledger: Ledger, claim: Claim) -> list[Source]:
    """Every source the claim's evidence quotes, each once, in the order first cited."""
    ids = dict.fromkeys(evidence.source for evidence in ledger.evidence_for(claim.id))
    return [ledger.sources[source_id] for source_id in ids]


def _explanation(
    ledger: Ledger,
    current: StatusChange[ClaimStatus],
    since: StatusChange[ClaimStatus],
    label: str,
) -> str:
    """The "LABEL since DATE." text (the day the status began, which a later confirming check or new
    evidence does not move), then the latest entry's note and up to a few of its quotes."""
    parts = [f"{label} since {since.date}."]
    if current.note:
        parts.append(current.note)
    quoted = 0
    for evidence_id in current.evidence:
        evidence = ledger.evidence[evidence_id]
        source = ledger.sources[evidence.source]
        if evidence.quote is None:
            parts.append(f"{evidence.stance.value.capitalize()}: {source.title} (no quote).")
            continue
        if quoted == _QUOTES:
            continue
        quoted += 1
        text = evidence.quote.exact
        if len(text) > _QUOTE_LENGTH:
            text = text[: _QUOTE_LENGTH - 1] + "…"
        parts.append(f"{evidence.stance.value.capitalize()}: “{text}” ({source.title}).")
    return " ".join(parts)
