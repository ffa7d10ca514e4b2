"""The history commands: record --reason, correct, withdraw, check, progress, history, and the
two times on reports (--known-by, diff --known-from/--known-to)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

import claimtrack
from claimtrack import CommitmentStatus
from claimtrack.cli import main
from tests.ledgers import bundled_copy


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    """A copy of the bundled ledger (and its archived texts) to change."""
    return bundled_copy(tmp_path)


ITEM = "c-continue-engagements"
UNUSUAL = [ITEM, "--status", "reversed", "--on", "2019", "--evidence", "ev-n-bagheri-meetings"]


def test_record_needs_a_reason_for_an_unusual_move(
    ledger: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = ledger.read_bytes()
    code, out, err = run(["record", "--ledger", str(ledger), *UNUSUAL], capsys)
    assert (code, out) == (1, "")
    assert "is unusual" in err and "[rule: reason-required]" in err
    assert ledger.read_bytes() == before
    code, out, _ = run(
        ["record", "--ledger", str(ledger), *UNUSUAL, "--reason", "talks suspended"], capsys
    )
    assert code == 0
    assert out == f"{ITEM}: reversed on 2019 (unusual), citing ev-n-bagheri-meetings\n"
    loaded = claimtrack.load(ledger)
    assert loaded.history(ITEM)[-1].note == "talks suspended"
    assert [item.id for item, _ in loaded.unusual()] == [ITEM]
    code, out, _ = run(["validate", "--ledger", str(ledger)], capsys)
    assert code == 0
    assert out.splitlines()[0].endswith("; 1 unusual moves, each with its reason")
    entry = loaded.history(ITEM)[-1]
    before = loaded.history(ITEM)[-2].status.value
    assert out.splitlines()[1:] == [
        f"  unusual move: {ITEM} {before} -> reversed on 2019 ({entry.id}): talks suspended"
    ]


def test_record_strict_refuses_an_unusual_move(
    ledger: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["record", "--ledger", str(ledger), *UNUSUAL, "--reason", "why", "--strict"]
    code, _, err = run(argv, capsys)
    assert code == 1 and "[rule: transition-table]" in err


def test_correct_then_history_shows_both(ledger: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wrong = claimtrack.load(ledger).history(ITEM)[1].id
    assert wrong is not None
    argv = ["correct", "--ledger", str(ledger), wrong, "--on", "2024-03-05"]
    code, out, err = run([*argv, "--reason", "misdated", "--date", "2018-07?"], capsys)
    assert code == 0, err
    loaded = claimtrack.load(ledger)
    replacement = loaded.history(ITEM)[1]
    assert replacement.date.edtf == "2018-07?" and replacement.id != wrong
    assert out == f"{ITEM}: {wrong} corrected by {replacement.id}: in_progress on 2018-07?\n"
    code, out, _ = run(["history", "--ledger", str(ledger), ITEM, "--format", "plain"], capsys)
    assert code == 0
    assert wrong in out and f"corrected 2024-03-05 by {replacement.id}: misdated" in out


def test_withdraw(ledger: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wrong = claimtrack.load(ledger).history(ITEM)[1].id
    assert wrong is not None
    argv = ["withdraw", "--ledger", str(ledger), wrong, "--on", "2024-03-05", "--reason", "dup"]
    code, out, _ = run(argv, capsys)
    assert (code, out) == (0, f"{ITEM}: {wrong} withdrawn; now announced\n")
    assert len(claimtrack.load(ledger).history(ITEM)) == 1


def test_check_records_documented_absence(ledger: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["check", "--ledger", str(ledger), "c-hotline", "--on", "2020-01-15", "--date", "2019"]
    argv += ["--searched", "Dawn, IRNA archives", "--sought", "hotline use", "--by", "monitor"]
    code, out, err = run([*argv, "--status", "unverifiable"], capsys)
    assert code == 0, err
    assert out == "c-hotline: unverifiable from 2019, on a check made 2020-01-15\n"
    entry = claimtrack.load(ledger).history("c-hotline")[-1]
    assert entry.status is CommitmentStatus.UNVERIFIABLE and entry.evidence == ()
    assert entry.check is not None and entry.check.searched == "Dawn, IRNA archives"
    # A year later, nothing again: the check confirms the status, no move, nothing unusual.
    argv = ["check", "--ledger", str(ledger), "c-hotline", "--on", "2021-01-15", "--date", "2020"]
    code, out, err = run([*argv, "--searched", "Dawn, IRNA archives"], capsys)
    assert (code, out) == (0, "c-hotline: unverifiable from 2020, on a check made 2021-01-15\n")
    assert claimtrack.load(ledger).unusual() == []


def test_progress_and_the_status_table(ledger: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["progress", "--ledger", str(ledger), "c-fencing-iran", "--on", "2018-06"]
    argv += ["--value", "581", "--of", "830", "--unit", "km", "--evidence", "ev-t-steps-agreed"]
    code, out, err = run(argv, capsys)
    assert (code, out) == (0, "c-fencing-iran: 70% (2018-06)\n"), err
    assert '"value": 581,' in ledger.read_text(encoding="utf-8")
    argv = ["report", "--ledger", str(ledger), "--as-of", "2018-12-31", "--format", "csv"]
    code, out, _ = run(argv, capsys)
    assert code == 0
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(out))}
    assert rows["c-fencing-iran"]["progress"] == "70% (2018-06)"
    assert rows["c-hotline"]["progress"] == ""
    code, out, _ = run(["report", "--ledger", str(ledger), "--as-of", "2018-12-31"], capsys)
    assert "70% (2018-06)" in out  # in the terminal's narrow view too
    code, out, _ = run(["history", "--ledger", str(ledger), "c-fencing-iran"], capsys)
    assert code == 0 and "progress 70% (2018-06)" in out  # and in the item's history view
    with pytest.raises(SystemExit) as exited:  # a figure resting on nothing: a usage error
        argv = ["progress", "--ledger", str(ledger), "c-fencing-iran", "--on", "2018"]
        main([*argv, "--value", "5", "--unit", "km"])
    assert exited.value.code == 2


def test_known_by_on_reports_and_the_learned_digest(capsys: pytest.CaptureFixture[str]) -> None:
    """The bundled ledger: the 2018 article was published 2018-07?, so on 2018-06-30 only the
    2017 article's items were known, and the 2018 moves to in_progress were not."""
    code, out, _ = run(["report", "--known-by", "2018-06-30", "--format", "csv"], capsys)
    assert code == 0
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(out))}
    assert rows[ITEM]["status"] == "announced"
    assert "c-deepen-military-cooperation" not in out
    code, out, _ = run(["report", "--known-by", "2018-06-30", "--columns", "id"], capsys)
    assert out.startswith("Commitments as of 2018-06-30, as known on 2018-06-30")
    code, out, _ = run(["report", "--as-of", "2018-06-30", "--format", "csv"], capsys)
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(out))}
    assert (rows[ITEM]["status"], rows[ITEM]["since"]) == ("in_progress", "2018-06")
    argv = ["diff", "--known-from", "2018-06-30", "--known-to", "2018-07-31", "--format", "csv"]
    code, out, _ = run(argv, capsys)
    assert code == 0
    learned = list(csv.DictReader(io.StringIO(out)))
    assert list(learned[0]) == ["known", "change", "item", "what"]
    assert {"known": "2018-07-31", "change": "new commitment",
            "item": "c-deepen-military-cooperation",
            "what": "Pakistan and Iran deepen their military cooperation."} in learned  # fmt: skip
    [moved] = [row for row in learned if row["item"] == ITEM]
    assert (moved["known"], moved["change"]) == ("2018-07-31", "status")
    assert moved["what"].startswith("in_progress from 2018-06: ")
    with pytest.raises(SystemExit) as exited:
        main(["diff", "--from", "2018", "--known-to", "2019"])
    assert exited.value.code == 2


@pytest.mark.parametrize("command", ["correct", "withdraw", "check", "progress", "history"])
def test_help_has_an_example(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    assert f"Example:\n  claimtrack {command} " in out
