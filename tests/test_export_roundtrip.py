"""Properties: the SQLite and CSV-per-entity exports hold a whole ledger, read back equal."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from claimtrack import Evidence, Ledger, Measure, PartialDate, Progress, Stance, dumps, load
from claimtrack.errors import DatabaseProblem
from claimtrack.interop.sqlite import read_sqlite, write_sqlite
from claimtrack.interop.tables import Value, csv_tables, ledger_from_rows, walk
from claimtrack.ledger import COLLECTIONS
from claimtrack.report.table import _FORMULA_START
from tests.ledgers import demo_ledger, valid, write
from tests.strategies import corrected_ledgers, ledgers

D = PartialDate.parse


def _through_sqlite(ledger: Ledger) -> Ledger:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ledger.sqlite"
        write_sqlite(ledger, path)
        return read_sqlite(path)


def _fits_sqlite(ledger: Ledger) -> bool:
    """SQLite holds whole numbers up to 64 bits (larger ones are refused: see below)."""
    return all(abs(row) < 2**63 for row in _whole_numbers(ledger))


def _whole_numbers(ledger: Ledger) -> list[int]:
    items = (*ledger.commitments, *ledger.claims)
    measures = [c.target for c in ledger.commitments] + [
        change.progress
        for item in items
        for change in (*item.history, *(c.superseded for c in item.corrections))
    ]
    return [m.value for m in measures if m is not None and type(m.value) is int]


@settings(max_examples=40)
@given(ledgers().filter(_fits_sqlite))
def test_sqlite_export_reads_back_equal(ledger: Ledger) -> None:
    """Any valid ledger written to SQLite reads back equal (every record, every field) and
    saves to the same bytes."""
    again = _through_sqlite(ledger)
    assert again == ledger
    assert dumps(again) == dumps(ledger)


def test_sqlite_refuses_numbers_beyond_64_bits_clearly() -> None:
    """A measure SQLite cannot hold is a DatabaseProblem naming the table, not a traceback."""
    demo = demo_ledger()
    bridge = demo.commitments["c-bridge"]
    ledger = Ledger(
        **{name: list(demo.records(name)) for name in COLLECTIONS if name != "commitments"},
        commitments=[
            attrs.evolve(bridge, target=Measure(2**70, "m")) if c is bridge else c
            for c in demo.commitments
        ],
    )
    with pytest.raises(DatabaseProblem, match="'commitments' holds a whole number too large"):
        _through_sqlite(ledger)


def test_sqlite_keeps_whole_number_measures_whole() -> None:
    """A measure of 830 (not 830.0) reads back as 830: number columns keep each value's type."""
    demo = demo_ledger()
    bridge = demo.commitments["c-bridge"]
    ledger = Ledger(
        **{name: list(demo.records(name)) for name in COLLECTIONS if name != "commitments"},
        commitments=[
            attrs.evolve(bridge, target=Measure(830, "m")) if c is bridge else c
            for c in demo.commitments
        ],
    )
    assert '"value": 830,' in dumps(ledger)
    assert dumps(_through_sqlite(ledger)) == dumps(ledger)


def _cell(text: str, kind: str) -> Value:
    """A CSV cell as its column's SQL type: empty is missing."""
    if text == "":
        return None
    if kind == "INTEGER":
        return int(text)
    if kind == "REAL":  # a number keeps its written form: 830 is whole, 830.0 is not
        return int(text) if text.lstrip("-").isdigit() else float(text)
    if text.startswith("'") and text[1:].startswith(_FORMULA_START):
        return text[1:]  # the guard every claimtrack CSV puts before formula-like text
    return text


def _read_csv_tables(files: dict[str, bytes]) -> dict[str, list[tuple[Value, ...]]]:
    """The rows of every table, read from the CSV files with the schema's column types."""
    rows: dict[str, list[tuple[Value, ...]]] = {}
    for table, key in walk():
        kinds = ["TEXT"] + ["INTEGER"] * (len(key) - 1) + [c.type for c in table.columns]
        text = files[f"{table.name}.csv"].decode("utf-8")
        reader = csv.reader(io.StringIO(text, newline=""))
        header = next(reader)
        assert header == [*key, *(column.name for column in table.columns)]
        rows[table.name] = [
            tuple(_cell(cell, kind) for cell, kind in zip(row, kinds, strict=True))
            for row in reader
        ]
    return rows


