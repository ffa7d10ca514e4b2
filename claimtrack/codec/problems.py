"""Error flattening: a cattrs validation error tree becomes path-addressed problems.

``$.commitments[3].status: 'done' is not a status; expected one of ...``: one
:class:`~claimtrack.errors.Problem` per leaf of the tree, each with its JSON path.
"""

from __future__ import annotations

import attrs

from claimtrack.codec.converter import Invalid
from claimtrack.errors import Problem, _closest

__all__ = ["problems", "unknown_key"]


def problems(error: BaseException, path: str) -> list[Problem]:
    """Flatten a cattrs validation error tree into path-addressed problems."""
    from cattrs.errors import ClassValidationError, IterableValidationError  # failures only

    if isinstance(error, IterableValidationError):
        with_notes, without = error.group_exceptions()
        found = [p for sub, note in with_notes for p in problems(sub, f"{path}[{note.index}]")]
        return found + [p for sub in without for p in problems(sub, path)]
    if isinstance(error, ClassValidationError):
        with_notes_c, without_c = error.group_exceptions()
        found = [p for sub, note in with_notes_c for p in _leaf(sub, f"{path}.{note.name}")]
        return found + [p for sub in without_c for p in problems(sub, path)]
    return _leaf(error, path)


def _leaf(error: BaseException, path: str) -> list[Problem]:
    from cattrs.errors import BaseValidationError, ForbiddenExtraKeysError

    if isinstance(error, BaseValidationError):
        return problems(error, path)
    if isinstance(error, ForbiddenExtraKeysError):
        expected = [a.name for a in attrs.fields(error.cl)]
        return [
            Problem(f"{path}.{key}", unknown_key(key, expected))
            for key in sorted(error.extra_fields)
        ]
    if isinstance(error, KeyError):
        return [Problem(path, "required key missing")]
    if isinstance(error, Invalid):
        return [Problem(path, str(error))]
    if isinstance(error, AttributeError | TypeError) and "items" in str(error):
        return [Problem(path, "expected an object")]
    return [Problem(path, f"invalid value ({error})")]


def unknown_key(key: str, expected: list[str]) -> str:
    """The message for an unknown key: the closest expected key, or all of them."""
    close = _closest(key, expected)
    if close:
        return f"unknown key {key!r}; did you mean {close!r}?"
    return f"unknown key {key!r}; expected one of {', '.join(expected)}"
