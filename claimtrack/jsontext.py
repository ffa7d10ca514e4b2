"""Reading JSON text strictly: the one parser for ledgers and for imported records.

``json.loads`` accepts things a ledger must not: a repeated key silently keeps its last value
(a second ``"commitments": []`` empties a ledger, two ``"id"`` keys rename a record), and a
``"\\ud800"`` escape gives a lone surrogate, a string no UTF-8 file or terminal can hold, which
then crashes every command that prints or exports it. ``parse`` refuses both, naming the JSON
path, and turns the parser's own failures (bad syntax, nesting too deep, a number with more
digits than Python reads) into ``JsonProblem`` rather than ``RecursionError`` or ``ValueError``.

The checks cost almost nothing on valid text: repeated keys are counted as each object is
built, and strings are searched for surrogates only when the text holds a surrogate escape or
character at all (one regular-expression scan); only then is the parsed value walked to find
the path.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from collections.abc import Callable, Collection, Iterator
from typing import Any

from claimtrack.errors import JsonProblem

__all__ = [
    "JsonProblem",
    "Rows",
    "key_bound",
    "lone_surrogate",
    "parse",
    "quick_parse",
    "surrogate_paths",
]

#: Whether ``quick_parse`` reads with msgspec when it is installed (tests switch it off).
USE_MSGSPEC = True

#: The length of text from which ``quick_parse`` imports msgspec to read it (when msgspec is
#: imported already, any text is read with it): importing msgspec costs about as much CPU as
#: ``json.loads`` of a third of a megabyte, more than its speed saves on a smaller file (the
#: bundled 165 KB example: a command line would start about 7 ms later for a 1 ms gain).
MSGSPEC_FROM = 1_000_000


@functools.cache
def _msgspec_decode() -> Callable[[bytes | str], Any] | None:
    """msgspec's JSON decoder (the ``fast`` extra), imported on first use; ``None`` without."""
    decoders = _msgspec_decoders()
    return None if decoders is None else decoders[0]


@functools.cache
def _msgspec_decoders() -> tuple[Callable[[Any], Any], ...] | None:
    """msgspec's decoders of any value, of an object whose values stay text, and of an array
    whose items stay text (``msgspec.Raw``); ``None`` without the ``fast`` extra."""
    try:
        import msgspec
    except ImportError:
        return None
    json = msgspec.json
    return (
        json.Decoder().decode,
        json.Decoder(dict[str, msgspec.Raw]).decode,
        json.Decoder(list[msgspec.Raw]).decode,
    )


class Rows(list[Any]):
    """A JSON array read one item at a time: each item is still its text (a ``msgspec.Raw``,
    which holds no copy of it); ``decode(item)`` gives the value ``quick_parse`` would have.

    A reader that builds something from each item and then drops the item's value never holds
    the values of the whole array at once (see ``quick_parse``'s ``rows``).
    """

    __slots__ = ("decode",)

    def __init__(self, items: list[Any], decode: Callable[[Any], Any]) -> None:
        super().__init__(items)
        self.decode = decode


#: A surrogate escape in JSON text.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


class _Object(dict[str, Any]):
    """An object that had a repeated key: remembered until the path is found."""

    __slots__ = ("repeated",)
    repeated: str


