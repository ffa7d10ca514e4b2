"""The type each field of a model class names, as ``typing.get_type_hints`` finds it, without
reading the hints of the model's own classes at run time: ``_written_hints.py``, written ahead
of time by ``python -m claimtrack.codec.gen --write``, holds them, and they are used while a
class's annotations are the ones written (``tests/test_codec_prebuilt.py`` keeps it current).
The rules and the fast load hooks ask here; reading hints costs a ``compile`` per annotation.
"""

from __future__ import annotations

import inspect
import typing
from collections.abc import Mapping
from typing import Any

import attrs

__all__ = ["annotations_of", "field_types", "written"]


def written() -> Mapping[Any, Any]:
    """The written table: per model class, each field's name, its annotation as written and the
    type it names; empty when it cannot be imported (written for a model since changed)."""
    try:
        from claimtrack._written_hints import FIELDS
    except Exception:  # a class it names is gone, or no longer generic...: nothing is used
        return {}
    table: Mapping[Any, Any] = FIELDS
    return table


def field_types(origin: type, table: Mapping[Any, Any] | None = None) -> dict[str, Any]:
    """The type of each of ``origin``'s fields, by name: from the written table (or ``table``)
    while the class's annotations are the ones written there, else ``typing.get_type_hints``."""
    fields = (written() if table is None else table).get(origin)
    if fields is not None and annotations_of(origin) == [
        (name, annotation) for name, annotation, _ in fields
    ]:
        return {name: kind for name, _, kind in fields}
    return typing.get_type_hints(origin)


def annotations_of(origin: type) -> list[tuple[str, Any]]:
    """Each field's name and annotation as written in its class (a string, under ``from
    __future__ import annotations``), whatever ``attrs.resolve_types`` did to the fields since."""
    found: dict[str, Any] = {}
    for klass in reversed(origin.__mro__):
        found.update(inspect.get_annotations(klass))
    return [(a.name, found.get(a.name)) for a in attrs.fields(origin)]
