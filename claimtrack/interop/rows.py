"""Reading a tracker's records file into rows of text cells: CSV, TSV, a JSON list or JSON Lines.

Each row keeps where it came from (``row 7`` of a CSV file, counting the header as row 1 as a
spreadsheet does; ``line 3`` of JSON Lines; ``item [2]`` of a JSON list), so a problem found later
points at the cell to fix. JSON numbers become their text, a JSON list of strings stays a list,
and a nested object is refused: a mapping names top-level columns only.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Mapping
from pathlib import Path

from attrs import frozen

from claimtrack.errors import LedgerFileError
from claimtrack.files import read_regular_file
from claimtrack.interop.problems import ImportProblem, ImportProblems, Location
from claimtrack.jsontext import JsonProblem, parse

__all__ = ["FORMATS", "Cell", "RecordsFile", "Row", "format_of", "read_rows"]

#: A cell: text, or several texts when a JSON value is a list.
Cell = str | tuple[str, ...]

#: Record file formats by name, and the file name endings that imply them.
FORMATS: Mapping[str, tuple[str, ...]] = {
    "csv": (".csv",),
    "tsv": (".tsv", ".tab"),
    "json": (".json",),
    "jsonl": (".jsonl", ".ndjson"),
}


@frozen
class Row:
    """One record of a tracker file: its cells by column name, and where it stands in the file."""

    location: Location
    cells: Mapping[str, Cell]

    def text(self, column: str) -> str:
        """A cell as one text (list items joined by '; '); empty when missing."""
        value = self.cells.get(column, "")
        return "; ".join(value) if isinstance(value, tuple) else value


@frozen
class RecordsFile:
    """Every row of one records file, and its columns in file order."""

    name: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]


def format_of(path: str | os.PathLike[str]) -> str | None:
    """The records format a file name implies (``csv``, ``tsv``, ``json``, ``jsonl``), or None."""
    suffix = Path(path).suffix.lower()
    return next((name for name, endings in FORMATS.items() if suffix in endings), None)


def read_rows(path: str | os.PathLike[str], fmt: str | None = None) -> RecordsFile:
    """Read a records file in ``fmt`` (default: from its name); ``ImportProblems`` if unreadable."""
    name = os.fspath(path)
    where = Location(name)
    chosen = fmt or format_of(path)
    if chosen not in FORMATS:
        expected = ", ".join(FORMATS)
        raise ImportProblems(
            [ImportProblem(where, f"unknown records format {chosen!r}; expected one of {expected}")]
            if chosen
            else [
                ImportProblem(where, f"cannot tell the format from the name; use one of {expected}")
            ]
        )
    try:
        text = read_regular_file(path).decode("utf-8-sig")
    except LedgerFileError as error:
        raise ImportProblems([ImportProblem(where, f"cannot read: {error.strerror}")]) from None
    except UnicodeDecodeError as error:
        raise ImportProblems(
            [ImportProblem(where, f"not UTF-8 text (byte {error.start})")]
        ) from None
    if chosen in ("csv", "tsv"):
        return _read_table(name, text, "," if chosen == "csv" else "\t")
    if chosen == "json":
        return _read_json(name, text)
    return _read_json_lines(name, text)


def _read_table(name: str, text: str, delimiter: str) -> RecordsFile:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    problems: list[ImportProblem] = []
    try:
        header = next(reader, None)
        if header is None:
            raise ImportProblems([ImportProblem(Location(name), "empty file: no header row")])
        columns = tuple(cell.strip() for cell in header)
        problems.extend(_header_problems(name, columns))
        rows: list[Row] = []
        for number, record in enumerate(reader, start=2):
            location = Location(name, f"row {number}")
            if not any(cell.strip() for cell in record):
                continue
            if len(record) > len(columns):
                problems.append(
                    ImportProblem(
                        location,
                        f"{len(record)} cells but the header names {len(columns)} columns",
                    )
                )
                continue
            cells = {column: cell.strip() for column, cell in zip(columns, record, strict=False)}
            rows.append(Row(location, cells))
    except csv.Error as error:
        problems.append(ImportProblem(Location(name, f"line {reader.line_num}"), str(error)))
        rows = []
    if problems:
        raise ImportProblems(problems)
    return RecordsFile(name, columns, tuple(rows))


def _header_problems(name: str, columns: tuple[str, ...]) -> list[ImportProblem]:
    problems = []
    seen: set[str] = set()
    for position, column in enumerate(columns, start=1):
        where = Location(name, "row 1")
        if not column:
            problems.append(ImportProblem(where, f"header cell {position} is empty"))
        elif column in seen:
            problems.append(ImportProblem(where.at(column), "this column name appears twice"))
        seen.add(column)
    return problems


def _read_json(name: str, text: str) -> RecordsFile:
    try:
        document = parse(text)
    except JsonProblem as error:
        raise ImportProblems([_json_problem(name, None, error)]) from None
    if not isinstance(document, list):
        raise ImportProblems(
            [ImportProblem(Location(name), "expected a JSON list of objects, one per record")]
        )
    return _records(name, [(f"item [{index}]", value) for index, value in enumerate(document)])


def _read_json_lines(name: str, text: str) -> RecordsFile:
    items: list[tuple[str, object]] = []
    problems: list[ImportProblem] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            items.append((f"line {number}", parse(line)))
        except JsonProblem as error:
            problems.append(_json_problem(name, number, error))
    if problems:
        raise ImportProblems(problems)
    return _records(name, items)


def _json_problem(name: str, number: int | None, error: JsonProblem) -> ImportProblem:
    """An import problem for JSON that cannot be read: the file, its line, the JSON path."""
    line = number if number is not None else error.line
    where = Location(name, f"line {line}") if line is not None else Location(name)
    message = error.message if error.path == "$" else f"{error.path}: {error.message}"
    return ImportProblem(where, message)


def _records(name: str, items: list[tuple[str, object]]) -> RecordsFile:
    columns: dict[str, None] = {}
    rows: list[Row] = []
    problems: list[ImportProblem] = []
    for place, value in items:
        location = Location(name, place)
        if not isinstance(value, dict):
            problems.append(ImportProblem(location, "expected an object (one record)"))
            continue
        cells: dict[str, Cell] = {}
        for key, raw in value.items():
            columns.setdefault(key)
            try:
                cells[key] = _cell(raw)
            except ValueError as error:
                problems.append(ImportProblem(location.at(key), str(error)))
        rows.append(Row(location, cells))
    if problems:
        raise ImportProblems(problems)
    return RecordsFile(name, tuple(columns), tuple(rows))


def _cell(value: object) -> Cell:
    if isinstance(value, list):
        return tuple(_scalar(item) for item in value if item is not None)
    return _scalar(value)


def _scalar(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, str):
        return value.strip()
    raise ValueError("a nested object; map top-level keys only")
