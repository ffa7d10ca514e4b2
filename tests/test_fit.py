"""Terminal tables without tabulate: the ``simple`` format that ``fit`` writes itself is the one
tabulate writes, byte for byte, wrapped cells, headers and colours included."""

from __future__ import annotations

import pytest
import tabulate
from hypothesis import given
from hypothesis import strategies as st

import claimtrack
import claimtrack.report.fit as fit_module
from claimtrack.report import claim_table, status_table
from claimtrack.report.fit import (
    MULTILINE_FORMATS,
    STATUS_COLOURS,
    _plain,
    _simple,
    fit,
)

WORDS = st.sampled_from(["a", "ab", "pledge", "x-y", "(1)", "'q'", "2018-07?*", "in_progress"])


def _cell(lines: int) -> st.SearchStrategy[str]:
    line = st.lists(WORDS, max_size=4).map(" ".join)
    return st.lists(line, min_size=1, max_size=lines).map("\n".join).map(str.strip)


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[str], list[list[str]]]:
    width = draw(st.integers(1, 5))
    headers = draw(st.lists(_cell(2).filter(bool), min_size=width, max_size=width))
    rows = draw(
        st.lists(st.lists(_cell(3), min_size=width, max_size=width), max_size=6),
    )
    return headers, rows


def _widest(headers: list[str], rows: list[list[str]]) -> list[int]:
    return [
        max(len(line) for cell in [h, *(row[p] for row in rows)] for line in cell.split("\n"))
        for p, h in enumerate(headers)
    ]


def _tabulated(headers: list[str], rows: list[list[str]], coloured: int | None) -> str:
    if coloured is not None:
        for row in rows:
            code = STATUS_COLOURS.get(row[coloured])
            if code:
                row[coloured] = f"\x1b[{code}m{row[coloured]}\x1b[0m"
    return tabulate.tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True)


def test_the_multiline_formats_are_tabulates() -> None:
    assert frozenset(tabulate.multiline_formats) == MULTILINE_FORMATS


@given(tables())
def test_simple_is_tabulates_simple(table: tuple[list[str], list[list[str]]]) -> None:
    """Any plain cells, on one line or several, empty or not: the same text as tabulate's."""
    headers, rows = table
    assert _plain(headers, rows, None)
    assert _simple(headers, rows, _widest(headers, rows), None) == _tabulated(headers, rows, None)


@given(tables(), st.data())
def test_coloured_statuses_are_tabulates(
    table: tuple[list[str], list[list[str]]], data: st.DataObject
) -> None:
    """A coloured status column: tabulate pads it by its visible width, and so does _simple."""
    headers, rows = table
    at = data.draw(st.integers(0, len(headers) - 1))
    for row in rows:
        row[at] = data.draw(st.sampled_from(["", "implemented", "broken", "other", "in_progress"]))
    assert _plain(headers, rows, at)
    expected = _tabulated(headers, [list(row) for row in rows], at)
    assert _simple(headers, rows, _widest(headers, rows), at) == expected
    assert "\x1b[" in expected or not any(row[at] in STATUS_COLOURS for row in rows)


@given(st.sampled_from([" a", "a ", "é", "a\tb", "\x1b[1mx", "a\n"]))
def test_other_cells_are_left_to_tabulate(cell: str) -> None:
    """Wide, invisible or space-edged text is measured by tabulate, not here."""
    assert not _plain(["h"], [[cell]], None)


def test_a_multiline_coloured_cell_is_left_to_tabulate() -> None:
    assert not _plain(["status"], [["a\nb"]], 0)
    assert _plain(["status"], [["a\nb"]], None)


@pytest.mark.parametrize("width", [80, 100, 140])
@pytest.mark.parametrize("colour", [False, True])
def test_the_bundled_reports_fit_as_tabulate_would(
    width: int, colour: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bundled reports at several widths, coloured or not: the same text either way."""
    ledger = claimtrack.datasets.pakistan_iran()
    tables = [status_table(ledger, "2018-07-31"), claim_table(ledger, "2019-12-31")]
    ours = [fit(table, width=width, colour=colour) for table in tables]
    monkeypatch.setattr(fit_module, "_plain", lambda *_: False)  # always tabulate
    assert [fit(table, width=width, colour=colour) for table in tables] == ours
    assert any("\n\n" in text for text in ours)  # wrapped rows were compared
