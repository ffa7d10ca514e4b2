"""Renames: a tracker's key changed (a title was edited), so one history runs under two keys.

A renames table says which old key became which new key. Rows listed under the old key are read as
rows of the new key, so the record keeps one history and takes its id from its latest key. It comes
from the mapping's ``[renames]`` table (``"old key" = "new key"``) or from a CSV file of pairs with
an ``old`` and a ``new`` column (other columns, such as the ``why`` of ``--suggest-renames``, are
ignored; lines starting with ``#`` are comments). A composite key is written as its parts joined by
`` | ``, as the import shows it.

Chains are followed (``a -> b`` and ``b -> c`` read ``a`` as ``c``). An old key given two new keys,
a key renamed to itself and a cycle are refused, each with where it was given.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Mapping

from attrs import frozen

from claimtrack.errors import LedgerFileError
from claimtrack.files import read_regular_file
from claimtrack.interop.problems import ImportProblem, ImportProblems, Location

__all__ = ["Rename", "Renames", "read_renames", "renames_from_pairs"]


@frozen
class Rename:
    """One declared rename: ``old`` is read as ``new``; ``location`` is where it was given."""

    old: str
    new: str
    location: Location


@frozen
class Renames:
    """Declared renames, with chains resolved: ``final(key)`` is the key a row's history runs on."""

    declared: tuple[Rename, ...] = ()

    def final(self, key: str) -> str:
        """The key ``key`` ends up as after every rename (itself when never renamed)."""
        table = self._table()
        seen = {key}
        while key in table:
            key = table[key].new
            if key in seen:  # refused when read; kept safe for hand-built values
                break
            seen.add(key)
        return key

    def _table(self) -> dict[str, Rename]:
        return {rename.old: rename for rename in self.declared}

    def __bool__(self) -> bool:
        return bool(self.declared)

    def __add__(self, other: Renames) -> Renames:
        return renames_from_pairs(
            [(r.old, r.new, r.location) for r in (*self.declared, *other.declared)]
        )


def renames_from_pairs(pairs: Iterable[tuple[str, str, Location]]) -> Renames:
    """Renames from ``(old, new, where)`` triples; ``ImportProblems`` lists every bad pair."""
    problems: list[ImportProblem] = []
    kept: dict[str, Rename] = {}
    for old, new, location in pairs:
        old, new = " ".join(old.split()), " ".join(new.split())
        if not old or not new:
            problems.append(ImportProblem(location, "a rename needs both an old and a new key"))
        elif old == new:
            problems.append(ImportProblem(location, f"{old!r} is renamed to itself"))
        elif old in kept and kept[old].new != new:
            problems.append(
                ImportProblem(
                    location,
                    f"{old!r} is renamed to {new!r} here and to {kept[old].new!r}"
                    f" at {kept[old].location}",
                )
            )
        else:
            kept.setdefault(old, Rename(old, new, location))
    for rename in kept.values():
        key, path = rename.new, [rename.old]
        while key in kept and key not in path:
            path.append(key)
            key = kept[key].new
        if key in path and key == rename.old:
            shown = " -> ".join(repr(step) for step in (*path, key))
            problems.append(ImportProblem(rename.location, f"renames go round in a cycle: {shown}"))
    if problems:
        raise ImportProblems(problems, headline="invalid renames")
    return Renames(tuple(kept.values()))


def renames_from_table(table: Mapping[str, object], where: str) -> Renames:
    """Renames from a mapping's ``[renames]`` table; values must be strings."""
    pairs: list[tuple[str, str, Location]] = []
    problems: list[ImportProblem] = []
    for old, new in table.items():
        location = Location(where, f"[renames] {old!r}")
        if not isinstance(new, str):
            problems.append(
                ImportProblem(location, f"expected the new key as a string, got {new!r}")
            )
        else:
            pairs.append((old, new, location))
    if problems:
        raise ImportProblems(problems, headline="invalid renames")
    return renames_from_pairs(pairs)


def read_renames(path: str | os.PathLike[str]) -> Renames:
    """Renames from a CSV file with ``old`` and ``new`` columns (a header row names them)."""
    name = os.fspath(path)
    try:
        text = read_regular_file(path).decode("utf-8-sig")
    except LedgerFileError as error:
        raise ImportProblems(
            [ImportProblem(Location(name), f"cannot read: {error.strerror}")],
            headline="invalid renames",
        ) from None
    except UnicodeDecodeError as error:
        raise ImportProblems(
            [ImportProblem(Location(name), f"not UTF-8 text (byte {error.start})")],
            headline="invalid renames",
        ) from None
    lines = [
        (number, line)
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    rows = list(csv.reader(io.StringIO("\n".join(line for _, line in lines))))
    if not rows:
        return Renames()
    header = [cell.strip().lower() for cell in rows[0]]
    if "old" not in header or "new" not in header:
        raise ImportProblems(
            [
                ImportProblem(
                    Location(name, f"row {lines[0][0]}"),
                    "the header must name an 'old' and a 'new' column",
                )
            ],
            headline="invalid renames",
        )
    old_at, new_at = header.index("old"), header.index("new")
    pairs = []
    for (number, _), row in zip(lines[1:], rows[1:], strict=False):
        cells = [*row, "", ""]
        pairs.append((cells[old_at], cells[new_at], Location(name, f"row {number}")))
    return renames_from_pairs(pairs)
