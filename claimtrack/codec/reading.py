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
from collections.abc import Callable
from typing import Any

from claimtrack.codec.documents import build, without_gc
from claimtrack.errors import InvalidLedger, MalformedLedger, Problem
from claimtrack.jsontext import JsonProblem, parse, quick_parse
from claimtrack.ledger import COLLECTIONS, Ledger

__all__ = ["loads", "loads_owned"]


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


_NUMBERS: dict[str, Any] = {
    "parse_float": _parse_float,
    "parse_int": _parse_int,
    "parse_constant": _NOT_JSON_NUMBERS.__getitem__,
}


def _parse(text: str) -> Any:
    return parse(text, **_NUMBERS)


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


def _text(text: str | bytes) -> str:
    return text if isinstance(text, str) else _decode(text)


def _problem(error: JsonProblem, text: str) -> MalformedLedger:
    problem = Problem(error.path, error.message, error.line)
    if error.line is None and "\n" in text:
        from claimtrack._locate import with_lines  # the error path only

        [problem] = with_lines(text, [problem])
    return MalformedLedger([problem])


def loads(text: str | bytes) -> Ledger:
    """A validated ledger from JSON text; raises ``InvalidLedger`` listing every problem.

    The text is first read quickly (``jsontext.quick_parse``: msgspec with the ``fast`` extra,
    else ``json.loads`` without counting keys as it goes); the fast structure hooks then count
    the keys they meet, and the reading stands only if none was repeated. Anything else goes
    the strict way (``jsontext.parse``), which explains every refusal.
    """
    return loads_owned([text], again=None)


def loads_owned(held: list[str | bytes], *, again: Callable[[], bytes | None] | None) -> Ledger:
    """``loads`` of the one text in ``held``, which the caller gives up (the list is emptied).

    With ``again``, the text is dropped as soon as the records are built, before the integrity
    rules run, so it is not held beside the whole ledger (the peak memory of a load); should a
    problem then need its line, ``again()`` gives the text once more (``None``: no lines).
    """
    with without_gc():  # parsing and building make many containers, none in a cycle
        text = held.pop()
        if isinstance(text, bytes) and text.startswith(b"\xef\xbb\xbf"):
            text = _decode(text)  # drops the byte order mark
        # UTF-8 bytes are read as they are (msgspec checks the encoding); text is made from
        # them only if the strict reading or the line finder needs it.
        quick = quick_parse(
            text,
            parse_float=_parse_float,
            parse_constant=_NOT_JSON_NUMBERS.__getitem__,
            rows=COLLECTIONS,
        )
        keys = None
        if quick is not None:
            document, keys = quick
        else:
            text = _text(text)
            try:
                document = _parse(text)
            except JsonProblem as error:
                raise _problem(error, text) from None
        parsed = [document]
        source = [text]  # the one reference to the text from here on
        del document, quick, text  # build consumes the document: hold no other reference

        def reparse() -> Any:
            strict = _text(source[0])
            try:
                return _parse(strict)
            except JsonProblem as error:  # a repeated key, which the quick reading cannot see
                raise _problem(error, strict) from None

        try:
            return build(
                parsed.pop(),
                reparse=reparse,
                keys=keys,
                built=None if again is None else source.clear,
            )
        except InvalidLedger as error:
            # Only now, on the error path, find the line each problem's value starts on.
            found = source[0] if source else again() if again is not None else None
            if found is None:
                raise
            whole = _text(found)
            if "\n" not in whole:
                raise
            from claimtrack._locate import with_lines

            raise type(error)(with_lines(whole, error.problems), headline=error.headline) from None
