"""Terminal tables: fitted tables written by ``claimtrack.report.quicktable`` are the ones
tabulate writes, byte for byte, wrapped cells, headers and colours included."""

from __future__ import annotations

from typing import Any

import pytest
import tabulate

import claimtrack
from claimtrack.report import claim_table, quicktable, status_table
from claimtrack.report.fit import MULTILINE_FORMATS, fit

quicktable_simple = quicktable.simple


def test_the_multiline_formats_are_tabulates() -> None:
    assert frozenset(tabulate.multiline_formats) == MULTILINE_FORMATS


@pytest.mark.parametrize("width", [80, 100, 140])
@pytest.mark.parametrize("colour", [False, True])
def test_the_bundled_reports_fit_as_tabulate_would(
    width: int, colour: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bundled reports at several widths, coloured or not: the same text either way."""
    ledger = claimtrack.datasets.pakistan_iran()
    tables = [status_table(ledger, "2018-07-31"), claim_table(ledger, "2019-12-31")]
    written: list[str] = []

    def simple(*args: Any) -> str:
        written.append(quicktable_simple(*args))
        return written[-1]

    monkeypatch.setattr(quicktable, "simple", simple)
    ours = [fit(table, width=width, colour=colour) for table in tables]
    assert written  # the tables were written by quicktable, not tabulate
    monkeypatch.setattr(quicktable, "plain", lambda *_, **__: False)  # always tabulate
    assert [fit(table, width=width, colour=colour) for table in tables] == ours
    assert any("\n\n" in text for text in ours)  # wrapped rows were compared
