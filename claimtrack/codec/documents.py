"""Parsed JSON <-> Ledger: ``from_document`` and ``to_document``.

A document is what ``json.loads`` gives for a ledger file: ``format_version`` and one list per
collection. Structuring first takes the fast path (generated hooks, no detail); only a failure
re-runs the detailed converter, which reports every problem with its JSON path. Output is
deterministic: format version first, then each collection by id, keys in field order, defaults
left out.
"""

from __future__ import annotations

import threading
import typing
from collections.abc import Callable
from typing import Any

from claimtrack import _registry as registry
from claimtrack.codec import converter
from claimtrack.collector import without_gc
from claimtrack.errors import MalformedLedger, Problem
from claimtrack.jsontext import Rows
from claimtrack.ledger import COLLECTIONS, Ledger
from claimtrack.lifecycle import Policy

__all__ = ["FORMAT_VERSION", "build", "from_document", "to_document", "without_gc"]

#: The version of the file format this claimtrack reads and writes.
FORMAT_VERSION = 2

#: Every version ``load`` reads; version 1 files (before history entry ids, corrections, checks,
#: progress observations and policies) are upgraded in memory, and saved as the current version.
READABLE_VERSIONS = (1, 2)

_TALLY_LOCK = threading.Lock()

_RECORD_TYPES: dict[str, Any] = {c.name: c.record_type for c in registry.COLLECTIONS}
_TUPLE_TYPES: dict[str, Any] = {
    c.name: tuple[c.record_type, ...]  # type: ignore[name-defined]
    for c in registry.COLLECTIONS
}


def from_document(document: object) -> Ledger:
    """Build a validated ledger from parsed JSON, reporting every problem with its path.

    Raises :class:`~claimtrack.errors.InvalidLedger` (``MalformedLedger`` for the file's shape)
    listing every problem; the document passed in is left as it was.
    """
    return build(document, reparse=None)


def _version_problems(document: dict[str, Any]) -> list[Problem]:
    version = document.get("format_version")
    if version is None:
        return [Problem("$.format_version", f"required key missing; expected {FORMAT_VERSION}")]
    if isinstance(version, bool) or not isinstance(version, int):
        return [
            Problem(
                "$.format_version",
                f"expected {FORMAT_VERSION}, got {converter.describe(version)}",
            )
        ]
    if version not in READABLE_VERSIONS:
        newer = " (newer than this claimtrack reads; upgrade claimtrack)"
        return [
            Problem(
                "$.format_version",
                f"unsupported format version {version}{newer if version > FORMAT_VERSION else ''}"
                f"; expected {' or '.join(map(str, READABLE_VERSIONS))}",
            )
        ]
    return []


def build(
    document: object,
    *,
    reparse: Callable[[], Any] | None,
    keys: int | None = None,
    built: Callable[[], None] | None = None,
) -> Ledger:
    """``from_document``; with ``reparse``, the document is the caller's own to consume.

    Then each parsed collection is dropped as soon as its records are built, so the parsed
    dicts and the records are never all alive at once (the peak memory of a load). Should the
    fast path fail, ``reparse`` gives the whole document back for the detailed one. With
    ``keys`` (``jsontext.key_bound`` of the text read quickly), the fast path stands only if
    the document's objects hold exactly that many keys: none was repeated in the text.
    ``built`` is called once the fast path has built every record (before the integrity
    rules), so that the caller can drop the text it no longer needs.
    """
    if not isinstance(document, dict):
        raise MalformedLedger(
            [Problem("$", f"expected a ledger object, got {converter.describe(document)}")]
        )
    problems = _version_problems(document)
    expected_keys = ["format_version", "policy", *COLLECTIONS]
    unknown = [key for key in document if key not in expected_keys]
    if unknown:
        from claimtrack.codec.problems import unknown_key  # failures only

        problems.extend(Problem(f"$.{key}", unknown_key(key, expected_keys)) for key in unknown)
    with without_gc():
        collections = (
            None if problems else structure_fast(document, consume=reparse is not None, keys=keys)
        )
        if collections is None:
            if reparse is not None:  # part-consumed, or holding items not yet decoded
                document = typing.cast(dict[str, Any], reparse())
            collections = structure_detailed(document, problems)
        elif built is not None:
            built()
        policy = _policy(document.get("policy", Policy.USUAL_WITH_REASON.value), problems)
        if problems:
            raise MalformedLedger(problems)
        records: dict[str, Any] = collections
        ledger = Ledger(**records, policy=policy)
        ledger._query().prepare()  # the as-of index, so that the first query is a warm one
        return ledger


