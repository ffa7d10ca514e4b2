"""Tables fitted to a terminal: the columns that matter, long text wrapped, statuses coloured.

A terminal table shows the table's *narrow* columns (all of them with ``wide``), wraps the
columns marked for wrapping (what was pledged, who, the quote) and the headers at their spaces
until every line fits the width, and colours the status column when asked (the caller decides:
only on a terminal, never with ``NO_COLOR``). Formats made for documents (``github``, ``pipe``,
``html``...) are rendered whole, without wrapping or colour.
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Mapping, Sequence
from typing import IO

from claimtrack.report import quicktable
from claimtrack.report.table import Table

__all__ = [
    "MIN_WIDTH",
    "STATUS_COLOURS",
    "fit",
    "terminal_formats",
    "terminal_width",
    "wants_colour",
]

#: Tables are fitted to at least this many columns, however narrow the terminal says it is.
MIN_WIDTH = 80
#: A wrapped column is never made narrower than this.
MIN_COLUMN = 10

_GREEN, _BLUE, _YELLOW, _RED, _MAGENTA, _GREY = "32", "34", "33", "31", "35", "90"

#: ANSI colours (SGR codes) of status values, commitment and claim statuses alike.
STATUS_COLOURS: Mapping[str, str] = {
    "announced": _GREY,
    "in_progress": _BLUE,
    "partially_implemented": _BLUE,
    "implemented": _GREEN,
    "stalled": _YELLOW,
    "broken": _RED,
    "reversed": _MAGENTA,
    "superseded": _GREY,
    "unverifiable": _GREY,
    "unverified": _GREY,
    "corroborated": _GREEN,
    "disputed": _YELLOW,
    "refuted": _RED,
    "retracted": _MAGENTA,
}

#: Formats for reading in a terminal: these are fitted; the rest are for documents.
_DOCUMENT_FORMATS = frozenset({"github", "pipe", "jira", "orgtbl"})

#: tabulate's formats with multi-line cells (its ``multiline_formats``, which a test compares
#: with this list), named here so that fitting a table need not import tabulate.
MULTILINE_FORMATS = frozenset(
    {
        *("colon_grid", "double_grid", "double_outline", "fancy_grid", "fancy_outline"),
        *("github", "grid", "heavy_grid", "heavy_outline", "jira", "mixed_grid"),
        *("mixed_outline", "orgtbl", "outline", "pipe", "plain", "presto", "pretty", "psql"),
        *("rounded_grid", "rounded_outline", "rst", "simple", "simple_grid", "simple_outline"),
    }
)


def terminal_formats() -> frozenset[str]:
    """The tabulate formats that fit() wraps: those with multi-line cells, for terminals."""
    return MULTILINE_FORMATS - _DOCUMENT_FORMATS


def terminal_width(stream: IO[str] | None = None, environ: Mapping[str, str] | None = None) -> int:
    """``$COLUMNS`` if set, else the width of the terminal ``stream`` writes to, else 80 (so
    output into a file or pipe is the same everywhere); never less than 80."""
    environ = os.environ if environ is None else environ
    text = environ.get("COLUMNS", "").strip()
    if text.isdigit():
        return max(MIN_WIDTH, int(text))
    width = MIN_WIDTH
    if stream is not None and getattr(stream, "isatty", lambda: False)():
        try:
            width = os.get_terminal_size(stream.fileno()).columns
        except (OSError, ValueError):
            width = MIN_WIDTH
    return max(MIN_WIDTH, width)


def wants_colour(stream: IO[str], environ: Mapping[str, str] | None = None) -> bool:
    """Colour only on a terminal, and never when ``NO_COLOR`` is set (no-color.org) or the
    terminal is ``dumb``."""
    environ = os.environ if environ is None else environ
    if environ.get("NO_COLOR", "") != "" or environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _wrap(text: str, width: int) -> str:
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lines.extend(textwrap.wrap(paragraph, width) or [""])
    return "\n".join(lines)


def _header(text: str, limit: int | None) -> str:
    """A header on lines no wider than its column needs: at its spaces when squeezed."""
    if limit is None:
        return text
    return _wrap(text, max(limit, *(len(word) for word in text.split() or [""])))


#: Formats without row rules, where a blank line keeps wrapped rows apart.
_OPEN_FORMATS = frozenset({"simple", "plain"})


def _render(
    table: Table, fmt: str, limits: Mapping[int, int] | None, colour: bool
) -> tuple[str, list[int]]:
    """The table with wrapped columns cut to their limits (``None``: headers on one line,
    nothing wrapped); also each column's widest line."""
    squeezed = limits is not None
    limits = limits or {}
    headers = [
        _header(h, limits.get(p, 1) if squeezed else None) for p, h in enumerate(table.headers)
    ]
    rows = [list(row) for row in table.text_rows]
    for row in rows:
        for position, limit in limits.items():
            row[position] = _wrap(row[position], limit)
    widest = [
        max(
            len(line)
            for cell in [headers[p], *(row[p] for row in rows)]
            for line in cell.splitlines() or [""]
        )
        for p in range(len(headers))
    ]
    at = table.headers.index("status") if colour and "status" in table.headers else None
    columns = [list(column) for column in zip(*rows, strict=True)] or [[] for _ in headers]
    if fmt == "simple" and quicktable.plain(headers, columns, several_lines=True, coloured=at):
        text = quicktable.simple(headers, columns, at, STATUS_COLOURS)
    else:
        from tabulate import tabulate

        if at is not None:
            for row in rows:
                code = STATUS_COLOURS.get(row[at])
                if code:
                    row[at] = f"\x1b[{code}m{row[at]}\x1b[0m"
        text = tabulate(rows, headers=headers, tablefmt=fmt, disable_numparse=True)
    heights = [max(cell.count("\n") + 1 for cell in row) for row in rows]
    if fmt in _OPEN_FORMATS and max(heights, default=1) > 1:
        text = _spaced(text, heights)
    return text, widest


