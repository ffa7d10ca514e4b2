"""Where an import went wrong: one line per problem, naming the file, the row and the column.

A tracker's spreadsheet is fixed by its keeper, not by reading a JSON path, so problems found
while importing point at what the keeper sees: ``pledges.csv, row 7, column 'Status'``.

The types live in :mod:`claimtrack.errors` with every other error; this module keeps the import
path ``claimtrack.interop.problems`` working.
"""

from __future__ import annotations

from claimtrack.errors import ImportProblem, ImportProblems, Location

__all__ = ["ImportProblem", "ImportProblems", "Location"]