def _policy(value: object, problems: list[Problem]) -> Policy:
    """The ledger's policy (``usual-with-reason`` unless the file says ``strict``)."""
    try:
        policy: Policy = converter.FAST.structure(value, Policy)  # the same enum hook
    except Exception as error:  # the enum hook's message names the valid policies
        problems.append(Problem("$.policy", str(error)))
        return Policy.USUAL_WITH_REASON
    return policy


def structure_fast(
    document: dict[str, Any], *, consume: bool = False, keys: int | None = None
) -> dict[str, tuple[Any, ...]] | None:
    """Every collection structured without detailed validation, or ``None`` on any failure.

    With ``consume``, each collection is removed from ``document`` once built, largest first.
    With ``keys``, also ``None`` unless the document's objects hold exactly ``keys`` keys.
    """
    fast = converter.FAST
    with _TALLY_LOCK:  # one tally for the fast hooks: one structuring at a time
        tally = converter.FAST_TALLY
        tally[0] = len(document)
        try:
            built: dict[str, tuple[Any, ...]] = {}
            order = COLLECTIONS
            if consume:
                order = _order(document)
            for name in order:
                raw = document.pop(name, []) if consume else document.get(name, [])
                if type(raw) is Rows:  # each record's value made, built and dropped in turn
                    hook, decode = fast.get_structure_hook(_RECORD_TYPES[name]), raw.decode
                    built[name] = tuple([hook(decode(item), None) for item in raw])
                else:
                    built[name] = fast.structure(raw, _TUPLE_TYPES[name])
                del raw
        except Exception:  # the detailed re-run explains it
            return None
        finally:
            converter.FAST_IDS.clear()
        if keys is not None and tally[0] != keys:
            return None  # a key was repeated somewhere: the strict reading names it
    return {name: built[name] for name in COLLECTIONS}


def _order(document: dict[str, Any]) -> tuple[str, ...]:
    """The order to build and drop the collections of a document the reader gave up.

    Parsed whole, the largest collection goes first (the most memory dropped the soonest).
    Read one record at a time (``Rows``), the collections whose ids references share go first
    (``converter.SHARED``: the references then hold the same strings), then the largest: what
    is held at the end, beside every record, is the last collection's items' text (a few).
    """
    largest = sorted(COLLECTIONS, key=lambda n: -len(document.get(n) or ()))
    if not any(type(document.get(name)) is Rows for name in COLLECTIONS):
        return tuple(largest)
    return (*converter.SHARED, *(name for name in largest if name not in converter.SHARED))


def structure_detailed(
    document: dict[str, Any], problems: list[Problem]
) -> dict[str, tuple[Any, ...]]:
    """Every collection structured with detailed validation, adding each failure's problems."""
    from claimtrack.codec.problems import problems as flatten  # failures only

    collections: dict[str, tuple[Any, ...]] = {}
    for name in COLLECTIONS:
        try:
            collections[name] = converter.DETAILED.structure(
                document.get(name, []), _TUPLE_TYPES[name]
            )
        except Exception as error:  # every failure becomes a Problem with its path
            problems.extend(flatten(error, f"$.{name}"))
    return collections


def to_document(ledger: Ledger) -> dict[str, Any]:
    """The JSON-ready form of a ledger: format version first, then each collection by id."""
    document: dict[str, Any] = {"format_version": FORMAT_VERSION}
    if ledger.policy is not Policy.USUAL_WITH_REASON:
        document["policy"] = ledger.policy.value
    for collection in registry.COLLECTIONS:
        hook = converter.FAST.get_unstructure_hook(collection.record_type)  # no cattrs
        document[collection.name] = [hook(record) for record in ledger.records(collection.name)]
    return document
