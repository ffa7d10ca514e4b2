"""The shapes of type a ledger's fields take, as the converter and the generated hooks see them."""

from __future__ import annotations

import types
import typing
from typing import Any

import attrs

from claimtrack.dates import PartialDate

__all__ = ["is_homogeneous_tuple", "is_model", "optional_inner"]

_UNIONS = (typing.Union, types.UnionType)


def optional_inner(candidate: Any) -> Any:
    """``X`` for ``X | None`` (one type and None), else ``None``."""
    args = typing.get_args(candidate)
    if len(args) == 2 and type(None) in args and typing.get_origin(candidate) in _UNIONS:
        return args[0] if args[1] is type(None) else args[1]
    return None


def is_homogeneous_tuple(candidate: Any) -> bool:
    """``tuple[X, ...]``."""
    args = typing.get_args(candidate)
    return typing.get_origin(candidate) is tuple and len(args) == 2 and args[1] is Ellipsis


def is_model(candidate: Any) -> bool:
    """An attrs model class (a ``PartialDate`` is a leaf value, not a model)."""
    return attrs.has(candidate) and candidate is not PartialDate
