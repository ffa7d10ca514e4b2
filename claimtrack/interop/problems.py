"""Where an import went wrong: one line per problem, naming the file, the row and the column.

A tracker's spreadsheet is fixed by its keeper, not by reading a JSON path, so problems found
while importing point at what the keeper sees: ``pledges.csv, row 7, column 'Status'``.
"""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen

from claimtrack.errors import ClaimtrackError

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


class ImportProblems(ClaimtrackError, ValueError):
    """The input cannot be imported; ``problems`` lists every problem found, in input order."""

    problems: tuple[ImportProblem, ...]

    def __init__(self, problems: Iterable[ImportProblem], *, headline: str = "cannot import"):
        self.problems = tuple(problems)
        self.headline = headline
        count = len(self.problems)
        lines = [f"{headline} ({count} problem{'' if count == 1 else 's'}):"]
        lines.extend(f"  {problem}" for problem in self.problems)
        super().__init__("\n".join(lines))

    @property
    def lines(self) -> list[str]:
        """One ``location: message`` line per problem, as the CLI prints them."""
        return [str(problem) for problem in self.problems]
