"""Ledger -> JSON bytes: the standard library's encoder, or orjson when installed.

Both give the same bytes for the same ledger (two-space indent, non-ASCII kept, a final newline;
tested byte for byte). orjson (the ``fast`` extra) is used when it is installed and cannot
differ: it steps aside for floats (it prints some differently) and for text it refuses.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from claimtrack.codec.documents import to_document, without_gc
from claimtrack.ledger import Ledger
from claimtrack.model import Claim, Commitment, StatusChange

__all__ = ["dumps", "encode", "orjson_encoding", "stdlib_encoding"]


def stdlib_encoding(ledger: Ledger) -> bytes:
    """The ledger as UTF-8 JSON through the standard library."""
    # A lone surrogate (read from a "\ud800" escape) cannot be encoded as UTF-8; it can only sit
    # inside a JSON string, where backslashreplace writes it back as the same "\ud800" escape,
    # so whatever loads also saves and loads back equal.
    text = json.dumps(to_document(ledger), ensure_ascii=False, indent=2) + "\n"
    return text.encode("utf-8", errors="backslashreplace")


def orjson_encoding(ledger: Ledger) -> bytes | None:
    """The same bytes from orjson (the ``fast`` extra), or ``None`` when it is not installed or
    could differ: floats (orjson and Python print some differently) or text it refuses."""
    try:
        import orjson
    except ImportError:
        return None
    if _holds_floats(ledger):
        return None
    try:
        encoded: bytes = orjson.dumps(to_document(ledger), option=orjson.OPT_INDENT_2)
    except TypeError:  # orjson.JSONEncodeError: lone surrogates, integers beyond 64 bits
        return None
    return encoded + b"\n"


def _holds_floats(ledger: Ledger) -> bool:
    """Whether any float field (Measure.value, the figures of Progress) holds a float."""
    items: list[Commitment | Claim] = [*ledger.commitments, *ledger.claims]
    for item in items:
        target = getattr(item, "target", None)
        if target is not None and isinstance(target.value, float):
            return True
        history: Sequence[StatusChange[Any]] = item.history
        for change in history:
            if change.progress is not None and isinstance(change.progress.value, float):
                return True
        for figure in getattr(item, "progress", ()):
            if isinstance(figure.value, float) or isinstance(figure.of, float):
                return True
    return False


def encode(ledger: Ledger) -> bytes:
    """The ledger as UTF-8 JSON, exactly as ``dumps`` gives it."""
    with without_gc():  # the document is many acyclic containers, freed once encoded
        fast = orjson_encoding(ledger)
        return fast if fast is not None else stdlib_encoding(ledger)


def dumps(ledger: Ledger) -> str:
    """The ledger as JSON text; the same ledger always gives the same text."""
    with without_gc():
        fast = orjson_encoding(ledger)
        if fast is not None:
            return fast.decode("utf-8")
        return json.dumps(to_document(ledger), ensure_ascii=False, indent=2) + "\n"