def _object_builder(repeated: list[_Object]) -> Callable[[list[tuple[str, Any]]], dict[str, Any]]:
    """An ``object_pairs_hook`` that marks objects with a repeated key and lists them."""

    def build(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        built = dict(pairs)
        if len(built) == len(pairs):
            return built
        marked = _Object(built)
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                marked.repeated = key
                break
            seen.add(key)
        repeated.append(marked)
        return marked

    return build


def parse(
    text: str,
    *,
    parse_float: Callable[[str], Any] | None = None,
    parse_int: Callable[[str], Any] | None = None,
    parse_constant: Callable[[str], Any] | None = None,
) -> Any:
    """The value in ``text``; raises ``JsonProblem`` for anything a ledger must not hold.

    The number hooks are ``json.loads``'s; without ``parse_int``, an integer with more digits
    than Python reads is refused, and without ``parse_constant``, ``NaN`` and ``Infinity`` are.
    """
    repeated: list[_Object] = []
    try:
        value = json.loads(
            text,
            object_pairs_hook=_object_builder(repeated),
            parse_float=parse_float,
            parse_int=parse_int or _int,
            parse_constant=parse_constant or _no_constant,
        )
    except json.JSONDecodeError as error:
        # Some messages end in "at" ("Unterminated string starting at"): the position follows.
        reason = error.msg.removesuffix(" at")
        hint = ""
        if reason == "Invalid control character":
            hint = "; a string cannot hold a raw line break or tab: write \\n or \\t"
        raise JsonProblem(
            "$",
            f"not valid JSON: {reason} at line {error.lineno} column {error.colno}{hint}",
            error.lineno if "\n" in text else None,
        ) from None
    except RecursionError:
        raise JsonProblem("$", "not valid JSON: nested too deeply") from None
    except _Unreadable as error:
        raise JsonProblem("$", str(error)) from None
    if repeated:
        first = repeated[0]
        for path, node in _walk(value):
            if node is first:
                raise JsonProblem(
                    f"{path}.{_key(first.repeated)}",
                    "this key appears more than once in its object (only one value can stand)",
                )
    if _may_hold_surrogates(text):
        for path in surrogate_paths(value):
            raise JsonProblem(path, lone_surrogate())
    return value


def quick_parse(
    text: str | bytes,
    *,
    parse_float: Callable[[str], Any],
    parse_constant: Callable[[str], Any],
    rows: Collection[str] = (),
) -> tuple[Any, int] | None:
    """``parse``'s value for ``text`` (str, or UTF-8 bytes) and ``key_bound(text)``, read
    without the costly repeated-key count, or ``None`` whenever only ``parse`` can tell (it
    then explains what is wrong). Floats and constants are read by the readers given, as
    ``parse`` reads them; integers by ``int`` itself (``parse``'s ``parse_int`` must read
    every integer ``int`` reads as ``int`` does), and one ``int`` cannot read gives ``None``.

    The caller must count the keys of every object in the value and take it only if the count
    equals the bound: the text then has no repeated key (see ``key_bound``), and everything
    else ``parse`` refuses is refused here too. With the ``fast`` extra the text is read by
    msgspec, which refuses invalid UTF-8, lone surrogates, NaN, Infinity, floats beyond the
    double range and integers past Python's digit limit itself; anything it refuses goes to
    ``parse``, so numbers stay ``parse``'s.

    With msgspec, when ``text`` holds an object, each of its arrays under a key named in
    ``rows`` is given as ``Rows``, its items not yet decoded: the caller must decode every item
    (``Rows.decode``), and take the reading only if each decodes, since an item's text is
    checked only then; the keys it counts include the items' keys. Without msgspec, or for
    other text, every value is decoded at once.
    """
    bound = key_bound(text)
    decoders = _msgspec_decoders() if USE_MSGSPEC and _msgspec_pays(text) else None
    try:
        if decoders is not None:
            decode, decode_object, decode_array = decoders
            if rows and text[:1] in ("{", b"{"):
                return _lazy(decode_object(text), rows, decode, decode_array), bound
            return decode(text), bound
        if isinstance(text, bytes):
            text = text.decode("utf-8")  # refuses an encoded surrogate: only escapes remain
            if _has_surrogate_escape(text):
                return None
        elif _may_hold_surrogates(text):
            return None
        # Integers as int() reads them (what parse's readers do); one it cannot read raises.
        value = json.loads(text, parse_float=parse_float, parse_constant=parse_constant)
    except Exception:  # any failure at all: parse reads it again and explains
        return None
    return value, bound


def _msgspec_pays(text: str | bytes) -> bool:
    """Whether reading ``text`` with msgspec is worth importing it (or it is imported)."""
    return len(text) >= MSGSPEC_FROM or sys.modules.get("msgspec") is not None


def _lazy(
    document: dict[str, Any],
    rows: Collection[str],
    decode: Callable[[Any], Any],
    decode_array: Callable[[Any], list[Any]],
) -> dict[str, Any]:
    """An object read with its values as text: those under ``rows`` keys that are arrays
    become ``Rows``, every other value is decoded (raises whatever the decoder raises)."""
    for key, value in document.items():
        if key in rows and bytes(memoryview(value)[:1]) == b"[":
            document[key] = Rows(decode_array(value), decode)
        else:
            document[key] = decode(value)
    return document


def key_bound(text: str | bytes) -> int:
    """At least as many as the keys in JSON ``text``; as many, unless strings hold ``":``.

    Every key is a string followed by ``:``, with perhaps whitespace between; with all
    whitespace taken out, each key ends in its own ``":``, so counting those (strings may hold
    some too) bounds the keys. A parsed value whose objects hold as many keys as this bound
    therefore lost none to repetition, since a repeated key keeps one value.
    """
    data = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
    return data.translate(None, b" \t\n\r").count(b'":')


def _has_surrogate_escape(text: str) -> bool:
    """Whether ``text`` has a surrogate escape (a search for a backslash first, which is far
    quicker than for two characters, and finds none in most ledgers)."""
    return "\\" in text and _SURROGATE_ESCAPE.search(text) is not None


def _may_hold_surrogates(text: str) -> bool:
    """Whether ``text`` has a surrogate escape or character (fast scans, no false negatives)."""
    if _has_surrogate_escape(text):
        return True
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def lone_surrogate() -> str:
    """The message for a string holding a lone surrogate."""
    return (
        "contains a lone surrogate (such as \\ud800), which is not a character and cannot be"
        " written as UTF-8"
    )


def surrogate_paths(value: Any, root: str = "$") -> Iterator[str]:
    """The paths of strings (values or keys) in ``value`` that hold a lone surrogate."""
    for path, node in _walk(value, root):
        if isinstance(node, str) and _SURROGATE.search(node):
            yield path
        elif isinstance(node, dict):
            for key in node:
                if _SURROGATE.search(key):
                    yield f"{path}.{key!a}"


def _walk(value: Any, root: str = "$") -> Iterator[tuple[str, Any]]:
    """Every value inside ``value`` with its JSON path, depth first, without recursion.

    Only called when a problem is known to be there, or to check a parsed document once.
    """
    stack: list[tuple[str, Any]] = [(root, value)]
    while stack:
        path, node = stack.pop()
        yield path, node
        if isinstance(node, dict):
            children = [(f"{path}.{_key(key)}", child) for key, child in node.items()]
        elif isinstance(node, list):
            children = [(f"{path}[{index}]", child) for index, child in enumerate(node)]
        else:
            continue
        stack.extend(reversed(children))


def _key(key: str) -> str:
    return key if key.isidentifier() and key.isascii() else ascii(key)


class _Unreadable(Exception):
    """A number literal ``parse`` refuses (raised from a number hook)."""


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise _Unreadable(
            f"a number with {len(text.lstrip('-')):,} digits, more than can be read"
        ) from None


def _no_constant(text: str) -> Any:
    raise _Unreadable(f"{text} is not a JSON number")
