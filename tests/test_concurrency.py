"""In-place updates: concurrent ones lose nothing, and each command refuses mistakes cleanly.

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
from claimtrack.amend import NewEvidence, amend, evidence_id
from claimtrack.cli import main
from claimtrack.files import lock_path, locked
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
    # in_progress -> in_progress is unusual; each run gives a reason (its note), so every run is
    # recorded: none may be lost to another writer.
    assert [code for code, _ in outcomes] == [0] * 10, [err for _, err in outcomes]
    ledger = claimtrack.load(path)
    assert [len(ledger.history(f"c-{worker}")) for worker in range(WORKERS)] == [6, 6]
    notes = {change.note for w in range(WORKERS) for change in ledger.history(f"c-{w}")[1:]}
    assert notes == {f"run {step}" for step in range(10)}


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


# -- the in-place update commands, one at a time --------------------------------------------------


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the CLI; return its exit code (argparse's for usage errors), stdout and stderr."""
    try:
        code = main(argv)
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_record_with_a_quote_adds_deterministic_evidence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A new quote becomes evidence with an id derived from it; recording it again reuses it."""
    path = write_ledger(tmp_path)
    quote = ["--source", "src-a", "--quote", QUOTES[0], "--stance", "supports"]
    base = ["record", "--ledger", str(path), "c-0", "--on"]
    code, out, _ = run([*base, "2019-03", "--status", "in_progress", *quote], capsys)
    assert code == 0
    evidence_id = out.strip().rsplit(" ", 1)[-1]
    assert out == f"c-0: in_progress on 2019-03, citing {evidence_id}\n"
    assert evidence_id.startswith("ev-src-a-")
    code, out, _ = run([*base, "2019-04", "--status", "implemented", *quote], capsys)
    assert (code, out) == (0, f"c-0: implemented on 2019-04, citing {evidence_id}\n")
    ledger = claimtrack.load(path)
    assert ledger.evidence[evidence_id].quote == claimtrack.TextQuote(QUOTES[0])
    assert len(ledger.evidence) == 2
    check_quotes(ledger, tmp_path)


@pytest.mark.parametrize(
    ("quote", "message"),
    [
        ("Work on the bridge began.", "quote 'Work on the bridge began.' not found in source"),
        ("Work on the", "quote 'Work on the' is ambiguous: found 2 times in source 'src-a'"),
    ],
)
def test_record_refuses_a_quote_not_anchored_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], quote: str, message: str
) -> None:
    """A new quote must occur exactly once in its source's archived text, as validate requires."""
    path = write_ledger(tmp_path)
    before = path.read_bytes()
    code, _, err = run(
        [
            *("record", "--ledger", str(path), "c-0", "--status", "in_progress", "--on", "2019"),
            *("--source", "src-a", "--quote", quote),
        ],
        capsys,
    )
    assert code == 1
    assert err.startswith(f"{path}: $.evidence[1].quote: {message}")
    assert path.read_bytes() == before


def test_prefix_pins_an_ambiguous_quote(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--prefix makes a repeated phrase unique, and the evidence keeps it."""
    path = write_ledger(tmp_path)
    argv = ["cite", "--ledger", str(path), "c-1", "--source", "src-a", "--quote", "Work on the"]
    code, out, _ = run([*argv, "--prefix", "spring. "], capsys)
    assert code == 0
    (new,) = [e for e in claimtrack.load(path).evidence if e.id != "ev-agreed"]
    assert out == f"c-1 now cites {new.id}\n"
    assert new.quote == claimtrack.TextQuote("Work on the", prefix="spring. ")


def test_add_source_then_cite_from_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """add-source adds a dated source with its archived text; cite then quotes from it."""
    path = write_ledger(tmp_path)
    (tmp_path / "b.txt").write_text("The hotline rang for the first time.", encoding="utf-8")
    code, out, _ = run(
        [
            *("add-source", "--ledger", str(path), "--id", "src-b", "--title", "Hotline rings"),
            *("--kind", "news", "--published", "2019-05-02", "--text", "b.txt"),
            *("--url", "https://example.org/b", "--reliability", "B", "--language", "en"),
        ],
        capsys,
    )
    assert (code, out) == (0, "added source src-b\n")
    source = claimtrack.load(path).sources["src-b"]
    assert (str(source.published), source.text, source.reliability) == (
        "2019-05-02",
        "b.txt",
        claimtrack.Reliability.B,
    )
    argv = ["cite", "--ledger", str(path), "c-1", "--source", "src-b"]
    code, _, _ = run([*argv, "--quote", "The hotline rang", "--stance", "supports"], capsys)
    assert code == 0
    check_quotes(claimtrack.load(path), tmp_path)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--status", "in_progress", "--on", "2019", "--quote", "x"], "--source and --quote go"),
        (["--status", "in_progress", "--on", "2019", "--source", "src-a"], "one of the arguments"),
        (
            ["--status", "in_progress", "--on", "2019", "--evidence", "ev-agreed", "--prefix", "x"],
            "--prefix and --suffix belong to a --quote",
        ),
        (["--status", "done", "--on", "2019", "--evidence", "ev-agreed"], "invalid choice: 'done'"),
        (["--status", "in_progress", "--on", "2019-02-30", "--evidence", "x"], "has no day 30"),
        (["--status", "in_progress", "--evidence", "ev-agreed"], "--on"),
        (
            ["--status", "in_progress", "--on", "2019", "--inferred", " ", "--evidence", "e"],
            "--inferred needs the reason",
        ),
        (
            ["--status", "in_progress", "--on", "2019", "--source", "src-a", "--quote", ""],
            "--quote needs the words",
        ),
        (
            ["--status", "in_progress", "--on", "2019", "--evidence", "e", "--wait", "nan"],
            "'nan' is not a number of seconds",
        ),
        (
            ["--status", "in_progress", "--on", "2019", "--evidence", "e", "--quote", "q"],
            "not allowed with argument",
        ),
    ],
)
def test_record_usage_errors_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    """Command-line mistakes exit 2 with a usage message, and the ledger is not touched."""
    path = write_ledger(tmp_path)
    before = path.read_bytes()
    code, _, err = run(["record", "--ledger", str(path), "c-0", *argv], capsys)
    assert code == 2
    assert message in err
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["c-00", "--status", "in_progress", "--on", "2019", "--evidence", "ev-agreed"],
            "claimtrack: no commitment or claim with id 'c-00'; did you mean 'c-0'?\n",
        ),
        (
            ["c-0", "--status", "in_progress", "--on", "2019", "--evidence", "ev-agred"],
            "claimtrack: no evidence with id 'ev-agred'; did you mean 'ev-agreed'?\n",
        ),
        (
            ["c-0", "--status", "corroborated", "--on", "2019", "--evidence", "ev-agreed"],
            "claimtrack: 'corroborated' is not a commitment status [rule: status-kind]\n",
        ),
        (
            ["c-0", "--status", "in_progress", "--on", "2018-01", "--evidence", "ev-agreed"],
            "claimtrack: 2018-01 is before 'c-0' was made (2018-06); a history starts with the"
            " pledge or claim itself [rule: date-order]\n",
        ),
    ],
)
def test_record_refusals_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    """Unknown ids, a status of the wrong kind and an out-of-order date: one line, exit 1."""
    path = write_ledger(tmp_path)
    before = path.read_bytes()
    assert run(["record", "--ledger", str(path), *argv], capsys) == (1, "", message)
    assert path.read_bytes() == before


def test_record_on_a_missing_or_invalid_ledger(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing file is one line; an invalid one lists its problems as FILE:LINE: lines."""
    argv = ["c-0", "--status", "in_progress", "--on", "2019", "--evidence", "ev-agreed"]
    code, _, err = run(["record", "--ledger", str(tmp_path / "nope.json"), *argv], capsys)
    assert code == 1
    assert err.startswith("claimtrack: cannot read ledger")
    path = write_ledger(tmp_path)
    text = path.read_text(encoding="utf-8").replace('"announced"', '"anounced"', 1)
    path.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "anounced" in row)
    code, _, err = run(["record", "--ledger", str(path), *argv], capsys)
    assert code == 1
    assert err.startswith(f"{path}:{line}: $.commitments[0].history[0].status: 'anounced' is")