def _spaced(text: str, heights: Sequence[int]) -> str:
    """Rows of several lines kept apart by a blank line (formats without row rules)."""
    lines = text.split("\n")
    at = len(lines) - sum(heights)
    out = lines[:at]
    for number, height in enumerate(heights):
        if number:
            out.append("")
        out.extend(lines[at : at + height])
        at += height
    return "\n".join(out)


def _visible_width(text: str) -> int:
    import re

    plain = re.sub(r"\x1b\[[0-9;]*m", "", text)
    return max((len(line) for line in plain.splitlines()), default=0)


def _shrink(limits: dict[int, int], weights: Mapping[int, int], excess: int) -> bool:
    """Narrow the wrapped columns by ``excess`` in all, widest for its weight first; False when
    they are all as narrow as they may be."""
    while excess > 0:
        open_ = [p for p in limits if limits[p] > MIN_COLUMN * weights[p]]
        if not open_:
            return False
        widest = max(open_, key=lambda p: (limits[p] / weights[p], -p))
        limits[widest] -= 1
        excess -= 1
    return True


def fit(
    table: Table,
    fmt: str = "simple",
    *,
    width: int = MIN_WIDTH,
    wide: bool = False,
    colour: bool = False,
    columns: Sequence[str] | None = None,
) -> str:
    """The table as a terminal shows it: its narrow columns (every column with ``wide``, or
    exactly ``columns``), wrapped to ``width`` where it can be, status coloured with ``colour``.
    A format made for documents (``github``, ``html``...) is rendered whole: every column,
    nothing wrapped.

    The first wrapped column (what was pledged or claimed) keeps about twice the width of the
    other wrapped ones, and at least twice ``MIN_COLUMN``; columns not marked for wrapping keep
    their width. A table that cannot fit even so is printed as narrow as it goes.
    """
    if columns:
        table = table.select(columns)
    if fmt not in terminal_formats():
        return table.render(fmt)
    if not wide and not columns and table.narrow:
        table = table.select(table.narrow)
    if not table.rows:
        return table.render(fmt)
    text, widest = _render(table, fmt, None, colour)
    if _visible_width(text) <= width:
        return text
    wrapped = [table.headers.index(h) for h in table.wrap if h in table.headers]
    weights = {p: 2 if i == 0 and len(wrapped) > 1 else 1 for i, p in enumerate(wrapped)}
    limits = {p: widest[p] for p in wrapped}
    text, widest = _render(table, fmt, limits, colour)
    for _ in range(12):
        excess = _visible_width(text) - width
        if excess <= 0 or not limits:
            break
        more = _shrink(limits, weights, excess)
        text, _ = _render(table, fmt, limits, colour)
        if not more:
            break
    return text
