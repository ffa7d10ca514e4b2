"""A report table: headers and rows of typed cells, shown as text, CSV, TSV, JSON or pandas.

Cells keep their type (text, whole numbers, fractions, yes/no, partial dates, lists), so data
formats carry numbers as numbers and dates as ISO text with their precision beside them, while
text formats show each cell readably. tabulate's number parsing is switched off (cells are
formatted here) and tabulate is imported only when a text table is rendered.
"""

from __future__ import annotations

import datetime as dt
import gc
import io
import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from attrs import field, frozen

from claimtrack.dates import PartialDate
from claimtrack.errors import ClaimtrackError, UnknownColumn, UnknownFormat
from claimtrack.report import quicktable

if TYPE_CHECKING:
    import pandas

__all__ = [
    "DATA_FORMATS",
    "UNSAFE_FORMATS",
    "Cell",
    "Table",
    "UnknownColumn",
    "UnknownFormat",
    "cells",
    "column_key",
    "formats",
    "spreadsheet_cell",
    "text_cell",
    "without_gc",
]

#: A cell's value: text, a count, a fraction, yes/no, a date at its precision, a list, or nothing.
Cell = str | int | float | bool | PartialDate | dt.date | tuple[str, ...] | None

#: Formats rendered here as records (typed data) rather than by tabulate.
DATA_FORMATS = ("csv", "json", "tsv")
#: Kept for callers of the earlier name.
EXTRA_FORMATS = DATA_FORMATS

#: tabulate formats that write user text unescaped into markup: refused.
UNSAFE_FORMATS = frozenset({"unsafehtml", "latex_raw"})

#: Characters that make a spreadsheet read a cell as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

_PRECISION = {1: "year", 2: "month", 3: "day"}


def formats() -> list[str]:
    """Every format name a table renders to: tabulate's, then csv, json and tsv."""
    from tabulate import tabulate_formats

    return [*sorted(set(tabulate_formats) - set(DATA_FORMATS) - UNSAFE_FORMATS), *DATA_FORMATS]


def column_key(header: str) -> str:
    """A header as a key: lower case, words joined by ``_`` (``latest evidence`` ->
    ``latest_evidence``); the name ``--columns`` and the data formats use."""
    return "_".join(header.lower().replace("-", " ").replace("/", " ").replace("_", " ").split())


def text_cell(value: Cell) -> str:
    """A cell as text: dates at their precision (``*`` marks an inferred one), lists joined."""
    if type(value) is str:  # most cells: first, and without an isinstance chain
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.1f}"
    if isinstance(value, PartialDate):
        return _date_text(value)
    if isinstance(value, tuple):
        return "; ".join(value)
    return str(value)