def test_lock_wait_gives_up_with_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """While another update holds the lock, --wait bounds the wait; then exit 1, file unchanged."""
    path = write_ledger(tmp_path)
    before = path.read_bytes()
    argv = ["record", "--ledger", str(path), "c-0", "--status", "in_progress", "--on", "2019"]
    with locked(path):
        started = time.perf_counter()
        code, _, err = run([*argv, "--evidence", "ev-agreed", "--wait", "0.3"], capsys)
        waited = time.perf_counter() - started
    assert code == 1
    assert (
        err
        == f"claimtrack: ledger {str(path)!r} is locked by another update; gave up after 0.3 s\n"
    )
    assert 0.3 <= waited < 5
    assert path.read_bytes() == before


def test_update_of_a_missing_ledger_leaves_no_lock_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`record` on a missing ledger says so and leaves no stray .lock behind."""
    path = tmp_path / "missing.json"
    argv = ["record", "--ledger", str(path), "c-0", "--status", "in_progress", "--on", "2019"]
    code, _, err = run([*argv, "--evidence", "ev-agreed"], capsys)
    assert code == 1
    assert err == f"claimtrack: cannot read ledger {str(path)!r}: No such file or directory\n"
    assert sorted(tmp_path.iterdir()) == []


def test_lock_is_taken_through_filelock(tmp_path: Path) -> None:
    """The lock is filelock's (flock here, LockFileEx on Windows): a second FileLock waits."""
    import filelock

    path = write_ledger(tmp_path)
    with locked(path):
        other = filelock.FileLock(lock_path(path), timeout=0.05)
        with pytest.raises(filelock.Timeout):
            other.acquire()
    with filelock.FileLock(lock_path(path), timeout=1):
        pass  # released on leaving the block


def test_amend_writes_only_when_something_changed(tmp_path: Path) -> None:
    """An update that changes nothing leaves the file alone (same inode, same bytes)."""
    path = write_ledger(tmp_path)
    inode = path.stat().st_ino
    assert amend(path, lambda ledger: ledger) == claimtrack.load(path)
    assert path.stat().st_ino == inode
    amend(path, lambda ledger: ledger.cite("c-0", "ev-agreed"))
    inode = path.stat().st_ino
    amend(path, lambda ledger: ledger.cite("c-0", "ev-agreed"))  # already cited: no change
    assert path.stat().st_ino == inode


def test_evidence_ids_are_deterministic() -> None:
    """The same source, quote and stance always give the same id; any difference another."""
    quote = claimtrack.TextQuote("Work on the", prefix="spring. ")
    new = NewEvidence(source="src-a", quote=quote, stance=claimtrack.Stance.SUPPORTS)
    assert evidence_id(new) == evidence_id(
        NewEvidence(source="src-a", quote=quote, stance=claimtrack.Stance.SUPPORTS)
    )
    others = {
        evidence_id(NewEvidence(source="src-b", quote=quote, stance=claimtrack.Stance.SUPPORTS)),
        evidence_id(NewEvidence(source="src-a", quote=quote)),
        evidence_id(NewEvidence(source="src-a", quote=claimtrack.TextQuote("Work on the"))),
    }
    assert evidence_id(new) not in others and len(others) == 3
