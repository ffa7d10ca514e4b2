"""A rendered table: headers and rows of text, shown in any tabulate format, CSV or JSON.

Cells are text already (dates at their own precision, numbers formatted by the report), so
tabulate's number parsing is switched off; tabulate is imported only when a table is rendered.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from attrs import frozen

from claimtrack.errors import ClaimtrackError

__all__ = ["Table", "UnknownFormat", "cells", "formats"]

#: Formats rendered here rather than by tabulate.
EXTRA_FORMATS = ("csv", "json")

#: Characters that make a spreadsheet read a cell as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class UnknownFormat(ClaimtrackError, ValueError):
    """A table format name that neither tabulate nor claimtrack knows."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(f"unknown table format {name!r}; expected one of {', '.join(formats())}")


def formats() -> list[str]:
    """Every format name a table renders to: tabulate's, then csv and json."""
    from tabulate import tabulate_formats

    return [*sorted(tabulate_formats), *EXTRA_FORMATS]


def _csv_cell(text: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


@frozen
class Table:
    """Headers and rows of text cells, ready to render."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    title: str | None = None

    def render(self, fmt: str = "simple") -> str:
        """The table as text in ``fmt``: any tabulate format name, ``csv`` or ``json``."""
        if fmt == "csv":
            buffer = io.StringIO()
            # RFC 4180 line ends: a cell holding a lone carriage return is then quoted, so no
            # spreadsheet splits its row in two.
            writer = csv.writer(buffer, lineterminator="\r\n")
            writer.writerow(self.headers)
            writer.writerows([_csv_cell(cell) for cell in row] for row in self.rows)
            return buffer.getvalue()
        if fmt == "json":
            keys = [_json_key(header) for header in self.headers]
            records = [dict(zip(keys, row, strict=True)) for row in self.rows]
            return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
        fast = _FAST_FORMATS.get(fmt)
        if fast is not None and self.rows and _plain_text(self):
            return fast(self.headers, self.rows)
        from tabulate import tabulate, tabulate_formats

        if fmt not in tabulate_formats:
            raise UnknownFormat(fmt)
        return tabulate(self.rows, headers=self.headers, tablefmt=fmt, disable_numparse=True)

    def __str__(self) -> str:
        return self.render("simple")

    def __repr__(self) -> str:
        title = f" {self.title!r}" if self.title else ""
        return f"<Table{title}: {len(self.rows)} rows x {len(self.headers)} columns>"

    def _repr_html_(self) -> str:
        return self.render("html")

    def column(self, header: str) -> list[str]:
        """The cells of one column, by header."""
        position = self.headers.index(header)
        return [row[position] for row in self.rows]


def _plain_text(table: Table) -> bool:
    """Whether every cell is printable ASCII without surrounding spaces, so its width is its
    length and tabulate would not trim it: then the fast renderers give exactly its output."""
    return all(
        cell.isascii() and cell.isprintable() and cell.strip() == cell
        for row in (table.headers, *table.rows)
        for cell in row
    )


def _widths(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[int]:
    # tabulate pads every header by at least two characters (its MIN_PADDING).
    widths = [len(header) + 2 for header in headers]
    for row in rows:
        for position, cell in enumerate(row):
            if len(cell) > widths[position]:
                widths[position] = len(cell)
    return widths


def _github(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """tabulate's ``github`` format for plain-text cells, without its type detection."""
    widths = _widths(headers, rows)
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + " |"]
    lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    lines.extend(
        "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
        for row in rows
    )
    return "\n".join(lines)


def _simple(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """tabulate's ``simple`` format for plain-text cells, without its type detection."""
    widths = _widths(headers, rows)
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend(
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows
    )
    return "\n".join(lines)


#: Formats rendered here, byte for byte as tabulate would, about ten times faster.
_FAST_FORMATS = {"github": _github, "simple": _simple}


def _json_key(header: str) -> str:
    return header.lower().replace(" ", "_").replace("/", "_")


def cells(values: Sequence[object]) -> tuple[str, ...]:
    """A row of text cells; ``None`` becomes an empty cell."""
    return tuple("" if value is None else str(value) for value in values)
