"""The one path between JSON and models: a private cattrs converter, load/save/loads/dumps.

Input is checked strictly (no silent ``5`` -> ``"5"``, no string taken as a list of letters, no
unknown keys) and every problem is reported at once with its JSON path. Output is deterministic:
the same ledger always gives the same bytes (field order for keys, collections sorted by id,
defaults omitted), so ledgers diff well in git.
"""

from __future__ import annotations

import enum
import functools
import gc
import json
import math
import os
import types
import typing
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import attrs
from cattrs.errors import (
    BaseValidationError,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn
from cattrs.preconf.json import make_converter

from claimtrack._fastpath import make_structure
from claimtrack._locate import with_lines
from claimtrack.dates import PartialDate
from claimtrack.errors import InvalidLedger, LedgerFileError, MalformedLedger, Problem, _closest
from claimtrack.files import write_atomically
from claimtrack.ledger import COLLECTIONS, Ledger
from claimtrack.lifecycle import ClaimStatus, CommitmentStatus, Stance
from claimtrack.model import (
    Actor,
    ActorKind,
    Agreement,
    AgreementKind,
    Claim,
    ClaimKind,
    ClaimRelationKind,
    Commitment,
    CommitmentRelationKind,
    Credibility,
    Event,
    EventKind,
    Evidence,
    Reliability,
    Source,
    SourceKind,
    StatusChange,
)

__all__ = ["FORMAT_VERSION", "dumps", "load", "loads", "save"]

#: The version of the file format this claimtrack reads and writes.
FORMAT_VERSION = 1

T = TypeVar("T")

_RECORD_TYPES: dict[str, Any] = {
    "sources": Source,
    "actors": Actor,
    "events": Event,
    "agreements": Agreement,
    "commitments": Commitment,
    "claims": Claim,
    "evidence": Evidence,
}

_TUPLE_TYPES: dict[str, Any] = {
    name: tuple[kind, ...]  # type: ignore[valid-type]
    for name, kind in _RECORD_TYPES.items()
}

#: How enum values are named in error messages.
_ENUM_NOUNS: dict[type, str] = {
    CommitmentStatus: "status",
    ClaimStatus: "claim status",
    Stance: "stance",
    SourceKind: "source kind",
    Reliability: "reliability grade",
    Credibility: "credibility grade",
    ActorKind: "actor kind",
    EventKind: "event kind",
    AgreementKind: "agreement kind",
    ClaimKind: "claim kind",
    CommitmentRelationKind: "commitment relation",
    ClaimRelationKind: "claim relation",
}


class _Invalid(ValueError):
    """A value the converter refuses; its message is the whole explanation."""


def _describe(value: object) -> str:
    """A JSON-minded name for a value's type, for error messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return f"a number ({value!r})"
    if isinstance(value, str):
        return f"a string ({value!r})" if len(value) <= 40 else "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _structure_str(value: object, _: type) -> str:
    if type(value) is not str:
        raise _Invalid(f"expected a string, got {_describe(value)}")
    return value


def _structure_number(value: object, _: type) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _Invalid(f"expected a number, got {_describe(value)}")
    return value


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Invalid(f"expected a whole number, got {_describe(value)}")
    return value


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise _Invalid(f"expected true or false, got {_describe(value)}")
    return value


def _structure_date(value: object, _: type) -> PartialDate:
    if isinstance(value, str):
        return _parse_date(value, None)
    if isinstance(value, dict):
        unknown = sorted(set(value) - {"edtf", "inferred"})
        if unknown:
            raise _Invalid(f"unknown key {unknown[0]!r} in a date; expected 'edtf' and 'inferred'")
        text, reason = value.get("edtf"), value.get("inferred")
        if not isinstance(text, str):
            raise _Invalid(f"a date object needs 'edtf' as a string, got {_describe(text)}")
        if not isinstance(reason, str) or not reason.strip():
            raise _Invalid("an inferred date needs 'inferred': the reason, as a non-empty string")
        return _parse_date(text, reason)
    raise _Invalid(
        f"expected a date such as '2017-11-07' or {{'edtf': '2018-06', 'inferred': 'why'}},"
        f" got {_describe(value)}"
    )


@functools.lru_cache(maxsize=1 << 16)
def _parse_date(text: str, reason: str | None) -> PartialDate:
    """A PartialDate from EDTF text; cached, since ledgers repeat the same dates many times."""
    try:
        return PartialDate.parse(text, inferred=reason)
    except ValueError as error:
        message = str(error)
        if message.startswith(repr(text)):
            raise _Invalid(message) from None
        raise _Invalid(f"{text!r} is not a date: {message}") from None


def _unstructure_date(value: PartialDate) -> str | dict[str, str]:
    if value.inferred is None:
        return value.edtf
    return {"edtf": value.edtf, "inferred": value.inferred}


def _make_enum_hook(enum_type: type[enum.Enum]) -> Callable[[object, type], enum.Enum]:
    noun = _ENUM_NOUNS.get(enum_type, enum_type.__name__)
    article = "an" if noun[0] in "aeiou" else "a"
    by_value = {member.value: member for member in enum_type}
    valid = ", ".join(str(member.value) for member in enum_type)

    def structure(value: object, _: type) -> enum.Enum:
        if isinstance(value, str | int) and not isinstance(value, bool):
            member = by_value.get(value)
            if member is not None:
                return member
            return _refuse(f"{value!r} is not {article} {noun}")
        return _refuse(f"expected {article} {noun}, got {_describe(value)}")

    def _refuse(head: str) -> enum.Enum:
        raise _Invalid(f"{head}; expected one of {valid}")

    return structure


def _make_tuple_hook(
    converter: Any, tuple_type: Any, *, detailed: bool
) -> Callable[[object, type], tuple[Any, ...]]:
    element = typing.get_args(tuple_type)[0]

    def structure_fast(value: object, _: type) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise _Invalid(f"expected a list, got {_describe(value)}")
        hook = converter.get_structure_hook(element)
        return tuple([hook(raw, element) for raw in value])

    if not detailed:
        return structure_fast

    def structure(value: object, _: type) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise _Invalid(f"expected a list, got {_describe(value)}")
        hook = converter.get_structure_hook(element)
        items: list[Any] = []
        errors: list[Exception] = []
        for index, raw in enumerate(value):
            try:
                items.append(hook(raw, element))
            except Exception as error:
                note = IterableValidationNote(f"@ index {index}", index, element)
                error.__notes__ = [*getattr(error, "__notes__", []), note]
                errors.append(error)
        if errors:
            raise IterableValidationError("invalid list items", errors, tuple_type)
        return tuple(items)

    return structure


def _optional_inner(candidate: Any) -> Any:
    """``X`` for ``X | None`` (one type and None), else ``None``."""
    args = typing.get_args(candidate)
    if len(args) == 2 and type(None) in args and typing.get_origin(candidate) in _UNIONS:
        return args[0] if args[1] is type(None) else args[1]
    return None


_UNIONS = (typing.Union, types.UnionType)


def _make_optional_hook(converter: Any, optional: Any) -> Callable[[object, type], object]:
    """``X | None`` with X's hook looked up once, not on every value as cattrs' default does."""
    inner = _optional_inner(optional)
    hook = converter.get_structure_hook(inner)

    def structure(value: object, _: type) -> object:
        return None if value is None else hook(value, inner)

    return structure


def _is_homogeneous_tuple(candidate: Any) -> bool:
    args = typing.get_args(candidate)
    return typing.get_origin(candidate) is tuple and len(args) == 2 and args[1] is Ellipsis


def _make_record_unstructure(converter: Any, record_type: type) -> Callable[[Any], dict[str, Any]]:
    """Unstructure a model in field order, leaving out fields at their default.

    Generated as straight-line code per class (as cattrs generates its own hooks): saving a
    large ledger unstructures hundreds of thousands of records.
    """
    origin = typing.get_origin(record_type) or record_type
    hints = typing.get_type_hints(origin)
    namespace: dict[str, Any] = {}
    lines = ["def unstructure(record):", "    document = {}"]
    for position, attribute in enumerate(attrs.fields(origin)):
        value = f"record.{attribute.name}"
        expression = _value_expression(
            converter, hints[attribute.name], "value", namespace, position
        )
        default = attribute.default
        if default is attrs.NOTHING:
            lines.append(f"    value = {value}")
            lines.append(f"    document[{attribute.name!r}] = {expression}")
            continue
        lines.append(f"    value = {value}")
        if default is None:
            lines.append("    if value is not None:")
        elif default == ():
            lines.append("    if value:")
        else:
            namespace[f"default_{position}"] = default
            lines.append(f"    if value != default_{position}:")
        lines.append(f"        document[{attribute.name!r}] = {expression}")
    lines.append("    return document")
    source = compile("\n".join(lines), f"<claimtrack unstructure {origin.__name__}>", "exec")
    exec(source, namespace)  # noqa: S102 - code built above from the class's own field names
    unstructure: Callable[[Any], dict[str, Any]] = namespace["unstructure"]
    return unstructure


def _value_expression(
    converter: Any, hint: Any, name: str, namespace: dict[str, Any], position: int
) -> str:
    """A Python expression giving the JSON form of ``name``, a value of type ``hint``."""
    inner = _optional_inner(hint)
    if inner is not None:
        hint = inner  # None values are left out before this expression runs
    if isinstance(hint, TypeVar) or (isinstance(hint, type) and issubclass(hint, enum.Enum)):
        return f"{name}._value_"  # the attribute itself: Enum.value is a slower descriptor
    if hint in (str, int, float, bool):
        return name
    if hint is PartialDate:
        namespace["unstructure_date"] = _unstructure_date
        return f"unstructure_date({name})"
    if _is_homogeneous_tuple(hint):
        element = typing.get_args(hint)[0]
        if element in (str, int, float, bool):
            return f"list({name})"
        namespace[f"hook_{position}"] = converter.get_unstructure_hook(element)
        return f"[hook_{position}(item) for item in {name}]"
    namespace[f"hook_{position}"] = converter.get_unstructure_hook(hint)
    return f"hook_{position}({name})"


def _is_model(candidate: Any) -> bool:
    return attrs.has(candidate) and candidate is not PartialDate


def _make_object_hook(converter: Any, record_type: Any) -> Callable[[object, type], Any]:
    """cattrs' own detailed hook for a model, after checking that the value is an object at
    all (cattrs would otherwise fail inside, with a message about ``keys``)."""
    structure = make_dict_structure_fn(
        record_type,
        converter,
        _cattrs_forbid_extra_keys=True,
        _cattrs_detailed_validation=True,
    )

    def checked(value: object, kind: type) -> Any:
        if not isinstance(value, dict):
            raise _Invalid(f"expected an object, got {_describe(value)}")
        return structure(value, kind)

    return checked


def _build_converter(*, detailed: bool) -> Any:
    """The converter: strict hooks for every type a ledger holds.

    Built twice from this one definition: without detailed validation for the fast path that
    every valid load takes, and with it to explain a failure with every problem's path.
    """
    converter = make_converter(
        forbid_extra_keys=True, omit_if_default=True, detailed_validation=detailed
    )
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(float, _structure_number)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    # Registered by class so that they win over the int and str hooks for IntEnum and StrEnum.
    for enum_type in _ENUM_NOUNS:
        converter.register_structure_hook(enum_type, _make_enum_hook(enum_type))
    converter.register_structure_hook(PartialDate, _structure_date)
    converter.register_unstructure_hook(PartialDate, _unstructure_date)
    converter.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _make_enum_hook
    )
    converter.register_structure_hook_factory(
        _is_homogeneous_tuple, lambda t: _make_tuple_hook(converter, t, detailed=detailed)
    )
    converter.register_structure_hook_factory(
        lambda t: _optional_inner(t) is not None, lambda t: _make_optional_hook(converter, t)
    )
    converter.register_unstructure_hook_factory(
        _is_model, lambda t: _make_record_unstructure(converter, t)
    )
    if detailed:
        converter.register_structure_hook_factory(
            _is_model, lambda t: _make_object_hook(converter, t)
        )
    else:
        leaves: dict[Any, Any] = {
            PartialDate: _structure_date,
            float: _structure_number,
            int: _structure_int,
            bool: _structure_bool,
        }
        converter.register_structure_hook_factory(
            _is_model,
            lambda t: make_structure(
                converter,
                t,
                leaf_hooks=leaves,
                optional_inner=_optional_inner,
                is_homogeneous_tuple=_is_homogeneous_tuple,
            ),
        )
    return converter


_CONVERTER = _build_converter(detailed=True)
_FAST_CONVERTER = _build_converter(detailed=False)


@contextmanager
def _without_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many acyclic objects.

    Records hold no reference cycles, yet every allocation of a large ledger would trigger
    collections that scan everything built so far; pausing them cuts load time sharply.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# -- errors -------------------------------------------------------------------------------------


def _problems(error: BaseException, path: str) -> list[Problem]:
    """Flatten a cattrs validation error tree into path-addressed problems."""
    if isinstance(error, IterableValidationError):
        with_notes, without = error.group_exceptions()
        found = [p for sub, note in with_notes for p in _problems(sub, f"{path}[{note.index}]")]
        return found + [p for sub in without for p in _problems(sub, path)]
    if isinstance(error, ClassValidationError):
        with_notes_c, without_c = error.group_exceptions()
        found = [p for sub, note in with_notes_c for p in _leaf(sub, f"{path}.{note.name}")]
        return found + [p for sub in without_c for p in _problems(sub, path)]
    return _leaf(error, path)


def _leaf(error: BaseException, path: str) -> list[Problem]:
    if isinstance(error, BaseValidationError):
        return _problems(error, path)
    if isinstance(error, ForbiddenExtraKeysError):
        expected = [a.name for a in attrs.fields(error.cl)]
        return [
            Problem(f"{path}.{key}", _unknown_key(key, expected))
            for key in sorted(error.extra_fields)
        ]
    if isinstance(error, KeyError):
        return [Problem(path, "required key missing")]
    if isinstance(error, _Invalid):
        return [Problem(path, str(error))]
    if isinstance(error, AttributeError | TypeError) and "items" in str(error):
        return [Problem(path, "expected an object")]
    return [Problem(path, f"invalid value ({error})")]


def _unknown_key(key: str, expected: list[str]) -> str:
    close = _closest(key, expected)
    if close:
        return f"unknown key {key!r}; did you mean {close!r}?"
    return f"unknown key {key!r}; expected one of {', '.join(expected)}"


# -- documents ----------------------------------------------------------------------------------


def from_document(document: object) -> Ledger:
    """Build a validated ledger from parsed JSON, reporting every problem with its path."""
    return _build(document, reparse=None)


def _build(document: object, *, reparse: Callable[[], Any] | None) -> Ledger:
    """``from_document``; with ``reparse``, the document is the caller's own to consume.

    Then each parsed collection is dropped as soon as its records are built, so the parsed
    dicts and the records are never all alive at once (the peak memory of a load). Should the
    fast path fail, ``reparse`` gives the whole document back for the detailed one.
    """
    if not isinstance(document, dict):
        raise MalformedLedger(
            [Problem("$", f"expected a ledger object, got {_describe(document)}")]
        )
    problems: list[Problem] = []
    version = document.get("format_version")
    if version is None:
        problems.append(
            Problem("$.format_version", f"required key missing; expected {FORMAT_VERSION}")
        )
    elif isinstance(version, bool) or not isinstance(version, int):
        problems.append(
            Problem("$.format_version", f"expected {FORMAT_VERSION}, got {_describe(version)}")
        )
    elif version != FORMAT_VERSION:
        newer = " (newer than this claimtrack reads; upgrade claimtrack)"
        problems.append(
            Problem(
                "$.format_version",
                f"unsupported format version {version}{newer if version > FORMAT_VERSION else ''}"
                f"; expected {FORMAT_VERSION}",
            )
        )
    expected_keys = ["format_version", *COLLECTIONS]
    problems.extend(
        Problem(f"$.{key}", _unknown_key(key, expected_keys))
        for key in document
        if key not in expected_keys
    )
    with _without_gc():
        collections = None if problems else _structure_fast(document, consume=reparse is not None)
        if collections is None:
            if reparse is not None and not problems:
                document = typing.cast(dict[str, Any], reparse())  # it may be part-consumed
            collections = _structure_detailed(document, problems)
        if problems:
            raise MalformedLedger(problems)
        return Ledger(**collections)


def _structure_fast(
    document: dict[str, Any], *, consume: bool = False
) -> dict[str, tuple[Any, ...]] | None:
    """Every collection structured without detailed validation, or ``None`` on any failure.

    With ``consume``, each collection is removed from ``document`` once built, largest first.
    """
    try:
        if not consume:
            return {
                name: _FAST_CONVERTER.structure(document.get(name, []), _TUPLE_TYPES[name])
                for name in COLLECTIONS
            }
        built: dict[str, tuple[Any, ...]] = {}
        for name in sorted(COLLECTIONS, key=lambda n: -len(document.get(n) or ())):
            built[name] = _FAST_CONVERTER.structure(document.pop(name, []), _TUPLE_TYPES[name])
        return {name: built[name] for name in COLLECTIONS}
    except Exception:  # the detailed re-run explains it
        return None


def _structure_detailed(
    document: dict[str, Any], problems: list[Problem]
) -> dict[str, tuple[Any, ...]]:
    """Every collection structured with detailed validation, adding each failure's problems."""
    collections: dict[str, tuple[Any, ...]] = {}
    for name in COLLECTIONS:
        try:
            collections[name] = _CONVERTER.structure(document.get(name, []), _TUPLE_TYPES[name])
        except Exception as error:  # every failure becomes a Problem with its path
            problems.extend(_problems(error, f"$.{name}"))
    return collections


def to_document(ledger: Ledger) -> dict[str, Any]:
    """The JSON-ready form of a ledger: format version first, then each collection by id."""
    document: dict[str, Any] = {"format_version": FORMAT_VERSION}
    for name in COLLECTIONS:
        hook = _CONVERTER.get_unstructure_hook(_RECORD_TYPES[name])
        document[name] = [hook(record) for record in ledger.records(name)]
    return document


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


def loads(text: str | bytes) -> Ledger:
    """A validated ledger from JSON text; raises ``InvalidLedger`` listing every problem."""
    if isinstance(text, bytes):
        try:
            # A UTF-8 byte order mark is an encoding signature, not content (json.loads on
            # bytes accepts it too); decoded first, so byte offsets in errors stay the file's.
            text = text.decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError as error:
            data = error.object
            line = data.count(b"\n", 0, error.start) + 1 if b"\n" in data else None
            raise MalformedLedger(
                [Problem("$", f"not UTF-8 text (byte {error.start}: {error.reason})", line)]
            ) from None
    try:
        document = json.loads(
            text,
            parse_float=_parse_float,
            parse_int=_parse_int,
            parse_constant=_NOT_JSON_NUMBERS.__getitem__,
        )
    except json.JSONDecodeError as error:
        # Some messages end in "at" ("Unterminated string starting at"): the position follows.
        reason = error.msg.removesuffix(" at")
        hint = ""
        if reason == "Invalid control character":
            hint = "; a string cannot hold a raw line break or tab: write \\n or \\t"
        raise MalformedLedger(
            [
                Problem(
                    "$",
                    f"not valid JSON: {reason} at line {error.lineno} column {error.colno}{hint}",
                    error.lineno if "\n" in text else None,
                )
            ]
        ) from None
    except RecursionError:
        raise MalformedLedger([Problem("$", "not valid JSON: nested too deeply")]) from None
    parsed = [document]
    del document  # _build consumes it: hold no other reference

    def reparse() -> Any:
        return json.loads(
            text,
            parse_float=_parse_float,
            parse_int=_parse_int,
            parse_constant=_NOT_JSON_NUMBERS.__getitem__,
        )

    try:
        return _build(parsed.pop(), reparse=reparse)
    except InvalidLedger as error:
        # Only now, on the error path, find the line each problem's value starts on.
        if "\n" not in text:
            raise
        raise type(error)(with_lines(text, error.problems), headline=error.headline) from None


def dumps(ledger: Ledger) -> str:
    """The ledger as JSON text; the same ledger always gives the same text."""
    fast = _fast_encoding(ledger)
    if fast is not None:
        return fast.decode("utf-8")
    return json.dumps(to_document(ledger), ensure_ascii=False, indent=2) + "\n"


def _encode(ledger: Ledger) -> bytes:
    """The ledger as UTF-8 JSON, exactly as ``dumps`` gives it."""
    fast = _fast_encoding(ledger)
    if fast is not None:
        return fast
    # A lone surrogate (read from a "\ud800" escape) cannot be encoded as UTF-8; it can only sit
    # inside a JSON string, where backslashreplace writes it back as the same "\ud800" escape,
    # so whatever loads also saves and loads back equal.
    text = json.dumps(to_document(ledger), ensure_ascii=False, indent=2) + "\n"
    return text.encode("utf-8", errors="backslashreplace")


def _fast_encoding(ledger: Ledger) -> bytes | None:
    """The same bytes from orjson (the ``fast`` extra), or ``None`` when it is not installed or
    could differ: floats (orjson and Python print some differently) or text it refuses."""
    try:
        import orjson
    except ImportError:
        return None
    items: list[Commitment | Claim] = [*ledger.commitments, *ledger.claims]
    for item in items:
        history: Sequence[StatusChange[Any]] = item.history
        measures = [getattr(item, "target", None), *(change.progress for change in history)]
        if any(m is not None and isinstance(m.value, float) for m in measures):
            return None  # Measure.value is the only float field a ledger has
    try:
        encoded: bytes = orjson.dumps(to_document(ledger), option=orjson.OPT_INDENT_2)
    except TypeError:  # orjson.JSONEncodeError: lone surrogates, integers beyond 64 bits
        return None
    return encoded + b"\n"


def load(path: str | os.PathLike[str]) -> Ledger:
    """Read and validate a ledger file."""
    try:
        data = [Path(path).read_bytes()]
    except OSError as error:
        raise LedgerFileError(f"cannot read ledger {os.fspath(path)!r}: {error.strerror}") from None
    return loads(data.pop())  # no reference kept here: loads frees the bytes once decoded


def save(ledger: Ledger, path: str | os.PathLike[str]) -> None:
    """Write a ledger atomically: a reader sees the old file or the new one, never a mix.

    The text goes to a temporary file in the same folder, is flushed and fsynced, then replaces
    the target (a symlink at the target is replaced, never followed). An existing file keeps its
    permissions; no temporary file is left behind.
    """
    write_atomically(path, _encode(ledger))
