"""The fast table renderers give exactly tabulate's output, and fall back to it when unsure."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from tabulate import tabulate

from claimtrack.report.table import _FAST_FORMATS, Table

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


@given(tables(ascii_cells), st.sampled_from(sorted(_FAST_FORMATS)))
def test_fast_formats_match_tabulate(table: Table, fmt: str) -> None:
    """For printable ASCII text (numbers included) the fast path equals tabulate exactly."""
    expected = tabulate(table.rows, headers=table.headers, tablefmt=fmt, disable_numparse=True)
    assert table.render(fmt) == expected


@given(tables(any_cells), st.sampled_from(sorted(_FAST_FORMATS)))
def test_any_text_matches_tabulate(table: Table, fmt: str) -> None:
    """Any Unicode, line breaks included, renders as tabulate renders it (by falling back)."""
    expected = tabulate(table.rows, headers=table.headers, tablefmt=fmt, disable_numparse=True)
    assert table.render(fmt) == expected
