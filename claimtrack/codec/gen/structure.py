"""Generated structure hooks for the fast path of loading: straight-line code per model class.

Every valid file takes this path. Each hook is at least as strict as the detailed hooks (same
types, same unknown-key rule, no coercion); any exception just sends the document to the
detailed converter, which explains what is wrong with every path. A property test checks that
whatever this path accepts, the detailed path accepts too, with an equal result.
"""

from __future__ import annotations

import enum
import functools
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from claimtrack.codec.gen import compile_function
from claimtrack.codec.shapes import is_homogeneous_tuple, optional_inner
from claimtrack.errors import _Refused

__all__ = ["Compiling", "Ids", "make_structure"]

Hook = Callable[[Any, Any], Any]


def _refuse() -> None:
    raise _Refused


class Compiling:
    """Where a hook's field types and function come from: here, made at run time (the types from
    :func:`typing.get_type_hints`, the function by :func:`~claimtrack.codec.gen.compile_function`).
    :class:`claimtrack.codec.gen.prebuilt.Prebuilt` takes both from the module written ahead of
    time, when it holds exactly this code."""

    def field_types(self, origin: type) -> dict[str, Any]:
        """The type of each of ``origin``'s fields, by field name."""
        return typing.get_type_hints(origin)

    def function(
        self, record_type: Any, lines: list[str], namespace: dict[str, Any], *, what: str
    ) -> Hook:
        """The hook whose code is ``lines``, run in ``namespace``."""
        return compile_function("structure", lines, namespace, what=what)


_COMPILING = Compiling()


def make_structure(
    converter: Any,
    record_type: Any,
    *,
    leaf_hooks: dict[Any, Hook],
    string_leaves: dict[Any, Callable[[str], Any]] | None = None,
    tally: list[int] | None = None,
    ids: Ids | None = None,
    source: Compiling = _COMPILING,
) -> Hook:
    """A structure hook for one attrs model class (or a parametrised generic one).

    ``leaf_hooks`` structure the non-model leaf types (dates, numbers) exactly as the detailed
    converter does; ``string_leaves`` read a leaf type given as a string as its leaf hook would,
    called directly (the leaf hook still takes anything else). With ``tally``, each object's
    number of keys is added to ``tally[0]`` (how a reader shows that no key was repeated in the
    text; see ``jsontext.key_bound``). With ``ids``, equal id strings are held once (``Ids``).
    ``source`` gives the field types and makes the function from the code generated here
    (compiled at run time by default; ``gen.prebuilt`` takes it from a module written ahead).
    """
    origin = typing.get_origin(record_type) or record_type
    hints = source.field_types(origin)
    bound = dict(
        zip(getattr(origin, "__parameters__", ()), typing.get_args(record_type), strict=False)
    )
    fields = [a for a in attrs.fields(origin) if a.init]
    namespace: dict[str, Any] = {
        "cls": origin,
        "allowed": frozenset(a.alias for a in fields),
        "refuse": _refuse,
        "dict": dict,
        "list": list,
        "str": str,
        "int": int,
        "tuple": tuple,
    }
    lines = [
        "def structure(o, _=None):",
        "    if type(o) is not dict or not o.keys() <= allowed:",
        "        refuse()",
    ]
    if tally is not None:
        namespace["tally"] = tally
        lines.append("    tally[0] += len(o)")
    check = functools.partial(
        _check,
        converter,
        namespace=namespace,
        leaf_hooks=leaf_hooks,
        string_leaves=string_leaves or {},
        is_tuple=is_homogeneous_tuple,
    )
    remembered = ids.remembered.get(origin) if ids is not None else None
    references = ids.references.get(origin, frozenset()) if ids is not None else frozenset()
    if ids is not None:
        namespace["known"] = ids.known
        namespace["share"] = ids.known.get
    setters = _slot_setters(origin)
    if setters is not None:
        namespace["new"] = object.__new__
    arguments = []
    for position, attribute in enumerate(fields):
        hint = hints[attribute.name]
        if isinstance(hint, TypeVar):
            hint = bound[hint]
        elif getattr(hint, "__parameters__", ()) and typing.get_origin(hint) is not None:
            hint = hint[tuple(bound[parameter] for parameter in hint.__parameters__)]
        key, name = attribute.alias, f"v{position}"
        default = attribute.default
        if default is attrs.NOTHING:
            lines.append(f"    {name} = o[{key!r}]")
            lines.extend(check(hint, name, position, "    ", share=attribute.name in references))
            if attribute.name == remembered:
                lines.append(f"    known[{name}] = {name}")
        else:
            # One lookup: a key present (even as null) is checked, an absent one takes the default.
            namespace[f"default{position}"] = default
            if default is None and optional_inner(hint) is not None:
                # Absent and null are alike: None, the default.
                lines.append(f"    {name} = o.get({key!r})")
                lines.append(f"    if {name} is not None:")
                hint = optional_inner(hint)
            else:
                lines.append(f"    {name} = o.get({key!r}, absent)")
                lines.append(f"    if {name} is absent:")
                lines.append(f"        {name} = default{position}")
                if default is None:
                    lines.append(f"    elif {name} is not None:")
                else:
                    lines.append("    else:")
            lines.extend(
                check(hint, name, position, "        ", share=attribute.name in references)
            )
        arguments.append(f"{attribute.alias}={name}")
    if setters is None:
        lines.append(f"    return cls({', '.join(arguments)})")
    else:
        # The class's __init__ only stores each field: store them directly, as it would.
        lines.append("    self = new(cls)")
        for position, setter in enumerate(setters):
            namespace[f"set{position}"] = setter
            lines.append(f"    set{position}(self, v{position})")
        lines.append("    return self")
    namespace["absent"] = _ABSENT
    return source.function(record_type, lines, namespace, what=f"fast structure {origin.__name__}")