def spreadsheet_cell(value: object) -> object:
    """A CSV cell a spreadsheet shows as text, never runs as a formula (text gets a leading ')."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _date_fields(key: str, value: PartialDate | dt.date | None) -> dict[str, Any]:
    """A date as ISO text at its own precision, with precision, qualifier and inference apart."""
    if value is None:
        return {key: None, f"{key}_precision": None, f"{key}_qualifier": None}
    if isinstance(value, dt.date):
        value = PartialDate.from_date(value)
    text = value.edtf.rstrip("~?%")
    qualifier = (
        "approximate and uncertain"
        if value.approximate and value.uncertain
        else "approximate"
        if value.approximate
        else "uncertain"
        if value.uncertain
        else None
    )
    return {
        key: text,
        f"{key}_precision": _PRECISION[int(value.precision)],
        f"{key}_qualifier": qualifier,
        f"{key}_inferred": value.inferred,
    }


def _frozen_mapping(value: Mapping[str, str]) -> Mapping[str, str]:
    return dict(value)


@frozen
class Table:
    """Headers and rows of typed cells, ready to render.

    ``wrap`` names the columns whose text may be wrapped to fit a terminal; ``narrow`` the
    columns a terminal shows by default (all of them when empty); ``units`` a text appended to
    a column's numbers when shown as text (``%``).
    """

    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    title: str | None = None
    wrap: tuple[str, ...] = ()
    narrow: tuple[str, ...] = ()
    units: Mapping[str, str] = field(factory=dict, converter=_frozen_mapping, eq=False)

    # -- text ------------------------------------------------------------------------------

    @property
    def text_rows(self) -> tuple[tuple[str, ...], ...]:
        """Every row as text cells, as text formats show them."""
        with without_gc():
            return tuple(zip(*self._text_columns(), strict=True)) if self.rows else ()

    def _text_columns(self) -> list[Sequence[str]]:
        """Every column as text cells (see ``text_cell``), a column at a time: most columns
        hold one type of cell, turned to text by one call for the whole column."""
        units = [self.units.get(header, "") for header in self.headers]
        found: list[Sequence[str]] = []
        for column, unit in zip(zip(*self.rows, strict=True), units, strict=True):
            if unit:
                found.append(
                    [
                        text_cell(value) + (unit if isinstance(value, int | float) else "")
                        for value in column
                    ]
                )
            else:
                found.append(_column_text(column))
        return found

    def render(self, fmt: str = "simple") -> str:
        """The table in ``fmt``: any tabulate format name, or ``csv``, ``tsv`` or ``json`` (the
        typed records). Text formats show every column unwrapped; see ``claimtrack.report.fit``
        for a table fitted to a terminal."""
        if fmt == "csv":
            return self.csv()
        if fmt == "tsv":
            return self.tsv()
        if fmt == "json":
            return json.dumps(self.to_records(), ensure_ascii=False, indent=2) + "\n"
        fast = quicktable.FORMATS.get(fmt)
        with without_gc():
            if fast is not None and self.rows:
                columns = self._text_columns()
                if quicktable.plain(self.headers, columns, several_lines=fmt == "simple"):
                    return fast(self.headers, columns)
            text_rows = self.text_rows
        from tabulate import tabulate, tabulate_formats

        if fmt not in tabulate_formats or fmt in UNSAFE_FORMATS:
            raise UnknownFormat(fmt)
        return tabulate(text_rows, headers=self.headers, tablefmt=fmt, disable_numparse=True)

    def __str__(self) -> str:
        return self.render("simple")

    def __repr__(self) -> str:
        title = f" {self.title!r}" if self.title else ""
        return f"<Table{title}: {len(self.rows)} rows x {len(self.headers)} columns>"

    def _repr_html_(self) -> str:
        return self.render("html")

    # -- columns ---------------------------------------------------------------------------

    def position(self, name: str) -> int:
        """Where a column is, by header or key (``latest evidence`` or ``latest_evidence``)."""
        key = column_key(name)
        for position, header in enumerate(self.headers):
            if column_key(header) == key:
                return position
        raise UnknownColumn(name, self.headers)

    def column(self, name: str) -> list[Cell]:
        """The cells of one column, by header or key, as typed values."""
        position = self.position(name)
        return [row[position] for row in self.rows]

    def select(self, names: Sequence[str]) -> Table:
        """Only these columns, in this order (headers or keys)."""
        positions = [self.position(name) for name in names]
        headers = tuple(self.headers[p] for p in positions)
        rows = tuple(tuple(row[p] for p in positions) for row in self.rows)
        return Table(
            headers,
            rows,
            self.title,
            wrap=tuple(h for h in self.wrap if h in headers),
            units=self.units,
        )

    def sorted_by(self, name: str) -> Table:
        """Rows ordered by one column (empty cells last), then by the first column."""
        position = self.position(name)

        def key(row: tuple[Cell, ...]) -> tuple[object, ...]:
            return (row[position] is None, _sort_value(row[position]), text_cell(row[0]))

        return Table(
            self.headers,
            tuple(sorted(self.rows, key=key)),
            self.title,
            wrap=self.wrap,
            narrow=self.narrow,
            units=self.units,
        )

    # -- data ------------------------------------------------------------------------------

    def _date_columns(self) -> set[int]:
        return {
            position
            for row in self.rows
            for position, value in enumerate(row)
            if isinstance(value, PartialDate | dt.date)
        }

    def to_records(self) -> list[dict[str, Any]]:
        """One dict per row with JSON-ready typed values: numbers, ``None``, lists, and each
        date as ISO text at its precision plus ``<key>_precision``, ``<key>_qualifier`` and
        ``<key>_inferred`` (the reason, when the date is not stated in the source)."""
        keys = [column_key(header) for header in self.headers]
        dates = self._date_columns()
        records = []
        for row in self.rows:
            record: dict[str, Any] = {}
            for position, (key, value) in enumerate(zip(keys, row, strict=True)):
                if position in dates:
                    assert not isinstance(value, str | int | float | tuple)  # noqa: S101
                    fields = _date_fields(key, value)
                    fields.setdefault(f"{key}_inferred", None)
                    record.update(fields)
                else:
                    record[key] = list(value) if isinstance(value, tuple) else value
            records.append(record)
        return records

    def to_pandas(self) -> pandas.DataFrame:
        """The records as a pandas DataFrame with proper dtypes: nullable integers and
        booleans, floats, strings, categorical precisions, and each date as ``datetime64`` of
        the first day it can stand for (its precision in the next column).

        pandas is optional and imported only here: ``pip install pandas``.
        """
        try:
            import pandas
        except ImportError:
            raise ClaimtrackError(
                "to_pandas needs pandas; install it with: pip install pandas"
            ) from None
        records = self.to_records()
        keys = list(records[0]) if records else self._record_keys()
        frame = pandas.DataFrame.from_records(records, columns=keys)
        kinds = self._kinds()
        for key in keys:
            kind = kinds.get(key, "string")
            if kind == "date":
                frame[key] = pandas.to_datetime(frame[key], format="ISO8601")
            elif kind == "category":
                frame[key] = frame[key].astype("category")
            elif kind in ("Int64", "Float64", "boolean", "string"):
                frame[key] = frame[key].astype(kind)
        return frame

    def _record_keys(self) -> list[str]:
        dates = self._date_columns()
        keys: list[str] = []
        for position, header in enumerate(self.headers):
            key = column_key(header)
            keys.append(key)
            if position in dates:
                keys.extend(f"{key}_{part}" for part in ("precision", "qualifier", "inferred"))
        return keys

    def _kinds(self) -> dict[str, str]:
        """The pandas dtype each record key takes, from the types its cells hold."""
        kinds: dict[str, str] = {}
        dates = self._date_columns()
        for position, header in enumerate(self.headers):
            key = column_key(header)
            if position in dates:
                kinds[key] = "date"
                kinds[f"{key}_precision"] = "category"
                kinds[f"{key}_qualifier"] = "category"
                kinds[f"{key}_inferred"] = "string"
                continue
            types = {type(row[position]) for row in self.rows} - {type(None)}
            if types == {bool}:
                kinds[key] = "boolean"
            elif types == {int}:
                kinds[key] = "Int64"
            elif types and types <= {int, float}:
                kinds[key] = "Float64"
            elif tuple in types:
                kinds[key] = "object"
            else:
                kinds[key] = "string"
        return kinds

    def csv(self, *, excel: bool = False) -> str:
        """The records as CSV with one header row and CRLF line ends; with ``excel``, a
        byte-order mark first so spreadsheet programs on Windows read it as UTF-8."""
        import csv  # here: a terminal table, what most commands print, needs none

        records = self.to_records()
        keys = list(records[0]) if records else self._record_keys()
        buffer = io.StringIO()
        # RFC 4180 line ends: a cell holding a lone carriage return is then quoted, so no
        # spreadsheet splits its row in two.
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(keys)
        for record in records:
            writer.writerow(spreadsheet_cell(_flat(record[key])) for key in keys)
        return ("\ufeff" if excel else "") + buffer.getvalue()

    def tsv(self) -> str:
        """The records as plain tab-separated values: one header row, no padding, no title;
        tabs and line breaks inside a cell become spaces."""
        records = self.to_records()
        keys = list(records[0]) if records else self._record_keys()
        lines = ["\t".join(keys)]
        for record in records:
            lines.append("\t".join(_tsv_cell(_flat(record[key])) for key in keys))
        return "\n".join(lines) + "\n"


def _flat(value: object) -> object:
    """A record value for one CSV or TSV cell: lists joined, nothing empty, yes/no as words."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(str(part) for part in value)
    return value


