"""Line numbers for JSON paths: where in a ledger file each problem's value starts.

Used only on the error path, after the whole document has parsed, so a successful load never pays
for it. The scan descends only into the values that some problem's path goes through and skips
the rest with the json module's C decoder, so locating many problems in a large file stays one
pass. A path that does not exist in the text (a missing key) gets the line of the deepest value it
does reach: the object that should have held the key.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable, Sequence

import attrs

from claimtrack.errors import Problem

__all__ = ["line_numbers", "with_lines"]

#: Numbers are kept as text: the scan only skips them, and ``loads`` refuses those that
#: ``int()`` or ``float()`` cannot read back (so decoding them here would fail where it did not).
_DECODER = json.JSONDecoder(parse_int=str, parse_float=str, parse_constant=str)
_SPACE = re.compile(r"[ \t\n\r]*")
_INDEX = re.compile(r"\[(\d+)\]")


def with_lines(text: str, problems: Sequence[Problem]) -> list[Problem]:
    """The problems with ``line`` set from ``text``, if it spans several lines.

    Text on one line gains nothing from a line number, so it is returned unchanged; so is a
    problem that already has a line, or whose path cannot be found in the text at all.
    """
    if "\n" not in text:
        return list(problems)
    wanted = [problem.path for problem in problems if problem.line is None]
    found = line_numbers(text, wanted)
    return [
        problem
        if problem.line is not None or found.get(problem.path) is None
        else attrs.evolve(problem, line=found[problem.path])
        for problem in problems
    ]


def line_numbers(text: str, paths: Iterable[str]) -> dict[str, int]:
    """The 1-based line on which the value at each JSON path starts in ``text``.

    Paths look like ``$.commitments[3].history[0].status``. A path that leaves the document gets
    the line of the last value it reached; a path not starting at ``$``, or text that is not JSON,
    gets no entry.
    """
    wanted = sorted({path for path in paths if path.startswith("$")})
    if not wanted:
        return {}
    offsets: dict[str, int] = {}
    try:
        _visit(text, _skip_space(text, 0), "$", wanted, offsets)
    except (ValueError, IndexError, RecursionError):
        # Not the JSON the caller parsed, or nested deeper than we can follow: give up quietly,
        # as a line number is a convenience and must never turn one error into another.
        return {}
    newlines = [match.start() for match in re.finditer("\n", text)]
    return {path: bisect.bisect_left(newlines, offset) + 1 for path, offset in offsets.items()}


def _skip_space(text: str, position: int) -> int:
    """The offset of the first non-whitespace character at or after ``position``."""
    match = _SPACE.match(text, position)
    return match.end() if match else position


def _skip_value(text: str, position: int) -> int:
    """The offset just after the JSON value starting at ``position``."""
    return _DECODER.raw_decode(text, position)[1]


def _visit(text: str, position: int, path: str, wanted: list[str], offsets: dict[str, int]) -> None:
    """Record where ``path`` and the ``wanted`` paths below it start; ``wanted`` is sorted."""
    deeper: list[str] = []
    for target in wanted:
        if target == path:
            offsets[target] = position
        else:
            deeper.append(target)
    if not deeper:
        return
    children: list[tuple[str, int, list[str]]] = []
    opening = text[position] if position < len(text) else ""
    if opening == "{":
        children = _members(text, position, path, deeper)
    elif opening == "[":
        children = _elements(text, position, path, deeper)
    reached: set[str] = set()
    for child, start, below in children:
        reached.update(below)
        _visit(text, start, child, below, offsets)
    for target in deeper:
        if target not in reached:
            offsets[target] = position  # the path stops here: point at the holding value


def _members(
    text: str, position: int, path: str, wanted: list[str]
) -> list[tuple[str, int, list[str]]]:
    """The members of the object at ``position`` that some wanted path goes through.

    A repeated key counts once, at its last occurrence, as ``json.loads`` keeps the last value.
    """
    rests = [target[len(path) :] for target in wanted]
    found: dict[str, tuple[int, list[str]]] = {}
    position = _skip_space(text, position + 1)
    if text[position] == "}":
        return []
    while True:
        key, position = _DECODER.raw_decode(text, position)
        position = _skip_space(text, position)
        position = _skip_space(text, position + 1)  # the colon
        below = _below(f".{key}", rests, wanted)
        if below:
            found[key] = (position, below)
        position = _skip_space(text, _skip_value(text, position))
        if text[position] == "}":
            break
        position = _skip_space(text, position + 1)  # the comma
    return [(f"{path}.{key}", start, below) for key, (start, below) in found.items()]


def _elements(
    text: str, position: int, path: str, wanted: list[str]
) -> list[tuple[str, int, list[str]]]:
    """The elements of the array at ``position`` that some wanted path goes through."""
    by_index: dict[int, list[str]] = {}
    for target in wanted:
        match = _INDEX.match(target, len(path))
        if match:
            by_index.setdefault(int(match[1]), []).append(target)
    found: list[tuple[str, int, list[str]]] = []
    position = _skip_space(text, position + 1)
    if text[position] == "]" or not by_index:
        return []
    last = max(by_index)
    index = 0
    while True:
        if index in by_index:
            found.append((f"{path}[{index}]", position, by_index[index]))
        if index >= last:
            break
        position = _skip_space(text, _skip_value(text, position))
        if text[position] == "]":
            break
        position = _skip_space(text, position + 1)  # the comma
        index += 1
    return found


def _below(step: str, rests: list[str], wanted: list[str]) -> list[str]:
    """The wanted paths whose remainder (in ``rests``, sorted alike) starts with ``step``.

    Only whole steps match: ``.status`` matches ``.status`` and ``.status[0]`` but not
    ``.statuses``.
    """
    start = bisect.bisect_left(rests, step)
    below = []
    for position in range(start, len(rests)):
        rest = rests[position]
        if not rest.startswith(step):
            break
        if len(rest) == len(step) or rest[len(step)] in ".[":
            below.append(wanted[position])
    return below
