"""Evidence quotes as W3C Web Annotations (JSON-LD), anchored by TextQuoteSelector.

Each evidence item with a quote becomes one Annotation: its ``target`` is the source (its URL,
or an id for it) with a ``TextQuoteSelector`` (``exact``, and ``prefix``/``suffix`` when known);
its ``body`` says how the quote bears on the commitments and claims that cite it (a ``tagging``
body with the stance and a ``linking`` body per item), with the Admiralty grade, the translation
and the note as further bodies. Given the archived source texts, a missing prefix or suffix is
filled from the text around the one place the quote occurs, as annotation tools expect; a quote
that does not occur exactly once keeps only what the ledger says. Unanchored evidence (no quote)
has nothing to select and is left out.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any

from claimtrack import _registry as registry
from claimtrack.interop.linked_data import iri, json_ld
from claimtrack.ledger import Ledger
from claimtrack.model import Evidence, TextQuote
from claimtrack.quotes import anchor

__all__ = ["ANNOTATION_CONTEXT", "web_annotations", "web_annotations_json"]

#: The Web Annotation JSON-LD context; never fetched.
ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def web_annotations(
    ledger: Ledger,
    *,
    texts: Mapping[str, str] | None = None,
    base_url: str | None = None,
    context: int = 32,
) -> list[dict[str, Any]]:
    """One Annotation per quoted evidence item, by evidence id.

    ``texts`` maps source ids to their archived texts; when given, a missing prefix or suffix
    is taken from up to ``context`` characters around the quote's single occurrence.
    """
    citing: dict[str, list[tuple[str, str]]] = {}
    for kind, items in (("commitment", ledger.commitments), ("claim", ledger.claims)):
        for item in items:
            for evidence in ledger.evidence_for(item.id):
                citing.setdefault(evidence.id, []).append((kind, item.id))
    found = []
    for evidence in ledger.evidence:
        if evidence.quote is None:
            continue
        quote = _with_context(evidence.quote, (texts or {}).get(evidence.source), context)
        found.append(_annotation(ledger, evidence, quote, citing.get(evidence.id, []), base_url))
    return found


def web_annotations_json(ledger: Ledger, **options: Any) -> str:
    """``web_annotations`` as JSON text: a list of Annotation objects."""
    return json_ld(web_annotations(ledger, **options))


def _with_context(quote: TextQuote, text: str | None, context: int) -> TextQuote:
    if text is None or (quote.prefix is not None and quote.suffix is not None):
        return quote
    text = unicodedata.normalize("NFC", text)
    offsets = anchor(text, quote, limit=2)
    if len(offsets) != 1:
        return quote
    start = offsets[0]
    end = start + len(unicodedata.normalize("NFC", quote.exact))
    prefix = quote.prefix if quote.prefix is not None else text[max(0, start - context) : start]
    suffix = quote.suffix if quote.suffix is not None else text[end : end + context]
    return TextQuote(quote.exact, prefix or None, suffix or None)


def _annotation(
    ledger: Ledger,
    evidence: Evidence,
    quote: TextQuote,
    citing: list[tuple[str, str]],
    base_url: str | None,
) -> dict[str, Any]:
    source = ledger.sources[evidence.source]
    selector: dict[str, Any] = {"type": "TextQuoteSelector", "exact": quote.exact}
    if quote.prefix is not None:
        selector["prefix"] = quote.prefix
    if quote.suffix is not None:
        selector["suffix"] = quote.suffix
    body: list[dict[str, Any]] = [
        {"type": "TextualBody", "purpose": "tagging", "value": evidence.stance.value}
    ]
    body.extend(
        {"id": iri(kind, item_id, base_url), "purpose": "linking"} for kind, item_id in citing
    )
    if source.reliability is not None and evidence.credibility is not None:
        grade = f"{source.reliability.value}{int(evidence.credibility)}"
        body.append({"type": "TextualBody", "purpose": "classifying", "value": grade})
    if evidence.translation:
        body.append({"type": "TextualBody", "purpose": "describing", "value": evidence.translation})
    if evidence.note:
        body.append({"type": "TextualBody", "purpose": "commenting", "value": evidence.note})
    target: dict[str, Any] = {
        "source": source.url or iri("source", source.id, base_url),
        "selector": selector,
    }
    return {
        "@context": ANNOTATION_CONTEXT,
        "id": iri(registry.EVIDENCE.noun, evidence.id, base_url),
        "type": "Annotation",
        "motivation": "linking",
        "body": body,
        "target": target,
    }
