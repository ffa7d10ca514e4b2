"""Reading changeset files: YAML, TOML and CSV into raw operations, each with where it stands.

Parsing is left to the kept libraries: PyYAML (the ``yaml`` extra) and the standard library's
``tomllib`` and ``csv``. What this module adds is the *where*: every raw operation carries a
``Spot`` that turns a field path into ``file:line: row 5, column F (quote)`` for a CSV row or
``file:line: $.operations[3].quote`` for YAML and TOML, so every problem names the cell or key
to fix. Nothing here knows what an operation means; ``structure`` does.
"""

from __future__ import annotations

import csv
import enum
import io
import re
import tomllib
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs
from attrs import frozen

from claimtrack.changeset.operations import OPERATIONS
from claimtrack.dates import PartialDate
from claimtrack.errors import LedgerFileError, Problem

__all__ = ["RawChangeset", "Spot", "read_raw"]

#: The changeset format version this claimtrack reads.
CHANGESET_VERSION = 1

_HEADER_KEYS = ("changeset", "texts", "operations")


@frozen
class Spot:
    """Where one operation stands in its file, and how to name a field inside it."""

    file: str
    base: str  # "row 5" for CSV, "$.operations[3]" for YAML and TOML
    line: int | None
    columns: Mapping[str, str] = attrs.field(factory=dict)  # CSV: header -> column letter
    lines: Mapping[str, int] = attrs.field(factory=dict)  # tree: ".quote" -> line

    def problem(self, path: str, message: str) -> Problem:
        """A problem at ``path`` inside the operation (``""``, ``.quote``, ``.evidence[1]``)."""
        where, line = self._where(path)
        shown = f"{self.file}:{line}" if line is not None else self.file
        return Problem(f"{shown}: {where}", message, line)

    @classmethod
    def options(cls, command: str) -> Spot:
        """The spot of an operation given as command-line options (``claimtrack add``)."""
        return cls(command, "options", None)

    def _where(self, path: str) -> tuple[str, int | None]:
        if self.base == "options":  # claimtrack add: fields are command-line options
            name = re.sub(r"\[\d+\]", "", path).lstrip(".").split(".")[0].replace("_", "-")
            return (f"option --{name}" if name else "command"), None
        if self.base.startswith("row"):
            if not path or not self.columns:
                return self.base, self.line
            name = _column_of(path, self.columns)
            letter = self.columns.get(name)
            column = f"column {letter} ({name})" if letter else f"column {name} (not in header)"
            return f"{self.base}, {column}", self.line
        line = self.line
        probe = path
        while probe:
            if probe in self.lines:
                line = self.lines[probe]
                break
            probe = re.sub(r"(\.[^.\[]*|\[\d+\])$", "", probe)
        return f"{self.base}{path}", line


def _column_of(path: str, columns: Mapping[str, str]) -> str:
    """The CSV header a field path stands in: ``.target.value`` -> ``target.value``."""
    plain = re.sub(r"\[\d+\]", "", path).lstrip(".")
    while plain and plain not in columns and "." in plain:
        plain = plain.rsplit(".", 1)[0]
    return plain if plain in columns else plain.split(".")[0]


@frozen
class RawChangeset:
    """One changeset file as parsed: its operations as plain data, each with its spot."""

    file: Path
    texts: Path | None
    operations: tuple[tuple[dict[str, Any], Spot], ...]
    problems: tuple[Problem, ...]


