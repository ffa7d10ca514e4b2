"""Ledger -> JSON bytes: the standard library's encoder, or orjson when installed.

Both give the same bytes for the same ledger (two-space indent, non-ASCII kept, a final newline;
tested byte for byte). orjson (the ``fast`` extra) is used when it is installed and cannot
differ: it steps aside for floats (it prints some differently) and for text it refuses.
"""

from __future__ import annotations

import json
import math
import typing
from collections.abc import Sequence
from json.encoder import encode_basestring
from typing import Any

from claimtrack.codec.documents import to_document, without_gc
from claimtrack.ledger import Ledger
from claimtrack.model import Claim, Commitment, StatusChange

__all__ = ["dumps", "encode", "indented", "orjson_encoding", "stdlib_encoding"]


def stdlib_encoding(ledger: Ledger) -> bytes:
    """The ledger as UTF-8 JSON through the standard library."""
    # A lone surrogate (read from a "\ud800" escape) cannot be encoded as UTF-8; it can only sit
    # inside a JSON string, where backslashreplace writes it back as the same "\ud800" escape,
    # so whatever loads also saves and loads back equal.
    text = indented(to_document(ledger)) + "\n"
    return text.encode("utf-8", errors="backslashreplace")


def indented(document: object) -> str:
    """``json.dumps(document, ensure_ascii=False, indent=2)``, about twice as fast.

    With ``indent``, ``json.dumps`` runs the standard library's encoder written in Python
    (its C encoder serves only compact output); this one knows a document holds only dicts
    with text keys, lists, text, whole numbers, floats, booleans and null, escapes text with
    the same C function, and escapes each key once. Anything else goes to ``json.dumps``.
    """
    parts: list[str] = []
    append = parts.append
    heads: dict[str, str] = {}  # '"key": ' for each key met

    def write(value: object, indent: str) -> None:
        kind = type(value)
        if type(value) is str:
            append(_text(value))
        elif kind is dict:
            entries = typing.cast(dict[str, object], value)
            if not entries:
                append("{}")
                return
            inner = indent + "  "
            between = ",\n" + inner
            append("{\n" + inner)
            first = True
            for key, child in entries.items():
                if first:
                    first = False
                else:
                    append(between)
                head = heads.get(key)
                if head is None:
                    head = heads[key] = _text(key) + ": "
                if type(child) is str:  # most values: no call for them
                    append(head + _text(child))
                else:
                    append(head)
                    write(child, inner)
            append("\n" + indent + "}")
        elif kind is list:
            items = typing.cast(list[object], value)
            if not items:
                append("[]")
                return
            inner = indent + "  "
            between = ",\n" + inner
            append("[\n" + inner)
            first = True
            for child in items:
                if first:
                    first = False
                else:
                    append(between)
                if type(child) is str:
                    append(_text(child))
                else:
                    write(child, inner)
            append("\n" + indent + "]")
        elif value is None:
            append("null")
        elif value is True:
            append("true")
        elif value is False:
            append("false")
        elif kind is int:
            append(int.__repr__(typing.cast(int, value)))
        elif kind is float:
            append(_float(typing.cast(float, value)))
        else:
            raise TypeError(f"not a JSON value: {kind.__name__}")

    try:
        write(document, "")
    except TypeError:
        return json.dumps(document, ensure_ascii=False, indent=2)
    return "".join(parts)


_text = encode_basestring  # the C escaper json.dumps uses for text when ensure_ascii is off


def _float(number: float) -> str:
    """As ``json.dumps`` writes a float (NaN and the infinities in its own spelling)."""
    if number != number:
        return "NaN"
    if number in (math.inf, -math.inf):
        return "Infinity" if number > 0 else "-Infinity"
    return float.__repr__(number)


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
        options = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE  # no copy to add the newline
        encoded: bytes = orjson.dumps(to_document(ledger), option=options)
    except TypeError:  # orjson.JSONEncodeError: lone surrogates, integers beyond 64 bits
        return None
    return encoded


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
        return indented(to_document(ledger)) + "\n"