_ABSENT = object()


@attrs.frozen
class Ids:
    """Id strings shared while records are built: a reference to a record built before holds
    that record's own id string, not an equal copy (records are frozen, so nothing can tell).

    ``known`` maps each id remembered so far to itself (the reader empties it after a load);
    ``remembered`` names, per model class, the id field whose values are remembered, and
    ``references`` the fields (a string, or a tuple of strings) that take a remembered string.
    """

    known: dict[str, str]
    remembered: dict[type, str]
    references: dict[type, frozenset[str]]


def _slot_setters(cls: type) -> list[Callable[[Any, Any], None]] | None:
    """The slot setters of every field, in field order, when the class's ``__init__`` does no
    more than store each argument (no validator, converter, factory, hook or hash cache);
    otherwise ``None`` and the class is called."""
    fields = attrs.fields(cls)
    slots: set[str] = set()
    for klass in cls.__mro__:
        declared = klass.__dict__.get("__slots__", ())
        slots.update((declared,) if isinstance(declared, str) else declared)
    slots.discard("__weakref__")
    plain = (
        all(a.init and a.validator is None and a.converter is None for a in fields)
        and not any(isinstance(a.default, attrs.Factory) for a in fields)  # type: ignore[arg-type]
        and not hasattr(cls, "__attrs_pre_init__")
        and not hasattr(cls, "__attrs_post_init__")
        and slots == {a.name for a in fields}  # no slot beyond the fields (a hash cache)
    )
    if not plain:
        return None
    setters = []
    for attribute in fields:
        slot = getattr(cls, attribute.name, None)
        if not isinstance(slot, types.MemberDescriptorType):
            return None
        setters.append(slot.__set__)
    return setters


def _check(
    converter: Any,
    hint: Any,
    name: str,
    position: int,
    indent: str,
    *,
    namespace: dict[str, Any],
    leaf_hooks: dict[Any, Hook],
    string_leaves: dict[Any, Callable[[str], Any]],
    is_tuple: Callable[[Any], bool],
    share: bool = False,
) -> list[str]:
    """Lines that check ``name`` against ``hint`` and rebind it to its structured value; with
    ``share``, a string (or each string of a tuple) becomes the remembered id equal to it."""
    if hint is str:
        shared = [f"{indent}{name} = share({name}, {name})"] if share else []
        return [f"{indent}if type({name}) is not str:", f"{indent}    refuse()", *shared]
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        members = {member.value: member for member in hint}
        raw = type(next(iter(members))) if members else str
        namespace[f"members{position}"] = members
        namespace[f"raw{position}"] = raw
        return [
            f"{indent}if type({name}) is not raw{position}:",
            f"{indent}    refuse()",
            f"{indent}{name} = members{position}[{name}]",
        ]
    if hint in leaf_hooks:
        namespace[f"leaf{position}"] = leaf_hooks[hint]
        namespace[f"hint{position}"] = hint
        reader = string_leaves.get(hint)
        if reader is None:
            return [f"{indent}{name} = leaf{position}({name}, hint{position})"]
        namespace[f"text{position}"] = reader
        return [
            f"{indent}if type({name}) is str:",
            f"{indent}    {name} = text{position}({name})",
            f"{indent}else:",
            f"{indent}    {name} = leaf{position}({name}, hint{position})",
        ]
    if is_tuple(hint):
        element = typing.get_args(hint)[0]
        lines = [f"{indent}if type({name}) is not list:", f"{indent}    refuse()"]
        if element is str:
            return [
                *lines,
                f"{indent}for item in {name}:",
                f"{indent}    if type(item) is not str:",
                f"{indent}        refuse()",
                f"{indent}{name} = tuple([share(item, item) for item in {name}])"
                if share
                else f"{indent}{name} = tuple({name})",
            ]
        namespace[f"element{position}"] = converter.get_structure_hook(element)
        return [*lines, f"{indent}{name} = tuple([element{position}(item) for item in {name}])"]
    namespace[f"nested{position}"] = converter.get_structure_hook(hint)
    return [f"{indent}{name} = nested{position}({name}, None)"]
