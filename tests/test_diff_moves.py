"""The diff names the item of each status move, lists rows in date order, and never shows a check
that only confirms the status as a move; "since" is the date the status last changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import claimtrack
from claimtrack import (
    Commitment,
    CommitmentStatus,
    Evidence,
    Ledger,
    PartialDate,
    Source,
    SourceKind,
    Stance,
    StatusChange,
    TextQuote,
)
from claimtrack.cli import main
from claimtrack.report import diff, status_table
from claimtrack.report.card import card
from claimtrack.report.timeline import timeline_entries

D = PartialDate.parse


def _ledger() -> Ledger:
    """One pledge made in 2020, broken in March 2021, then a check in 2022 confirming it is
    still broken; a second pledge made in 2021-01 and started in 2021-02."""
    source = Source(id="src", title="A source", kind=SourceKind.NEWS, published=D("2020-01"))
    evidence = Evidence(id="ev", source="src", quote=TextQuote("Agreed."), stance=Stance.SUPPORTS)
    broken = Commitment(
        id="c-wall",
        text="Build the wall",
        category="works",
        history=(
            StatusChange(date=D("2020-01"), status=CommitmentStatus.ANNOUNCED, evidence=("ev",)),
            StatusChange(date=D("2021-03-05"), status=CommitmentStatus.BROKEN, evidence=("ev",)),
        ),
    )
    started = Commitment(
        id="c-bridge",
        text="Open the bridge",
        category="works",
        history=(
            StatusChange(date=D("2021-01"), status=CommitmentStatus.ANNOUNCED, evidence=("ev",)),
            StatusChange(
                date=D("2021-02-10"), status=CommitmentStatus.IN_PROGRESS, evidence=("ev",)
            ),
        ),
    )
    ledger = Ledger(sources=[source], evidence=[evidence], commitments=[broken, started])
    return ledger.record_check(
        "c-wall", on=D("2022-06-01"), searched="the archive", sought="news of the wall"
    )


def test_a_status_row_names_the_item_and_both_statuses() -> None:
    table = diff(_ledger(), "2020-12-31", "2021-12-31")
    rows = [row for row in table.rows if row[1] == "status"]
    assert [(row[2], row[3]) for row in rows] == [
        ("c-bridge", "announced -> in_progress: Open the bridge"),
        ("c-wall", "announced -> broken: Build the wall"),
    ]


def test_the_cli_diff_names_the_item_fitted_and_in_data_formats(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ledger.json"
    claimtrack.save(_ledger(), path)
    monkeypatch.setenv("COLUMNS", "80")
    window = ["--from", "2020-12-31", "--to", "2021-12-31"]
    assert main(["diff", "--ledger", str(path), *window]) == 0
    fitted = capsys.readouterr().out
    assert max(len(line) for line in fitted.splitlines()) <= 80
    assert "announced -> broken: Build the wall" in fitted
    assert main(["diff", "--ledger", str(path), *window, "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    moves = [r for r in records if r["change"] == "status"]
    assert [(r["item"], r["what"]) for r in moves] == [
        ("c-bridge", "announced -> in_progress: Open the bridge"),
        ("c-wall", "announced -> broken: Build the wall"),
    ]


def test_diff_rows_are_in_date_order_then_kind_then_id() -> None:
    table = diff(_ledger(), "2020-12-31", "2021-12-31")
    assert [(str(row[0]), row[1], row[2]) for row in table.rows] == [
        ("2021-01", "new commitment", "c-bridge"),
        ("2021-02-10", "status", "c-bridge"),
        ("2021-03-05", "status", "c-wall"),
    ]
    assert diff(_ledger(), "2020-12-31", "2021-12-31").rows == table.rows  # deterministic


def test_a_confirming_check_is_no_move_in_the_diff() -> None:
    table = diff(_ledger(), "2021-12-31", "2022-12-31")
    assert "status" not in table.column("change")
    assert [(row[1], row[2], row[3]) for row in table.rows if row[2] == "c-wall"] == [
        ("checked", "c-wall", "still broken (checked): Build the wall"),
    ]
    assert _ledger().changes_between("2021-12-31", "2022-12-31") == []


def test_a_confirming_check_does_not_move_since() -> None:
    ledger = _ledger()
    assert ledger.status_as_of("c-wall", "2022-12-31").date == D("2022-06-01")  # the check
    since = ledger.status_since("c-wall", "2022-12-31")
    assert (since.status, since.date) == (CommitmentStatus.BROKEN, D("2021-03-05"))
    table = status_table(ledger, "2022-12-31")
    row = table.rows[table.column("id").index("c-wall")]
    assert row[table.position("since")] == D("2021-03-05")
    assert "broken since 2021-03-05" in card(ledger, "c-wall", "2022-12-31")


def test_the_monitor_2024_diff_names_the_liaison_officers_and_orders_january() -> None:
    ledger = claimtrack.datasets.pakistan_iran_monitor()
    table = diff(ledger, "2023-12-31", "2024-12-31")
    moves = [row for row in table.rows if row[1] == "status"]
    assert any("liaison officers" in row[3] and "-> implemented" in row[3] for row in moves)
    keys = [row[0].sort_key() for row in table.rows if isinstance(row[0], PartialDate)]
    assert keys == sorted(keys)
    january = [row for row in moves if str(row[0]).startswith("2024-01")]
    assert len(january) >= 5
    assert [row[0].sort_key() for row in january] == sorted(row[0].sort_key() for row in january)
    assert all(" -> " in row[3] and row[3].split(": ", 1)[1] for row in january)


def test_the_timeline_shows_a_confirming_check_as_checked_not_as_a_move() -> None:
    entries = timeline_entries(_ledger())
    wall = [(entry.kind, entry.what) for entry in entries if entry.item == "c-wall"]
    assert wall == [
        ("pledge", "Build the wall"),
        ("status", "now broken"),
        ("checked", "still broken (checked)"),
    ]
