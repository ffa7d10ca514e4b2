"""The fast table renderers give exactly tabulate's output, and fall back to it when unsure."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from tabulate import tabulate

from claimtrack.report.quicktable import FORMATS
from claimtrack.report.table import Cell, Table, text_cell
from tests.strategies import partial_dates

ascii_cells = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=12)
any_cells = st.text(max_size=8)


@st.composite
def tables(draw: st.DrawFn, cells: st.SearchStrategy[str]) -> Table:
    """A table of 1-5 columns and 1-6 rows of the given cells."""
    width = draw(st.integers(1, 5))
    headers = tuple(draw(st.lists(cells, min_size=width, max_size=width)))
    rows = draw(
        st.lists(st.lists(cells, min_size=width, max_size=width).map(tuple), min_size=1, max_size=6)
    )
    return Table(headers, tuple(rows))


@given(tables(ascii_cells), st.sampled_from(sorted(FORMATS)))
def test_fast_formats_match_tabulate(table: Table, fmt: str) -> None:
    """For printable ASCII text (numbers included) the fast path equals tabulate exactly."""
    expected = tabulate(table.rows, headers=table.headers, tablefmt=fmt, disable_numparse=True)
    assert table.render(fmt) == expected


@given(tables(any_cells), st.sampled_from(sorted(FORMATS)))
def test_any_text_matches_tabulate(table: Table, fmt: str) -> None:
    """Any Unicode, line breaks included, renders as tabulate renders it (by falling back)."""
    expected = tabulate(table.rows, headers=table.headers, tablefmt=fmt, disable_numparse=True)
    assert table.render(fmt) == expected


#: Every kind of cell a report makes, each column of one kind (as report columns are) or mixed.
_KINDS: list[st.SearchStrategy[Cell]] = [
    ascii_cells,
    any_cells,
    st.none(),
    st.integers(-(10**6), 10**6),
    st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.lists(ascii_cells, max_size=3).map(tuple),
    partial_dates(),
]
typed_cells: st.SearchStrategy[Cell] = st.one_of(_KINDS)


@st.composite
def typed_tables(draw: st.DrawFn) -> Table:
    """A table of 1-5 columns and 0-6 rows; each column holds one kind of cell, or any kind
    (with a unit such as ``%`` on some columns)."""
    width = draw(st.integers(1, 5))
    headers = tuple(draw(st.lists(ascii_cells, min_size=width, max_size=width, unique=True)))
    kinds = [
        draw(st.sampled_from([*_KINDS, typed_cells, st.one_of(ascii_cells, st.none())]))
        for _ in headers
    ]
    rows = draw(st.lists(st.tuples(*kinds), max_size=6))
    units = draw(st.dictionaries(st.sampled_from(headers), st.sampled_from(["%", " MB"])))
    return Table(headers, tuple(rows), units=units)


def _text_rows(table: Table) -> tuple[tuple[str, ...], ...]:
    """Each cell as ``text_cell`` makes it, with its column's unit after a number."""
    units = [table.units.get(header, "") for header in table.headers]
    return tuple(
        tuple(
            text_cell(value) + (unit if isinstance(value, int | float) else "")
            for value, unit in zip(row, units, strict=True)
        )
        for row in table.rows
    )


@given(typed_tables(), st.sampled_from([*sorted(FORMATS), "grid", "pipe"]))
def test_typed_cells_render_as_their_text(table: Table, fmt: str) -> None:
    """A column of one kind is made text a column at a time: every cell reads exactly as
    ``text_cell`` (and its unit) makes it, and the fast formats still equal tabulate."""
    expected_rows = _text_rows(table)
    assert table.text_rows == expected_rows
    expected = tabulate(expected_rows, headers=table.headers, tablefmt=fmt, disable_numparse=True)
    assert table.render(fmt) == expected