def _tsv_cell(value: object) -> str:
    return " ".join(str(value).replace("\t", " ").splitlines())


def _sort_value(value: Cell) -> tuple[int, object]:
    if isinstance(value, PartialDate):
        return (1, value.sort_key())
    if isinstance(value, dt.date):
        return (1, PartialDate.from_date(value).sort_key())
    if isinstance(value, bool | int | float):
        return (0, float(value))
    return (2, text_cell(value))


def _column_text(column: Sequence[Cell]) -> Sequence[str]:
    """One column's cells as text, as ``text_cell`` makes each."""
    types = set(map(type, column))
    if types <= {str}:
        return column  # type: ignore[return-value]  # every cell is text already
    if types <= {str, type(None)}:
        return [value or "" for value in column]  # type: ignore[misc]  # "" stays ""
    if types == {tuple}:
        return list(map("; ".join, column))  # type: ignore[arg-type]
    if types <= {int, type(None)}:  # counts, levels: not bool, a type of its own
        return ["" if value is None else str(value) for value in column]
    if types <= {PartialDate, type(None)}:
        return ["" if date is None else _date_text(date) for date in column]  # type: ignore[arg-type]
    return list(map(text_cell, column))


def _date_text(date: PartialDate) -> str:
    """A date at its precision; ``*`` marks an inferred one (as ``text_cell``)."""
    return date.edtf + "*" if date.inferred else date.edtf


def cells(values: Sequence[Cell]) -> tuple[Cell, ...]:
    """A row of cells, kept typed; empty text becomes ``None``."""
    if "" not in values:
        return tuple(values)
    return tuple(None if value == "" else value for value in values)


@contextmanager
def without_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a large table is built or rendered.

    Rows and cells hold no reference cycles, but making 20,000 rows beside a loaded ledger
    triggers full collections that scan every record of the ledger, each time.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
