"""The tables claimtrack writes itself (``github`` and ``simple``) are tabulate's, byte for byte,
for every table ``plain`` accepts; anything else is left to tabulate."""

from __future__ import annotations

import tabulate
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.report.fit import STATUS_COLOURS
from claimtrack.report.quicktable import github, plain, simple

WORDS = st.sampled_from(["a", "ab", "pledge", "x-y", "(1)", "'q'", "2018-07?*", "in_progress"])


def _cell(lines: int) -> st.SearchStrategy[str]:
    line = st.lists(WORDS, max_size=4).map(" ".join)
    return st.lists(line, min_size=1, max_size=lines).map("\n".join).map(str.strip)


@st.composite
def tables(draw: st.DrawFn, lines: int = 3) -> tuple[list[str], list[list[str]]]:
    """Headers and rows of plain cells, of up to ``lines`` lines each (headers up to two)."""
    width = draw(st.integers(1, 5))
    headers = draw(st.lists(_cell(min(lines, 2)).filter(bool), min_size=width, max_size=width))
    rows = draw(
        st.lists(st.lists(_cell(lines), min_size=width, max_size=width), max_size=6),
    )
    return headers, rows


def _columns(headers: list[str], rows: list[list[str]]) -> list[list[str]]:
    return [[row[p] for row in rows] for p in range(len(headers))]


def _tabulated(
    headers: list[str], rows: list[list[str]], fmt: str = "simple", coloured: int | None = None
) -> str:
    rows = [list(row) for row in rows]
    if coloured is not None:
        for row in rows:
            code = STATUS_COLOURS.get(row[coloured])
            if code:
                row[coloured] = f"\x1b[{code}m{row[coloured]}\x1b[0m"
    return tabulate.tabulate(rows, headers=headers, tablefmt=fmt, disable_numparse=True)


@given(tables())
def test_simple_is_tabulates_simple(table: tuple[list[str], list[list[str]]]) -> None:
    """Any plain cells, on one line or several, empty or not: the same text as tabulate's."""
    headers, rows = table
    columns = _columns(headers, rows)
    assert plain(headers, columns, several_lines=True)
    assert simple(headers, columns) == _tabulated(headers, rows)


@given(tables(lines=1))
def test_github_is_tabulates_github(table: tuple[list[str], list[list[str]]]) -> None:
    headers, rows = table
    columns = _columns(headers, rows)
    assert plain(headers, columns)
    assert github(headers, columns) == _tabulated(headers, rows, "github")


@given(tables(), st.data())
def test_coloured_statuses_are_tabulates(
    table: tuple[list[str], list[list[str]]], data: st.DataObject
) -> None:
    """A coloured status column: tabulate pads it by its visible width, and so does simple."""
    headers, rows = table
    at = data.draw(st.integers(0, len(headers) - 1))
    for row in rows:
        row[at] = data.draw(st.sampled_from(["", "implemented", "broken", "other", "in_progress"]))
    columns = _columns(headers, rows)
    assert plain(headers, columns, several_lines=True, coloured=at)
    expected = _tabulated(headers, rows, coloured=at)
    assert simple(headers, columns, at, STATUS_COLOURS) == expected
    assert "\x1b[" in expected or not any(row[at] in STATUS_COLOURS for row in rows)


@given(st.sampled_from([" a", "a ", "é", "a\tb", "\x1b[1mx", "a\n", "a\n b", "a \nb"]))
def test_other_cells_are_left_to_tabulate(cell: str) -> None:
    """Wide, invisible or space-edged text is measured by tabulate, not here."""
    assert not plain(["h"], [[cell]], several_lines=True)


def test_several_lines_only_where_asked_and_never_in_the_coloured_column() -> None:
    assert not plain(["status"], [["a\nb"]])
    assert plain(["status"], [["a\nb"]], several_lines=True)
    assert not plain(["status"], [["a\nb"]], several_lines=True, coloured=0)


@given(st.integers(0, 127), st.booleans())
def test_any_ascii_character_inside_a_cell(code: int, several_lines: bool) -> None:
    """A cell holding any ASCII character between two letters is written here exactly when
    the character is printable, or is a line break and several lines are allowed."""
    character = chr(code)
    expected = character.isprintable() or (character == "\n" and several_lines)
    for headers, columns in ((["h"], [["x", f"a{character}b"]]), ([f"a{character}b"], [["x"]])):
        assert plain(headers, columns, several_lines=several_lines) == expected
