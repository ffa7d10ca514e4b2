"""JSON text -> Ledger: ``loads``, with every JSON number a ledger could not save back refused.

Text is read by ``claimtrack.jsontext.parse`` (repeated keys and lone surrogates refused, with
their path). Bytes are decoded as UTF-8 (a byte order mark is dropped); syntax errors name line
and column;
``NaN``, ``Infinity``, floats beyond the double range and integers past Python's digit limit
become stand-ins that every typed field refuses with its path. Line numbers for problems are
found only on the error path.
"""

from __future__ import annotations

import math
from typing import Any

from claimtrack._locate import with_lines
from claimtrack.codec.documents import build
from claimtrack.errors import InvalidLedger, MalformedLedger, Problem
from claimtrack.jsontext import JsonProblem, parse
from claimtrack.ledger import Ledger

__all__ = ["loads"]


def _unreadable_number(description: str) -> object:
    """A stand-in for a number no ledger field can hold; its class name is its description.

    Every typed field refuses it with its path, e.g. "expected a number, got NaN (not JSON)",
    since error messages name an unknown value by its type's name.
    """
    return type(description, (), {})()


#: JSON numbers that would load but not save back equal: Python's NaN and Infinity extensions,
#: floats beyond the double range, and integers past Python's digit limit (which otherwise
#: escape ``json.loads`` as a bare ValueError).
_NOT_JSON_NUMBERS = {
    name: _unreadable_number(f"{name} (not a JSON number)")
    for name in ("NaN", "Infinity", "-Infinity")
}
_TOO_LARGE = _unreadable_number("a number too large to hold")
_TOO_LONG = _unreadable_number("a number with too many digits to read")


def _parse_float(text: str) -> object:
    number = float(text)
    return number if math.isfinite(number) else _TOO_LARGE


def _parse_int(text: str) -> object:
    try:
        return int(text)
    except ValueError:
        return _TOO_LONG


def _parse(text: str) -> Any:
    return parse(
        text,
        parse_float=_parse_float,
        parse_int=_parse_int,
        parse_constant=_NOT_JSON_NUMBERS.__getitem__,
    )


def _decode(data: bytes) -> str:
    try:
        # A UTF-8 byte order mark is an encoding signature, not content (json.loads on bytes
        # accepts it too); decoded first, so byte offsets in errors stay the file's.
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1 if b"\n" in data else None
        raise MalformedLedger(
            [Problem("$", f"not UTF-8 text (byte {error.start}: {error.reason})", line)]
        ) from None


def loads(text: str | bytes) -> Ledger:
    """A validated ledger from JSON text; raises ``InvalidLedger`` listing every problem."""
    if isinstance(text, bytes):
        text = _decode(text)
    try:
        document = _parse(text)
    except JsonProblem as error:
        problem = Problem(error.path, error.message, error.line)
        if error.line is None and "\n" in text:
            [problem] = with_lines(text, [problem])
        raise MalformedLedger([problem]) from None
    parsed = [document]
    del document  # build consumes it: hold no other reference
    whole = text

    def reparse() -> Any:
        return _parse(whole)

    try:
        return build(parsed.pop(), reparse=reparse)
    except InvalidLedger as error:
        # Only now, on the error path, find the line each problem's value starts on.
        if "\n" not in text:
            raise
        raise type(error)(with_lines(text, error.problems), headline=error.headline) from None
