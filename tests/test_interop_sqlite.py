"""SQLite and CSV-per-entity exports: the round trip, the schema's keys and indexes, determinism."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import attrs
import pytest

from claimtrack import Ledger, dumps
from claimtrack.cli import main
from claimtrack.errors import UnsafeTarget
from claimtrack.interop import import_records, read_mapping
from claimtrack.interop.sqlite import DatabaseProblem, read_sqlite, sqlite_bytes, write_sqlite
from claimtrack.interop.tables import SCHEMA, NeedsFolder, ledger_rows, walk, write_csv_tables
from claimtrack.ledger import COLLECTIONS
from tests.conftest import FIXTURES
from tests.ledgers import demo_ledger

TRACKERS = FIXTURES / "trackers"


def test_sqlite_round_trip_gives_an_equal_ledger(tmp_path: Path) -> None:
    """Export to SQLite and read back: an equal ledger that saves to the same bytes."""
    ledger = demo_ledger()
    path = tmp_path / "demo.sqlite"
    write_sqlite(ledger, path)
    again = read_sqlite(path)
    assert again == ledger
    assert dumps(again) == dumps(ledger)
    assert again.commitments["c-bridge"].history[1].progress is not None
    assert again.claims["cl-denial"].history[0].date.inferred == "the update is undated"


def test_sqlite_round_trip_of_an_imported_tracker(tmp_path: Path) -> None:
    """The imported Exampleville ledger (inferred dates, notes, unanchored evidence) survives."""
    snapshots = sorted(TRACKERS.glob("exampleville-*.csv"))
    ledger = import_records(snapshots, read_mapping(TRACKERS / "exampleville.toml")).ledger
    write_sqlite(ledger, tmp_path / "exampleville.sqlite")
    assert read_sqlite(tmp_path / "exampleville.sqlite") == ledger


def test_library_writers_refuse_an_existing_file_unless_forced(tmp_path: Path) -> None:
    """``write_sqlite`` and ``write_csv_tables`` never replace a file silently: nothing is lost."""
    ledger = demo_ledger()
    database = tmp_path / "demo.sqlite"
    database.write_bytes(b"an analyst's own database")
    with pytest.raises(UnsafeTarget, match="exists; pass --force"):
        write_sqlite(ledger, database)
    assert database.read_bytes() == b"an analyst's own database"
    write_sqlite(ledger, database, force=True)
    assert read_sqlite(database) == ledger

    folder = tmp_path / "tables"
    folder.mkdir()
    (folder / "claims.csv").write_text("kept\n", encoding="utf-8")
    with pytest.raises(UnsafeTarget, match=r"claims\.csv"):
        write_csv_tables(ledger, folder)
    assert sorted(path.name for path in folder.iterdir()) == ["claims.csv"]
    assert (folder / "claims.csv").read_text(encoding="utf-8") == "kept\n"
    written = write_csv_tables(ledger, folder, force=True)
    assert (folder / "claims.csv") in written
    assert (folder / "claims.csv").read_text(encoding="utf-8") != "kept\n"


def test_one_table_per_entity_with_keys_and_rows(tmp_path: Path) -> None:
    """Every collection is a table keyed by id; lists are child tables ordered by position."""
    path = tmp_path / "demo.sqlite"
    write_sqlite(demo_ledger(), path)
    with sqlite3.connect(path) as connection:
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        assert set(COLLECTIONS) <= tables
        assert {"commitment_history", "commitment_history_evidence", "claim_relations"} <= tables
        assert connection.execute(
            "SELECT id, text, due, target_value FROM commitments ORDER BY id"
        ).fetchall() == [
            ("c-bridge", "Open the river bridge by June.", "2020-06", 830.0),
            ("c-ramp", "Build the bridge's access ramp.", None, None),
        ]
        assert connection.execute(
            "SELECT commitment, position, date, status, progress_value, note"
            " FROM commitment_history WHERE commitment = 'c-bridge' ORDER BY position"
        ).fetchall() == [
            ("c-bridge", 0, "2020-03-02", "announced", None, None),
            ("c-bridge", 1, "2020-05", "stalled", 120.0, "Work stopped."),
        ]
        assert connection.execute(
            "SELECT claim, date, date_inferred FROM claim_history WHERE claim = 'cl-denial'"
        ).fetchall() == [("cl-denial", "2020-05~", "the update is undated")]


def test_references_are_foreign_keys_and_indexed(tmp_path: Path) -> None:
    """Each referring column has a foreign key and an index; a dangling row is caught."""
    path = tmp_path / "demo.sqlite"
    write_sqlite(demo_ledger(), path)
    with sqlite3.connect(path) as connection:
        keys = connection.execute("PRAGMA foreign_key_list(commitment_obligors)").fetchall()
        assert {(row[2], row[3], row[4]) for row in keys} == {
            ("commitments", "commitment", "id"),
            ("actors", "actor", "id"),
        }
        history = connection.execute(
            "PRAGMA foreign_key_list(commitment_history_evidence)"
        ).fetchall()
        assert {(row[2], row[3], row[4]) for row in history} >= {
            ("commitment_history", "commitment", "commitment"),
            ("commitment_history", "entry", "position"),
        }
        indexes = {row[1] for row in connection.execute("PRAGMA index_list(evidence)")}
        assert "evidence_source" in indexes
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        connection.execute("INSERT INTO commitment_obligors VALUES ('c-ramp', 0, 'nobody')")
        dangling = connection.execute("PRAGMA foreign_key_check").fetchall()
        assert [row[:3] for row in dangling] == [("commitment_obligors", 2, "actors")]


def test_sqlite_export_is_deterministic() -> None:
    """The same ledger gives the same database bytes, whatever order its records were given in."""
    ledger = demo_ledger()
    assert sqlite_bytes(ledger) == sqlite_bytes(ledger)
    shuffled = type(ledger)(
        sources=list(reversed(list(ledger.sources))),
        actors=list(reversed(list(ledger.actors))),
        events=list(ledger.events),
        agreements=list(ledger.agreements),
        commitments=list(reversed(list(ledger.commitments))),
        claims=list(reversed(list(ledger.claims))),
        evidence=list(reversed(list(ledger.evidence))),
    )
    assert sqlite_bytes(shuffled) == sqlite_bytes(ledger)


def test_reading_something_else_is_refused(tmp_path: Path) -> None:
    """A missing file, a non-database and a foreign database each say what is wrong."""
    with pytest.raises(DatabaseProblem, match="no such file"):
        read_sqlite(tmp_path / "missing.sqlite")
    text = tmp_path / "text.sqlite"
    text.write_text("not a database at all, just some text" * 30, encoding="utf-8")
    with pytest.raises(DatabaseProblem, match="not a readable SQLite database"):
        read_sqlite(text)
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE things (id TEXT)")
    with pytest.raises(DatabaseProblem, match="not a claimtrack database"):
        read_sqlite(other)


def test_csv_per_entity_writes_every_table(tmp_path: Path) -> None:
    """One CSV per table, header first, the same rows as the SQLite tables."""
    written = write_csv_tables(demo_ledger(), tmp_path / "tables")
    assert sorted(path.name for path in written) == sorted(f"{t.name}.csv" for t, _ in walk())
    with (tmp_path / "tables" / "commitment_history.csv").open(
        encoding="utf-8", newline=""
    ) as stream:
        rows = list(csv.reader(stream))
    # Every field of a history entry, in field order (the schema is derived from the model):
    # its id, date, status, progress, note and the check it may rest on.
    assert rows[0] == [
        "commitment",
        "position",
        "id",
        "date",
        "date_inferred",
        "status",
        "progress_value",
        "progress_unit",
        "progress_description",
        "note",
        "check_by",
        "check_on",
        "check_on_inferred",
        "check_searched",
        "check_sought",
        "check_note",
    ]
    entry = demo_ledger().commitments["c-bridge"].history[1]
    assert rows[2] == [
        "c-bridge", "1", entry.id, "2020-05", "", "stalled", "120.0", "m", "", "Work stopped.",
        *[""] * 6,
    ]  # fmt: skip
    assert len(rows) - 1 == len(ledger_rows(demo_ledger())["commitment_history"])
    assert len(SCHEMA) == len(COLLECTIONS)


def test_csv_per_entity_quotes_line_breaks_in_cells(tmp_path: Path) -> None:
    """A note holding a lone carriage return or newline stays one cell of one row."""
    ledger = demo_ledger()
    ramp = ledger.commitments["c-ramp"]
    for note in ("line one\rline two", "line one\nline two"):
        records = [
            attrs.evolve(ramp, note=note) if c.id == "c-ramp" else c for c in ledger.commitments
        ]
        changed = Ledger(
            sources=list(ledger.sources),
            actors=list(ledger.actors),
            events=list(ledger.events),
            agreements=list(ledger.agreements),
            commitments=records,
            claims=list(ledger.claims),
            evidence=list(ledger.evidence),
        )
        write_csv_tables(changed, tmp_path / "tables", force=True)
        with (tmp_path / "tables" / "commitments.csv").open(encoding="utf-8", newline="") as stream:
            rows = list(csv.reader(stream))
        assert len(rows) == 3
        assert rows[2][rows[0].index("note")] == note


def test_cli_export_and_import_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`export --to sqlite` then `import FILE.sqlite` gives the bundled ledger back unchanged."""
    from claimtrack import datasets

    database, back = tmp_path / "ledger.sqlite", tmp_path / "ledger.json"
    assert main(["export", "--to", "sqlite", "--out", str(database)]) == 0
    assert main(["import", str(database), "--out", str(back)]) == 0
    assert back.read_text(encoding="utf-8") == dumps(datasets.pakistan_iran())
    assert main(["export", "--to", "csv-per-entity", "--out", str(tmp_path / "csv")]) == 0
    assert (tmp_path / "csv" / "claims.csv").is_file()
    capsys.readouterr()
    with pytest.raises(SystemExit) as usage:  # a usage error: exit 2
        main(["export", "--to", "csv-per-entity"])
    assert usage.value.code == 2
    assert "give --out FOLDER" in capsys.readouterr().err
    assert issubclass(NeedsFolder, ValueError)