def _no_empty_text(ledger: Ledger) -> bool:
    """CSV writes a missing value and an empty string alike (an empty cell), and guards text
    that looks like a formula with a leading ' (so text already starting with ' is ambiguous)."""
    text = dumps(ledger)
    return '""' not in text and "\"'" not in text


@settings(max_examples=40)
@given(ledgers().filter(_no_empty_text))
def test_csv_tables_read_back_equal(ledger: Ledger) -> None:
    """Any valid ledger without empty strings survives the CSV files per entity: read back
    with the schema's column types, the rows rebuild an equal ledger."""
    again = ledger_from_rows(_read_csv_tables(csv_tables(ledger)))
    assert again == ledger


@settings(max_examples=25)
@given(corrected_ledgers().filter(_fits_sqlite))
def test_sqlite_export_keeps_corrections_with_their_evidence(ledger: Ledger) -> None:
    """Corrected and withdrawn entries read back equal from SQLite, each superseded entry with
    the evidence it cited."""
    again = _through_sqlite(ledger)
    assert again == ledger
    assert dumps(again) == dumps(ledger)


# CSV cannot tell an empty string from a missing value: both filters reject often.
@settings(max_examples=25, suppress_health_check=[HealthCheck.filter_too_much])
@given(corrected_ledgers(ledgers(min_items=1).filter(_no_empty_text)).filter(_no_empty_text))
def test_csv_tables_keep_corrections_with_their_evidence(ledger: Ledger) -> None:
    """Corrected and withdrawn entries survive the CSV files, superseded evidence included."""
    assert ledger_from_rows(_read_csv_tables(csv_tables(ledger))) == ledger


def test_superseded_evidence_has_a_table_of_its_own(tmp_path: Path) -> None:
    """The evidence a corrected entry cited is one row per id in
    ``commitment_corrections_superseded_evidence``, keyed by commitment, correction, position."""
    ledger = load(write(tmp_path, valid()))
    entry = ledger.commitments["c-fence"].history[1]
    assert entry.evidence == ("ev-1",)
    on = PartialDate.parse("2019")
    corrected = ledger.correct(entry.id, on=on, reason="misdated", note="checked again")
    files = csv_tables(corrected)
    lines = files["commitment_corrections_superseded_evidence.csv"].decode().splitlines()
    assert lines == ["commitment,correction,position,evidence", "c-fence,0,0,ev-1"]
    assert ledger_from_rows(_read_csv_tables(files)) == corrected
    assert _through_sqlite(corrected) == corrected


def test_a_figure_correction_survives_sqlite_and_csv_tables(tmp_path: Path) -> None:
    """The superseded figure is a row of ``commitment_progress_corrections``, the evidence it
    cited rows of ``..._superseded_evidence``; both formats read back an equal ledger."""
    ledger = load(write(tmp_path, valid()))
    figure = Progress(date=D("2018-12"), value=658, of=830, unit="km", evidence=("ev-1",))
    second = Evidence(id="ev-2", source="src-a", stance=Stance.MENTIONS)
    before = ledger.add(second).add_progress("c-fence", figure)
    wrong = before.commitments["c-fence"].progress[0].id or ""
    corrected = before.correct_progress(
        wrong, on=D("2019-06"), reason="the source says 568", value=568, evidence=["ev-2"]
    )
    after = corrected.withdraw_progress(
        corrected.commitments["c-fence"].progress[0].id or "", on=D("2020-02"), reason="not ours"
    )
    files = csv_tables(after)
    rows = list(csv.DictReader(io.StringIO(files["commitment_progress_corrections.csv"].decode())))
    assert [(r["superseded_id"], r["superseded_value"], r["reason"]) for r in rows] == [
        (wrong, "658", "the source says 568"),
        (corrected.commitments["c-fence"].progress[0].id, "568", "not ours"),
    ]
    assert [r["replacement"] for r in rows] == [corrected.commitments["c-fence"].progress[0].id, ""]
    cited = files["commitment_progress_corrections_superseded_evidence.csv"].decode().splitlines()
    assert cited == [
        "commitment,progress_correction,position,evidence",
        "c-fence,0,0,ev-1",
        "c-fence,1,0,ev-2",
    ]
    assert ledger_from_rows(_read_csv_tables(files)) == after
    again = _through_sqlite(after)
    assert again == after and dumps(again) == dumps(after)
