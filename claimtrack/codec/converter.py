"""The converter: one private cattrs converter definition, with strict hooks for every type a
ledger holds.

Input is checked strictly: no silent ``5`` -> ``"5"``, no string taken as a list of letters, no
unknown keys, and enum errors list the allowed values. The definition is built twice: without
detailed validation for the fast path every valid load takes (:data:`FAST`, generated hooks from
:mod:`claimtrack.codec.gen` in a :class:`~claimtrack.codec.hooks.Hooks` table, so that a valid
load or save never imports cattrs), and with it (:data:`DETAILED`, a cattrs converter, built on
first use) to explain a failure with every problem's path.
"""

from __future__ import annotations

import enum
import functools
import threading
import typing
from collections.abc import Callable
from typing import Any

from claimtrack import _registry as registry
from claimtrack.codec.gen.prebuilt import Prebuilt
from claimtrack.codec.gen.structure import Compiling, Ids, make_structure
from claimtrack.codec.hooks import Hooks
from claimtrack.codec.shapes import is_homogeneous_tuple, is_model, optional_inner
from claimtrack.dates import PartialDate
from claimtrack.errors import _Invalid as Invalid
from claimtrack.lifecycle import ClaimStatus, CommitmentStatus, Policy, Stance
from claimtrack.model import (
    ActorKind,
    AgreementKind,
    ClaimKind,
    ClaimRelationKind,
    CommitmentRelationKind,
    Credibility,
    EventKind,
    Reliability,
    SourceKind,
)

__all__ = [
    "DETAILED",
    "FAST",
    "FAST_IDS",
    "FAST_TALLY",
    "SHARED",
    "Invalid",
    "build",
    "describe",
    "shared_ids",
    "unstructure_date",
]

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
    Policy: "policy",
}


def describe(value: object) -> str:
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
        raise Invalid(f"expected a string, got {describe(value)}")
    return value


def _structure_number(value: object, _: type) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise Invalid(f"expected a number, got {describe(value)}")
    return value


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(f"expected a whole number, got {describe(value)}")
    return value


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise Invalid(f"expected true or false, got {describe(value)}")
    return value


def _structure_date(value: object, _: type) -> PartialDate:
    if isinstance(value, str):
        return _parse_date(value, None)
    if isinstance(value, dict):
        unknown = sorted(set(value) - {"edtf", "inferred"})
        if unknown:
            raise Invalid(f"unknown key {unknown[0]!r} in a date; expected 'edtf' and 'inferred'")
        text, reason = value.get("edtf"), value.get("inferred")
        if not isinstance(text, str):
            raise Invalid(f"a date object needs 'edtf' as a string, got {describe(text)}")
        if not isinstance(reason, str) or not reason.strip():
            raise Invalid("an inferred date needs 'inferred': the reason, as a non-empty string")
        return _parse_date(text, reason)
    raise Invalid(
        f"expected a date such as '2017-11-07' or {{'edtf': '2018-06', 'inferred': 'why'}},"
        f" got {describe(value)}"
    )


@functools.lru_cache(maxsize=1 << 16)
def _parse_date(text: str, reason: str | None) -> PartialDate:
    """A PartialDate from EDTF text; cached, since ledgers repeat the same dates many times."""
    try:
        return PartialDate.parse(text, inferred=reason)
    except ValueError as error:
        message = str(error)
        if message.startswith(repr(text)):
            raise Invalid(message) from None
        raise Invalid(f"{text!r} is not a date: {message}") from None


@functools.lru_cache(maxsize=1 << 16)
def _parse_date_text(text: str) -> PartialDate:
    """``_parse_date(text, None)``, the fast path's reading of a date given as a string."""
    return _parse_date(text, None)


def unstructure_date(value: PartialDate) -> str | dict[str, str]:
    """A date's JSON form: its EDTF text, or ``{edtf, inferred}`` when it is inferred."""
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
        return _refuse(f"expected {article} {noun}, got {describe(value)}")

    def _refuse(head: str) -> enum.Enum:
        raise Invalid(f"{head}; expected one of {valid}")

    return structure


def _make_tuple_hook(
    converter: Any, tuple_type: Any, *, detailed: bool
) -> Callable[[object, type], tuple[Any, ...]]:
    element = typing.get_args(tuple_type)[0]

    def structure_fast(value: object, _: type) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise Invalid(f"expected a list, got {describe(value)}")
        hook = converter.get_structure_hook(element)
        return tuple([hook(raw, element) for raw in value])

    if not detailed:
        return structure_fast

    from cattrs.errors import IterableValidationError, IterableValidationNote

    def structure(value: object, _: type) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise Invalid(f"expected a list, got {describe(value)}")
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


def _make_optional_hook(converter: Any, optional: Any) -> Callable[[object, type], object]:
    """``X | None`` with X's hook looked up once, not on every value as cattrs' default does."""
    inner = optional_inner(optional)
    hook = converter.get_structure_hook(inner)

    def structure(value: object, _: type) -> object:
        return None if value is None else hook(value, inner)

    return structure


