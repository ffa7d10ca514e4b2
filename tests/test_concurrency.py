"""Concurrent updates lose nothing: two processes recording into one ledger file at once.

Each worker process calls the ``claimtrack record`` entry point (``claimtrack.cli.main``) 100 times
on the same file, every call a full locked read-validate-write cycle; some calls cite a new quote,
the rest existing evidence. Afterwards every one of the 200 changes must be in the file, in order,
and the file must validate. Figures are printed (``pytest -s``) for RELIABILITY.md.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import claimtrack
from claimtrack import CommitmentStatus, check_quotes
from claimtrack.amend import lock_path
from claimtrack.cli import main
from tests.conftest import ROOT

WORKERS = 2
CALLS = 100

TEXT = (
    "The two armies agreed to fence the border and to set up a hotline.\n"
    "Work on the fence began in the spring. Work on the hotline began in May.\n"
)

#: One worker: ``CALLS`` record commands on its own commitment, alternating two statuses with
#: rising dates; every tenth cites a new quote. Prints the number of failed calls.
WORKER = """
import datetime as dt, sys
from claimtrack.cli import main
ledger, item, quote, calls = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
failed = 0
for step in range(calls):
    status = "in_progress" if step % 2 == 0 else "partially_implemented"
    day = (dt.date(2019, 1, 1) + dt.timedelta(days=step)).isoformat()
    cited = ["--evidence", "ev-agreed"]
    if step % 10 == 0:
        cited = ["--source", "src-a", "--quote", quote, "--stance", "supports"]
    code = main(["record", "--ledger", ledger, item, "--status", status, "--on", day,
                 "--note", f"{item} step {step}", *cited])
    failed += code != 0
print(failed)
"""


def write_ledger(folder: Path) -> Path:
    """A ledger with one commitment per worker, each announced, and the archived text."""
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    commitments = [
        {
            "id": f"c-{worker}",
            "text": f"Commitment {worker}",
            "category": "border",
            "history": [{"date": "2018-06", "status": "announced", "evidence": ["ev-agreed"]}],
        }
        for worker in range(WORKERS)
    ]
    document = {
        "format_version": 1,
        "sources": [{"id": "src-a", "title": "A", "kind": "news", "text": "a.txt"}],
        "commitments": commitments,
        "evidence": [
            {
                "id": "ev-agreed",
                "source": "src-a",
                "quote": {"exact": "agreed to fence the border"},
                "stance": "supports",
            }
        ],
    }
    path = folder / "ledger.json"
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")
    return path


QUOTES = ("Work on the fence began in the spring.", "Work on the hotline began in May.")


def test_two_processes_recording_at_once_lose_nothing(tmp_path: Path) -> None:
    """2 processes x 100 record calls on one file: all 200 changes land, in order, valid."""
    path = write_ledger(tmp_path)
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(path), f"c-{worker}", QUOTES[worker], str(CALLS)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=environment,
        )
        for worker in range(WORKERS)
    ]
    results = [worker.communicate(timeout=300) for worker in workers]
    elapsed = time.perf_counter() - started
    for worker, (out, err) in zip(workers, results, strict=True):
        assert worker.returncode == 0, err
        assert out.splitlines()[-1] == "0", err  # no record call failed
        assert "Traceback" not in err

    ledger = claimtrack.load(path)
    check_quotes(ledger, tmp_path)
    recorded = 0
    for worker in range(WORKERS):
        history = ledger.history(f"c-{worker}")
        assert len(history) == 1 + CALLS
        for step, change in enumerate(history[1:]):
            assert change.note == f"c-{worker} step {step}"
            assert str(change.date) == (dt.date(2019, 1, 1) + dt.timedelta(days=step)).isoformat()
            wanted = "in_progress" if step % 2 == 0 else "partially_implemented"
            assert change.status is CommitmentStatus(wanted)
        recorded += len(history) - 1
    # One new evidence record per worker: its quote, cited again and again, is reused.
    assert len(ledger.evidence) == 1 + WORKERS
    assert sorted(os.listdir(tmp_path)) == [".ledger.json.lock", "a.txt", "ledger.json"]
    lost = WORKERS * CALLS - recorded
    print(
        f"\n[reliability] concurrency: {WORKERS} processes x {CALLS} record calls at once on one"
        f" ledger in {elapsed:.1f} s: {recorded} changes recorded, {lost} lost, file valid"
    )
    assert lost == 0


def test_record_commands_as_separate_programs(tmp_path: Path) -> None:
    """Ten `python -m claimtrack record` runs started together: every change is kept."""
    path = write_ledger(tmp_path)
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    runs = [
        subprocess.Popen(
            [
                *(sys.executable, "-m", "claimtrack", "record", "--ledger", str(path)),
                *(f"c-{step % WORKERS}", "--status", "in_progress", "--on", "2019-05"),
                *("--note", f"run {step}", "--evidence", "ev-agreed"),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=environment,
        )
        for step in range(10)
    ]
    outcomes = [(run.wait(120), run.stderr.read() if run.stderr else "") for run in runs]
    # in_progress -> in_progress is refused by the table, so per commitment exactly one run wins
    # and the others are refused cleanly (exit 1, the rule on stderr, no traceback).
    assert sorted(code for code, _ in outcomes) == [0, 0] + [1] * 8
    for code, err in outcomes:
        if code:
            assert "cannot move" in err and "[rule: transition-table]" in err
            assert "Traceback" not in err
    ledger = claimtrack.load(path)
    assert [len(ledger.history(f"c-{worker}")) for worker in range(WORKERS)] == [2, 2]


def test_record_refusal_leaves_the_file_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A refused transition exits 1 with the rule's message and does not rewrite the file."""
    path = write_ledger(tmp_path)
    before = path.read_bytes()
    code = main(
        [
            *("record", "--ledger", str(path), "c-0", "--status", "implemented"),
            *("--on", "2019", "--source", "src-a", "--quote", QUOTES[0]),
        ]
    )
    assert code == 1
    assert capsys.readouterr().err == (
        "claimtrack: 'implemented' needs evidence that supports it; the cited evidence only"
        " mentions [rule: implemented-needs-supports]\n"
    )
    assert path.read_bytes() == before


def test_lock_is_a_sidecar_file(tmp_path: Path) -> None:
    """The lock lives in .NAME.lock beside the ledger (save replaces the ledger's inode)."""
    path = write_ledger(tmp_path)
    assert lock_path(path) == tmp_path / ".ledger.json.lock"
    inode = path.stat().st_ino
    assert (
        main(
            [
                *("record", "--ledger", str(path), "c-0", "--status", "in_progress"),
                *("--on", "2019", "--evidence", "ev-agreed"),
            ]
        )
        == 0
    )
    assert path.stat().st_ino != inode  # replaced atomically, so a lock on it would be lost
    assert lock_path(path).exists()