def read_raw(path: Path) -> RawChangeset:
    """Parse a changeset file by its suffix: ``.yaml``/``.yml``, ``.toml`` or ``.csv``."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise LedgerFileError(f"cannot read changeset {str(path)!r}: {error.strerror}") from None
    suffix = path.suffix.lower()
    name = str(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        problem = Problem(f"{name}: $", f"not UTF-8 text (byte {error.start}: {error.reason})")
        return RawChangeset(path, None, (), (problem,))
    if suffix == ".csv":
        return _read_csv(path, text)
    if suffix in (".yaml", ".yml"):
        document, lines, problems = _parse_yaml(name, text)
    elif suffix == ".toml":
        document, lines, problems = _parse_toml(name, text)
    else:
        raise LedgerFileError(
            f"cannot tell the format of changeset {name!r}: name it .yaml, .yml, .toml or .csv"
        )
    if problems:
        return RawChangeset(path, None, (), tuple(problems))
    return _from_tree(path, document, lines)


# -- YAML and TOML ----------------------------------------------------------------------------


def _parse_yaml(name: str, text: str) -> tuple[Any, dict[str, int], list[Problem]]:
    from claimtrack.changeset._yaml import parse

    return parse(name, text)


def _parse_toml(name: str, text: str) -> tuple[Any, dict[str, int], list[Problem]]:
    try:
        return tomllib.loads(text), {}, []
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"line (\d+)", str(error))
        line = int(found.group(1)) if found else None
        where = f"{name}:{line}" if line is not None else name
        return None, {}, [Problem(f"{where}: $", f"not valid TOML: {error}", line)]


def _from_tree(path: Path, document: Any, lines: dict[str, int]) -> RawChangeset:
    name = str(path)
    top = Spot(name, "$", lines.get("$"), lines=lines)
    problems: list[Problem] = []
    if not isinstance(document, dict):
        problems.append(top.problem("", "expected a changeset: a mapping with 'changeset: 1'"))
        return RawChangeset(path, None, (), tuple(problems))
    version = document.get("changeset")
    if version != CHANGESET_VERSION or isinstance(version, bool):
        problems.append(top.problem(".changeset", f"expected {CHANGESET_VERSION}, got {version!r}"))
    problems.extend(
        top.problem(f".{key}", f"unknown key {key!r}; expected one of {', '.join(_HEADER_KEYS)}")
        for key in document
        if key not in _HEADER_KEYS
    )
    texts = document.get("texts")
    if texts is not None and not isinstance(texts, str):
        problems.append(top.problem(".texts", "expected a folder name relative to the file"))
        texts = None
    operations = document.get("operations")
    if not isinstance(operations, list):
        problems.append(top.problem(".operations", "expected a list of operations"))
        operations = []
    found: list[tuple[dict[str, Any], Spot]] = []
    inside = _lines_inside(lines)
    for index, raw in enumerate(operations):
        base = f"$.operations[{index}]"
        spot = Spot(name, base, lines.get(base), lines=inside.get(index, {}))
        if not isinstance(raw, dict):
            problems.append(spot.problem("", "expected an operation: a mapping with an 'op' key"))
            continue
        found.append((raw, spot))
    folder = None if texts is None else path.parent / texts
    return RawChangeset(path, folder, tuple(found), tuple(problems))


def _lines_inside(lines: dict[str, int]) -> dict[int, dict[str, int]]:
    """The lines of each operation's fields, by its index: ``$.operations[3].quote`` -> 3,
    ``.quote`` (one pass over the file's lines, not one per operation)."""
    inside: dict[int, dict[str, int]] = {}
    prefix = "$.operations["
    for key, line in lines.items():
        if not key.startswith(prefix):
            continue
        index, bracket, rest = key[len(prefix) :].partition("]")
        if bracket and index.isdigit() and rest.startswith("."):
            inside.setdefault(int(index), {})[rest] = line
    return inside


# -- CSV --------------------------------------------------------------------------------------


def _letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column: 0 -> A, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _read_csv(path: Path, text: str) -> RawChangeset:
    name = str(path)
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] | None = None
    columns: dict[str, str] = {}
    found: list[tuple[dict[str, Any], Spot]] = []
    problems: list[Problem] = []
    next_line, row = 1, 0
    try:
        for cells in reader:
            line, next_line = next_line, reader.line_num + 1
            row += 1
            if not any(cell.strip() for cell in cells) or cells[0].lstrip().startswith("#"):
                continue
            if header is None:
                header = [cell.strip() for cell in cells]
                columns, header_problems = _columns(name, row, line, header)
                problems.extend(header_problems)
                continue
            spot = Spot(name, f"row {row}", line, columns=columns)
            if len(cells) > len(header):
                extra = _letter(len(header))
                problems.append(spot.problem("", f"cells past the header, from column {extra}"))
                continue
            found.append((_csv_operation(header, cells), spot))
    except csv.Error as error:
        problems.append(Problem(f"{name}:{next_line}: row {row + 1}", f"not valid CSV: {error}"))
    if header is None and not problems:
        problems.append(Problem(f"{name}: row 1", "no header row; expected 'op' and field names"))
    return RawChangeset(path, None, tuple(found), tuple(problems))


def _columns(
    name: str, row: int, line: int, header: list[str]
) -> tuple[dict[str, str], list[Problem]]:
    problems: list[Problem] = []
    columns: dict[str, str] = {}
    for index, title in enumerate(header):
        where = f"{name}:{line}: row {row}, column {_letter(index)}"
        if not title:
            problems.append(Problem(where, "empty column name in the header", line))
        elif title in columns:
            problems.append(Problem(where, f"column {title!r} appears twice in the header", line))
        else:
            columns[title] = _letter(index)
    if "op" not in columns:
        problems.append(
            Problem(f"{name}:{line}: row {row}", "the header needs an 'op' column", line)
        )
    return columns, problems


def _csv_operation(header: list[str], cells: list[str]) -> dict[str, Any]:
    """A row as an operation: empty cells left out, cells typed by the operation's fields."""
    given = {title: cell for title, cell in zip(header, cells, strict=False) if cell.strip()}
    kind = OPERATIONS.get(given.get("op", "").strip())
    hints = _hints(kind) if kind is not None else {}
    operation: dict[str, Any] = {}
    for title, cell in given.items():
        if title == "op":
            operation["op"] = cell.strip()
            continue
        field, _, sub = title.partition(".")
        hint = hints.get(field)
        if not sub:
            value = _cell(hint, cell)
            if isinstance(operation.get(field), dict):  # made.inferred came first
                operation[field]["date"] = value
            else:
                operation[field] = value
            continue
        nested = operation.get(field)
        if not isinstance(nested, dict):
            nested = {} if nested is None else {"date": nested}
            operation[field] = nested
        member = _hints(_inner(hint)).get(sub) if attrs.has(_inner(hint)) else None
        nested[sub] = _cell(member, cell)
    return operation


def _cell(hint: Any, cell: str) -> Any:
    """A CSV cell as the field's type would have it; left as text when it does not parse, so the
    converter reports it with the field's own message."""
    target = _inner(hint)
    if typing.get_origin(target) is tuple:
        return [item.strip() for item in cell.split(";") if item.strip()]
    text = cell.strip()
    if target is bool:
        return {"true": True, "false": False}.get(text.lower(), cell)
    if target in (int, float) or (isinstance(target, type) and issubclass(target, int)):
        for parse in (int, float):
            try:
                return parse(text)
            except ValueError:
                continue
    if target is PartialDate or (isinstance(target, type) and issubclass(target, enum.Enum)):
        return text
    return cell


def _inner(hint: Any) -> Any:
    """``X`` for ``X | None``, else the hint itself."""
    args = [arg for arg in typing.get_args(hint) if arg is not type(None)]
    if typing.get_origin(hint) in (typing.Union, type(int | None)) and len(args) == 1:
        return args[0]
    return hint


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(kind: Any) -> dict[str, Any]:
    found = _HINTS.get(kind)
    if found is None:
        found = _HINTS[kind] = typing.get_type_hints(kind)
    return found
