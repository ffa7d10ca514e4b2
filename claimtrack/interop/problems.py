"""Where an import went wrong: one line per problem, naming the file, the row and the column.

A tracker's spreadsheet is fixed by its keeper, not by reading a JSON path, so problems found
while importing point at what the keeper sees: ``pledges.csv, row 7, column 'Status'``.

``ImportProblems``, the error, lives in :mod:`claimtrack.errors` with every other error; the
place and the problem are defined here, beside the importers (``claimtrack.errors`` still names
them, found here on first use, so that commands importing nothing never build these classes).
"""

from __future__ import annotations

from attrs import frozen

from claimtrack.errors import ImportProblems

__all__ = ["ImportProblem", "ImportProblems", "Location"]


@frozen
class Location:
    """A place in an input file: the file, a row (or line, or item) and a column, as known."""

    file: str
    row: str | None = None
    column: str | None = None

    def at(self, column: str | None) -> Location:
        """The same place, narrowed to one column."""
        return Location(self.file, self.row, column)

    def __str__(self) -> str:
        parts = [self.file]
        if self.row is not None:
            parts.append(self.row)
        if self.column is not None:
            parts.append(f"column {self.column!r}")
        return ", ".join(parts)


@frozen
class ImportProblem:
    """One thing wrong with the input, where it is."""

    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"
