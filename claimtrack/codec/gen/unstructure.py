"""Generated save hooks: a model to its JSON object, keys in field order, defaults left out.

This is what cattrs' ``make_dict_unstructure_fn(..., _cattrs_omit_if_default=True)`` gives, as
straight-line code per class (saving a large ledger unstructures hundreds of thousands of
records); the saved key order is the class's field order. ``tests/test_codec_gen.py`` checks
both against the plain cattrs hook.
"""

from __future__ import annotations

import enum
import typing
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from claimtrack.codec.gen import compile_function
from claimtrack.codec.shapes import is_homogeneous_tuple, optional_inner

__all__ = ["make_unstructure"]

Unstructure = Callable[[Any], Any]


def make_unstructure(
    converter: Any, record_type: type, *, leaf_hooks: dict[Any, Unstructure]
) -> Callable[[Any], dict[str, Any]]:
    """The unstructure hook for one model class; ``leaf_hooks`` unstructure leaf types (dates)."""
    origin = typing.get_origin(record_type) or record_type
    hints = typing.get_type_hints(origin)
    namespace: dict[str, Any] = {}
    lines = ["def unstructure(record):", "    document = {}"]
    for position, attribute in enumerate(attrs.fields(origin)):
        value = f"record.{attribute.name}"
        expression = _value_expression(
            converter, hints[attribute.name], "value", namespace, position, leaf_hooks
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
    return compile_function("unstructure", lines, namespace, what=f"unstructure {origin.__name__}")


def _value_expression(
    converter: Any,
    hint: Any,
    name: str,
    namespace: dict[str, Any],
    position: int,
    leaf_hooks: dict[Any, Unstructure],
) -> str:
    """A Python expression giving the JSON form of ``name``, a value of type ``hint``."""
    inner = optional_inner(hint)
    if inner is not None:
        hint = inner  # None values are left out before this expression runs
    if isinstance(hint, TypeVar) or (isinstance(hint, type) and issubclass(hint, enum.Enum)):
        return f"{name}._value_"  # the attribute itself: Enum.value is a slower descriptor
    if hint in (str, int, float, bool):
        return name
    if hint in leaf_hooks:
        namespace[f"leaf_{position}"] = leaf_hooks[hint]
        return f"leaf_{position}({name})"
    if is_homogeneous_tuple(hint):
        element = typing.get_args(hint)[0]
        if element in (str, int, float, bool):
            return f"list({name})"
        namespace[f"hook_{position}"] = converter.get_unstructure_hook(element)
        return f"[hook_{position}(item) for item in {name}]"
    namespace[f"hook_{position}"] = converter.get_unstructure_hook(hint)
    return f"hook_{position}({name})"
