"""Checking a record built in Python against its field types, before a ledger takes it.

A loaded ledger is typed by the converter; a record built in code is not (attrs does not check
annotations), so ``Evidence(credibility=3)`` would enter a ledger and crash ``save`` much later.
``type_problems`` walks a record's fields by their annotations (enums, ``PartialDate``, optional
values, tuples, nested records) and lists every value of the wrong type, and every string
holding a lone surrogate (which no UTF-8 file can hold), each with its path. The ledger runs it
on every record added or recorded through its update methods.
"""

from __future__ import annotations

import enum
import functools
import types
import typing
from typing import Any

import attrs

from claimtrack.dates import PartialDate
from claimtrack.errors import Problem
from claimtrack.jsontext import lone_surrogate, surrogate_paths

__all__ = ["type_problems"]


def type_problems(value: object, path: str, hint: Any = None) -> list[Problem]:
    """Every field of the attrs record ``value`` whose value does not match its annotation.

    ``hint`` is the type ``value`` must have, when more exact than its class (a generic record
    such as ``StatusChange[CommitmentStatus]``).
    """
    problems: list[Problem] = []
    _check(value, type(value) if hint is None else hint, path, problems)
    return problems


@functools.cache
def _hints(cls: type) -> list[tuple[str, Any]]:
    hints = typing.get_type_hints(cls)
    # Fields left out of __init__ (a date's bounds and sort key) are worked out by the class.
    return [(field.name, hints[field.name]) for field in attrs.fields(cls) if field.init]


def _check_record(
    value: object, path: str, problems: list[Problem], bound: dict[Any, Any] | None = None
) -> None:
    record_type: type = type(value)
    for name, hint in _hints(record_type):
        _check(getattr(value, name), (bound or {}).get(hint, hint), f"{path}.{name}", problems)


def _check(value: object, hint: Any, path: str, problems: list[Problem]) -> None:
    if isinstance(hint, typing.TypeVar):
        return  # a status field of a bare StatusChange: the lifecycle rules check it
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(hint)
        if value is None and type(None) in options:
            return
        kinds = [option for option in options if option is not type(None)]
        if len(kinds) > 1:  # a union of plain types (either status enum): one must match
            if not any(type(value) is kind for kind in kinds):
                names = " or ".join(kind.__name__ for kind in kinds)
                problems.append(Problem(path, f"expected {names}, got {_describe(value)}"))
            return
        hint = kinds[0]
        origin = typing.get_origin(hint)
    if origin is tuple:
        if not isinstance(value, tuple):
            problems.append(Problem(path, f"expected a tuple, got {_describe(value)}"))
            return
        inner = typing.get_args(hint)[0]
        for index, item in enumerate(value):
            _check(item, inner, f"{path}[{index}]", problems)
        return
    expected = origin or hint
    if not isinstance(expected, type):
        return
    if attrs.has(expected):
        if type(value) is not expected:
            problems.append(Problem(path, f"expected {expected.__name__}, got {_describe(value)}"))
            return
        parameters = getattr(expected, "__parameters__", ())
        bound = dict(zip(parameters, typing.get_args(hint), strict=False))
        _check_record(value, path, problems, bound)
        return
    if issubclass(expected, enum.Enum):
        if type(value) is not expected:
            allowed = ", ".join(repr(member.value) for member in expected)
            problems.append(
                Problem(
                    path,
                    f"expected {expected.__name__} (one of {allowed}), got {_describe(value)}",
                )
            )
        return
    if expected is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            problems.append(Problem(path, f"expected a number, got {_describe(value)}"))
        return
    if expected is PartialDate or expected in (str, int, bool):
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            problems.append(Problem(path, f"expected {_noun(expected)}, got {_describe(value)}"))
            return
        if isinstance(value, str):
            problems.extend(Problem(path, lone_surrogate()) for _ in surrogate_paths(value))


def _noun(expected: type) -> str:
    return {str: "text", int: "an integer", bool: "true or false"}.get(expected, expected.__name__)


def _describe(value: object) -> str:
    shown = repr(value)
    if len(shown) > 40:
        shown = shown[:39] + "…"
    return f"{type(value).__name__} {shown}"
