"""tabulate's ``github`` and ``simple`` formats, byte for byte, for cells of printable ASCII.

Why claimtrack writes these two itself: tabulate detects each cell's type before it lays out a
table, which takes about 1.1 s on a 20,000-row status table (these take about 70 ms), and
importing tabulate 0.10 takes about 26 ms (it reads its own version from the installed
metadata), as long as starting Python itself, on every ``claimtrack report``. They are used only
where they give exactly tabulate's output (:func:`plain` says when); every other table, and
every other format, is tabulate's. ``tests/test_quicktable.py`` compares them with tabulate on
drawn tables.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

__all__ = ["FORMATS", "github", "plain", "simple"]

#: ASCII's control characters but the line break: no printable line holds one.
_CONTROL = bytes([*range(10), *range(11, 32), 127])


def plain(
    headers: Sequence[str],
    columns: Sequence[Sequence[str]],
    *,
    several_lines: bool = False,
    coloured: int | None = None,
) -> bool:
    """Whether the renderers here write these cells as tabulate would: printable ASCII lines (a
    character's width is then its length), cells of one line unless ``several_lines`` (only
    :func:`simple` lays several out), no line beginning or ending with a space (tabulate strips
    cells; refusing more than it strips only sends a table to tabulate), and the ``coloured``
    column, if any, on one line."""
    for cells in (headers, *columns):
        lines = "\n".join(cells)
        if not lines.isascii():
            return False
        raw = lines.encode("ascii")
        if len(raw.translate(None, _CONTROL)) != len(raw):  # printable, but for line breaks
            return False
        if several_lines:
            if any(cell.strip() != cell for cell in cells):  # "a\n" is one line to tabulate
                return False
        elif raw.count(b"\n") >= max(len(cells), 1):  # more breaks than those joining the cells
            return False
        if lines.startswith(" ") or lines.endswith(" ") or " \n" in lines or "\n " in lines:
            return False
    return coloured is None or not any("\n" in cell for cell in columns[coloured])


def _widths(headers: Sequence[str], columns: Sequence[Sequence[str]], several: bool) -> list[int]:
    """Each column's widest line, and at least two more than its header (tabulate's padding);
    without ``several`` (no cell or header holds a line break) a cell's length is its width."""
    if not several:
        return [
            max(len(header) + 2, max(map(len, column), default=0))
            for header, column in zip(headers, columns, strict=True)
        ]
    return [
        max(
            max(len(line) + 2 for line in header.split("\n")),
            max((len(line) for cell in column for line in cell.split("\n")), default=0),
        )
        for header, column in zip(headers, columns, strict=True)
    ]


def _lines(
    line: str, widths: Sequence[int], headers: Sequence[str], columns: Sequence[Sequence[str]]
) -> list[str]:
    """The header line and every row's line, each cell padded to its column's width, joined as
    ``line`` says: its ``{}`` is where each column's ``%-<width>s`` goes."""
    form = line.format(*(f"%-{width}s" for width in widths))
    return [form % tuple(headers), *(form % row for row in zip(*columns, strict=True))]


def github(headers: Sequence[str], columns: Sequence[Sequence[str]]) -> str:
    """tabulate's ``github`` format of one-line cells that pass :func:`plain`."""
    widths = _widths(headers, columns, several=False)
    header, *rows = _lines("| " + " | ".join(["{}"] * len(widths)) + " |", widths, headers, columns)
    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([header, rule, *rows])


def simple(
    headers: Sequence[str],
    columns: Sequence[Sequence[str]],
    coloured: int | None = None,
    colours: Mapping[str, str] | None = None,
) -> str:
    """tabulate's ``simple`` format of cells that pass :func:`plain`: cells of several lines side
    by side, headers too; the ``coloured`` column's cells in the ANSI colour ``colours`` gives
    them (tabulate pads a coloured cell by its visible width, and so does this).

    Lines are left-aligned, two spaces apart, with no trailing spaces. As in tabulate, an empty
    cell has no lines once any cell has several, and a row is as tall as its tallest cell.
    """
    several = any("\n" in "".join(cells) for cells in (headers, *columns))
    widths = _widths(headers, columns, several)
    rule = "  ".join("-" * w for w in widths)
    if not several and (coloured is None or not colours):
        header, *rows = _lines("  ".join(["{}"] * len(widths)), widths, headers, columns)
        return "\n".join([header.rstrip(), rule, *(row.rstrip() for row in rows)])
    paint = _painter(coloured, colours or {})
    text = _row_lines(headers, widths, several, header=True, paint=paint)
    text.append(rule)
    for row in zip(*columns, strict=True):
        text.extend(_row_lines(row, widths, several, header=False, paint=paint))
    return "\n".join(text)


def _painter(coloured: int | None, colours: Mapping[str, str]) -> Callable[[int, str], str | None]:
    """The ANSI colour code of a line at a position, if it is in the coloured column."""
    return lambda position, line: colours.get(line) if position == coloured else None


def _row_lines(
    row: Sequence[str],
    widths: Sequence[int],
    several: bool,
    *,
    header: bool,
    paint: Callable[[int, str], str | None],
) -> list[str]:
    cells = [cell.split("\n") if cell or header or not several else [] for cell in row]
    height = max(map(len, cells))
    out = []
    for number in range(height):
        parts = []
        for position, lines in enumerate(cells):
            line = lines[number] if number < len(lines) else ""
            padding = " " * (widths[position] - len(line))
            code = None if header else paint(position, line)
            parts.append(f"\x1b[{code}m{line}\x1b[0m{padding}" if code else line + padding)
        out.append("  ".join(parts).rstrip())
    return out


#: The formats written here, by name, for cells that pass :func:`plain`.
FORMATS: Mapping[str, Callable[[Sequence[str], Sequence[Sequence[str]]], str]] = {
    "github": github,
    "simple": simple,
}