def _make_object_hook(converter: Any, record_type: Any) -> Callable[[object, type], Any]:
    """cattrs' own detailed hook for a model, after checking that the value is an object at
    all (cattrs would otherwise fail inside, with a message about ``keys``)."""
    from cattrs.gen import make_dict_structure_fn

    structure = make_dict_structure_fn(
        record_type,
        converter,
        _cattrs_forbid_extra_keys=True,
        _cattrs_detailed_validation=True,
    )

    def checked(value: object, kind: type) -> Any:
        if not isinstance(value, dict):
            raise Invalid(f"expected an object, got {describe(value)}")
        return structure(value, kind)

    return checked


def _make_unstructure_hook(converter: Any, record_type: Any) -> Callable[[Any], Any]:
    """The generated save hook of a model (``gen.unstructure``, imported by the first save)."""
    from claimtrack.codec.gen.unstructure import make_unstructure

    return make_unstructure(converter, record_type, leaf_hooks={PartialDate: unstructure_date})


def _counting_date_hook(tally: list[int]) -> Callable[[object, type], PartialDate]:
    """``_structure_date``, adding the keys of a date object to ``tally[0]``."""

    def structure(value: object, kind: type) -> PartialDate:
        if type(value) is str:
            return _parse_date(value, None)
        if type(value) is dict:
            tally[0] += len(value)
        return _structure_date(value, kind)

    return structure


#: The collections whose ids the fast hooks remember (``shared_ids``), in file order: each is
#: referred to by a collection after it in the file, so is built first (``documents``).
SHARED: tuple[str, ...] = tuple(
    collection.name
    for position, collection in enumerate(registry.COLLECTIONS)
    if any(
        r.target == collection.name
        for c in registry.COLLECTIONS[position + 1 :]
        for r in c.references
    )
)


def shared_ids(known: dict[str, str]) -> Ids:
    """Which ids the fast hooks remember in ``known`` and which references take them: the ids
    of the :data:`SHARED` collections, which are built first, and the references to them, so
    that a reference holds the id string of the record it names."""
    order = registry.COLLECTIONS
    targets = set(SHARED)
    references = {
        c.record_type: frozenset(r.field for r in c.references if r.target in targets)
        for c in order
    }
    return Ids(
        known=known,
        remembered={c.record_type: c.id_field for c in order if c.name in targets},
        references={kind: fields for kind, fields in references.items() if fields},
    )


def build(
    *,
    detailed: bool,
    tally: list[int] | None = None,
    ids: Ids | None = None,
    source: Compiling | None = None,
) -> Any:
    """The converter: strict hooks for every type a ledger holds.

    Built twice from this one definition: without detailed validation for the fast path that
    every valid load takes, and with it to explain a failure with every problem's path. With
    ``tally`` (fast path only), the keys of every object structured are counted in ``tally[0]``;
    with ``ids`` (fast path only), equal ids are held once (``gen.structure.Ids``). ``source``
    (fast path only) gives the generated hooks' field types and functions (``gen.prebuilt``);
    by default they are compiled at run time.
    """
    converter: Any = Hooks()
    if detailed:
        from cattrs.preconf.json import make_converter

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
    date_hook = _structure_date if tally is None else _counting_date_hook(tally)
    converter.register_structure_hook(PartialDate, date_hook)
    converter.register_unstructure_hook(PartialDate, unstructure_date)
    converter.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _make_enum_hook
    )
    converter.register_structure_hook_factory(
        is_homogeneous_tuple, lambda t: _make_tuple_hook(converter, t, detailed=detailed)
    )
    converter.register_structure_hook_factory(
        lambda t: optional_inner(t) is not None, lambda t: _make_optional_hook(converter, t)
    )
    converter.register_unstructure_hook_factory(
        is_model, lambda t: _make_unstructure_hook(converter, t)
    )
    if detailed:
        converter.register_structure_hook_factory(
            is_model, lambda t: _make_object_hook(converter, t)
        )
    else:
        leaves: dict[Any, Any] = {
            PartialDate: date_hook,
            float: _structure_number,
            int: _structure_int,
            bool: _structure_bool,
        }
        converter.register_structure_hook_factory(
            is_model,
            lambda t: make_structure(
                converter,
                t,
                leaf_hooks=leaves,
                string_leaves={PartialDate: _parse_date_text},
                tally=tally,
                ids=ids,
                source=source or Compiling(),
            ),
        )
    return converter


#: The converter that explains: detailed validation, every problem with its path (a cattrs
#: converter, built on first use: see ``__getattr__``).
DETAILED: Any
#: How many keys the objects :data:`FAST` structured held (``documents`` reads and resets it).
FAST_TALLY: list[int] = [0]
#: The ids :data:`FAST` has remembered while structuring (``documents`` empties it after).
FAST_IDS: dict[str, str] = {}
#: The converter every valid load takes (generated hooks, refusing on the first problem, written
#: ahead of time: ``gen.prebuilt``), and every save (the same generated unstructure hooks as
#: :data:`DETAILED`'s).
FAST = build(detailed=False, tally=FAST_TALLY, ids=shared_ids(FAST_IDS), source=Prebuilt())


_DETAILED_LOCK = threading.Lock()


def __getattr__(name: str) -> Any:
    """:data:`DETAILED`, built (and cattrs imported) when first asked for."""
    if name != "DETAILED":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    with _DETAILED_LOCK:
        detailed = globals().get("DETAILED")
        if detailed is None:
            detailed = globals()["DETAILED"] = build(detailed=True)
    return detailed
