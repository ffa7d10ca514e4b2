"""What the JSON-LD exports share: identifiers for records, ISO dates, schema.org parties.

Records get IRIs under a base URL when one is given (``https://example.org/ledger/claim/cl-1``)
and URNs otherwise (``urn:claimtrack:claim:cl-1``), so every exported node has a stable id
without claiming a web address the ledger does not have.
"""

from __future__ import annotations

import json
from typing import Any

from claimtrack.dates import PartialDate
from claimtrack.model import Actor, ActorKind, Source, SourceKind

__all__ = ["iri", "iso_date", "json_ld", "party", "work"]

_WORK_TYPES = {
    SourceKind.NEWS: "NewsArticle",
    SourceKind.MAGAZINE: "Article",
    SourceKind.OPINION: "OpinionNewsArticle",
    SourceKind.PRESS_RELEASE: "Article",
    SourceKind.DATASET: "Dataset",
    SourceKind.TRANSCRIPT: "CreativeWork",
    SourceKind.VERIFICATION_REPORT: "Report",
    SourceKind.OFFICIAL_STATEMENT: "CreativeWork",
    SourceKind.OTHER: "CreativeWork",
}


def iri(kind: str, record_id: str, base_url: str | None = None) -> str:
    """The identifier of a record in an export: under ``base_url``, or a ``urn:claimtrack:``."""
    if base_url:
        return f"{base_url.rstrip('/')}/{kind}/{record_id}"
    return f"urn:claimtrack:{kind}:{record_id}"


def iso_date(date: PartialDate) -> str:
    """The ISO 8601 form at the date's own precision (``2017``, ``2017-11``), qualifiers dropped.

    schema.org dates are ISO 8601, which has no ``~`` or ``?``; the reduced precision stays.
    """
    return date.stated().edtf.rstrip("~?%")


def party(actor: Actor) -> dict[str, Any]:
    """A schema.org Person or Organization for an actor."""
    kind = "Person" if actor.kind is ActorKind.PERSON else "Organization"
    node: dict[str, Any] = {"@type": kind, "name": actor.name}
    if actor.aliases:
        node["alternateName"] = list(actor.aliases)
    return node


def work(source: Source, base_url: str | None = None) -> dict[str, Any]:
    """A schema.org CreativeWork (NewsArticle, Report...) for a source."""
    node: dict[str, Any] = {
        "@type": _WORK_TYPES[source.kind],
        "@id": source.url or iri("source", source.id, base_url),
        "name": source.title,
    }
    if source.url:
        node["url"] = source.url
    if source.published is not None:
        node["datePublished"] = iso_date(source.published)
    if source.author:
        node["author"] = {"@type": "Person", "name": source.author}
    if source.publisher:
        node["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.language:
        node["inLanguage"] = source.language
    return node


def json_ld(document: object) -> str:
    """JSON text for a JSON-LD document: indented, UTF-8 as is, keys in the order given."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
