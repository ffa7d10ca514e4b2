"""What an attacker or an unlucky user tried (issue 15), each a test that failed before the fix:
no traceback, no silent loss, no injection, no hang, no wrong count, on any input we were shown.

Loading problems (repeated keys, lone surrogates, NUL bytes and symlink loops in text paths) are
in the invalid-input corpus (``fixtures/invalid/``); output targets in ``tests/test_files.py``.
"""

from __future__ import annotations

import contextlib
import copy
import csv
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import claimtrack
from claimtrack import Credibility, InvalidLedger, interrupts
from claimtrack.cli import main
from claimtrack.files import locked
from claimtrack.interop.sqlite import DatabaseProblem, read_sqlite, write_sqlite
from claimtrack.model import TextQuote
from claimtrack.quotes import anchor, verify_quotes
from tests.conftest import FIXTURES, ROOT
from tests.ledgers import valid, write

TRACKER = FIXTURES / "trackers" / "exampleville.toml"


@pytest.fixture
def watchdog() -> Iterator[None]:
    """Fail instead of hanging: SIGALRM after 20 s."""

    def hang(signum: int, frame: object) -> None:
        raise TimeoutError("hung")

    previous = signal.signal(signal.SIGALRM, hang)
    signal.alarm(20)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the CLI in-process; return its exit code (argparse's too), stdout and stderr."""
    try:
        code = main(argv)
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


# -- lone surrogates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["validate"],
        ["report"],
        ["timeline"],
        ["diff", "--from", "2017", "--to", "2019"],
        ["evidence", "c-fence"],
        *(["export", "--to", fmt] for fmt in ("csv", "json", "html", "claimreview", "annotations")),
    ],
)
def test_lone_surrogate_is_refused_at_load_by_every_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    """A "\\ud800" escape loaded, then crashed every report and export; now exit 1, path named."""
    path = write(tmp_path, valid())
    path.write_text(path.read_text("utf-8").replace('"title": "A"', '"title": "A\\ud800"'), "utf-8")
    code, out, err = run([*command, "--ledger", str(path)], capsys)
    assert (code, out) == (1, "")
    assert err == (
        f"{path}: $.sources[0].title: contains a lone surrogate (such as \\ud800), which is not"
        " a character and cannot be written as UTF-8\n"
    )


def test_undecodable_command_line_text_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`add-source --title "$(printf 'T\\xff')"` wrote a lone surrogate; now exit 2, no write."""
    path = write(tmp_path, valid())
    before = path.read_bytes()
    title = b"T\xff".decode("utf-8", "surrogateescape")  # what Python makes of the bytes
    argv = ["add-source", "--ledger", str(path), "--id", "src-b", "--kind", "news"]
    code, out, err = run([*argv, "--title", title], capsys)
    assert (code, out) == (2, "")
    assert err.endswith(
        "claimtrack: error: argument 'T\\xff' is not UTF-8 text (byte 0xff); claimtrack reads"
        " its arguments, file names included, as UTF-8\n"
    )
    assert path.read_bytes() == before


def test_ledger_add_checks_types_and_text(tmp_path: Path) -> None:
    """`Ledger.add` took an int credibility (then `save` crashed); now an InvalidLedger, by path."""
    ledger = claimtrack.loads(json.dumps(valid()))
    evidence = attrs.evolve(ledger.evidence["ev-1"], id="ev-2", note="x\ud800")
    wrong = attrs.evolve(evidence, credibility=3)
    with pytest.raises(InvalidLedger) as refused:
        ledger.add(wrong)
    assert [str(problem) for problem in refused.value.problems] == [
        "$.evidence[1].credibility: expected Credibility (one of 1, 2, 3, 4, 5, 6), got int 3",
        "$.evidence[1].note: contains a lone surrogate (such as \\ud800), which is not a"
        " character and cannot be written as UTF-8",
    ]
    right = attrs.evolve(evidence, credibility=Credibility.POSSIBLY_TRUE, note=None)
    claimtrack.save(ledger.add(right), tmp_path / "saved.json")
    assert claimtrack.load(tmp_path / "saved.json").evidence["ev-2"] == right


# -- archived texts that are not files -------------------------------------------------------


def test_fifo_as_archived_text_does_not_hang(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], watchdog: None
) -> None:
    """A FIFO named as an archived text hung `validate` forever; now one line, exit 1."""
    path = write(tmp_path, valid())
    (tmp_path / "a.txt").unlink()
    os.mkfifo(tmp_path / "a.txt")
    code, out, err = run(["validate", "--ledger", str(path)], capsys)
    assert (code, out) == (1, "")
    assert err == (
        f"{path}: $.sources[0].text: cannot read archived text {str(tmp_path / 'a.txt')!r}:"
        " it is a named pipe (FIFO), not a regular file\n"
    )


def test_fifo_as_ledger_does_not_hang(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], watchdog: None
) -> None:
    """`--ledger FIFO` is refused before any read."""
    fifo = tmp_path / "ledger.json"
    os.mkfifo(fifo)
    code, _, err = run(["report", "--ledger", str(fifo)], capsys)
    assert code == 1
    assert err == (
        f"claimtrack: cannot read ledger {str(fifo)!r}: it is a named pipe (FIFO),"
        " not a regular file\n"
    )


# -- imports ----------------------------------------------------------------------------------


def _records(**changes: str) -> list[dict[str, str]]:
    row = {
        "ID": "P-01",
        "Pledge": "Run a night bus",
        "Details": "Hourly.",
        "Responsible": "Transport Office",
        "Area": "Transport",
        "Pledged": "2020-11-03",
        "Deadline": "2021-12",
        "Status": "In progress",
        "Updated": "2020-12-10",
        "Sources": "",
    }
    return [{**row, **changes}]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "not valid JSON: nested too deeply"),
        (
            json.dumps(_records()).replace('"P-01"', "1" + "0" * 4999),
            "a number with 5,000 digits, more than can be read",
        ),
        (
            json.dumps(_records()).replace('"Hourly."', '"Hourly.", "Details": "Never."'),
            "$[0].Details: this key appears more than once in its object (only one value can"
            " stand)",
        ),
    ],
    ids=["100000-levels-deep", "5000-digits", "repeated-key"],
)
def test_hostile_json_records_are_refused_on_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    """Deep nesting (RecursionError) and long integers (ValueError) crashed import; now one line."""
    records = tmp_path / "tracker-2021-01-15.json"
    records.write_text(text, encoding="utf-8")
    code, out, err = run(["import", str(records), "--mapping", str(TRACKER)], capsys)
    assert (code, out) == (1, "")
    assert err == f"{records}: {message}\n"


def test_valid_json_records_still_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same file without the hostile value imports (the refusals above are specific)."""
    records = tmp_path / "tracker-2021-01-15.json"
    records.write_text(json.dumps(_records()), encoding="utf-8")
    code, out, _ = run(["import", str(records), "--mapping", str(TRACKER)], capsys)
    assert code == 0
    assert claimtrack.loads(out).commitments


def _crafted(tmp_path: Path, sql: str) -> Path:
    database = tmp_path / f"crafted-{len(list(tmp_path.iterdir()))}.sqlite"
    write_sqlite(claimtrack.loads(json.dumps(valid())), database)
    connection = sqlite3.connect(database)
    with connection:
        connection.executescript(sql)
    connection.close()
    return database


def _untyped_sources() -> str:
    """SQL that rebuilds the sources table without declared types, then stores an integer."""
    document = valid()
    columns = ["id", "title", "kind", "publisher", "author", "published", "published_inferred"]
    columns += ["url", "language", "reliability", "text", "note"]
    assert set(document["sources"][0]) <= set(columns)
    listed = ", ".join(columns)
    return (
        f"CREATE TABLE s2 ({listed}); INSERT INTO s2 SELECT {listed} FROM sources;"  # noqa: S608
        " DROP TABLE sources; ALTER TABLE s2 RENAME TO sources;"
        " UPDATE sources SET title = 12345"
    )


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        (_untyped_sources(), "column sources.id is declared untyped; expected TEXT"),
        ("ALTER TABLE sources DROP COLUMN title", "table 'sources' has no column 'title'"),
        (
            "UPDATE commitments SET target_value = 1e999",
            "commitments.target_value holds float inf; expected real (a finite number)",
        ),
        (
            "UPDATE sources SET title = x'00ff'",
            "sources.title holds bytes b'\\x00\\xff'; expected text",
        ),
    ],
    ids=["integer-title-untyped-column", "dropped-column", "infinite-number", "blob-title"],
)
def test_crafted_sqlite_is_refused_not_coerced(tmp_path: Path, sql: str, message: str) -> None:
    """Values were coerced ('12345', 'Inf', the literal text 'title'); now refused, named."""
    database = _crafted(tmp_path, sql)
    with pytest.raises(DatabaseProblem) as refused:
        read_sqlite(database)
    assert str(refused.value) == f"{database}: {message}"


# -- output failures and interruptions ----------------------------------------------------------


def _claimtrack(*argv: str, **options: Any) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "claimtrack", *argv],
        stdout=options.pop("stdout", subprocess.PIPE),
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        **options,
    )


def test_full_disk_on_stdout_is_one_line_exit_1() -> None:
    """`claimtrack report > /dev/full` raised a traceback; now one line, exit 1."""
    with open("/dev/full", "w") as full:
        process = _claimtrack("report", "--as-of", "2018-07-31", stdout=full)
        _, err = process.communicate(timeout=60)
    assert process.returncode == 1
    assert err == "claimtrack: cannot write the output: No space left on device\n"


def test_ctrl_c_exits_130_without_traceback(tmp_path: Path) -> None:
    """Ctrl-C while waiting for the ledger lock: exit 130, one line, no traceback."""
    path = write(tmp_path, valid())
    # The child says when its imports are done (Ctrl-C during `import` is Python's own).
    program = (  # Ctrl-C as a terminal delivers it, even where the runner ignores SIGINT
        "import signal, sys, claimtrack.cli;"
        " signal.signal(signal.SIGINT, signal.default_int_handler); print('ready', flush=True);"
        " sys.exit(claimtrack.cli.main(sys.argv[1:]))"
    )
    argv = ["record", "--ledger", str(path), "c-fence", "--status", "stalled", "--on", "2019"]
    with locked(path):
        process = subprocess.Popen(
            [sys.executable, "-c", program, *argv, "--evidence", "ev-1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        assert process.stdout is not None
        assert process.stdout.readline() == "ready\n"
        time.sleep(0.5)  # into main: parsing, loading, then waiting for the lock
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    assert (process.returncode, out, err) == (130, "", "claimtrack: interrupted\n")


def test_a_ctrl_c_python_lost_still_ends_the_wait_for_the_lock(tmp_path: Path) -> None:
    """CPython drops a Ctrl-C that lands in a callback of its import machinery ("Exception
    ignored in ..."); the handler remembered it, so the wait for a held lock still ends."""
    path = write(tmp_path, valid())

    def waited_too_long(signum: int, frame: object) -> None:
        raise AssertionError("the wait for the lock did not end")

    held, release = threading.Event(), threading.Event()

    def hold() -> None:  # another holder: a thread (filelock refuses a same-thread deadlock)
        with locked(path):
            held.set()
            release.wait(20)

    holder = threading.Thread(target=hold)
    holder.start()
    assert held.wait(10)
    previous = signal.signal(signal.SIGALRM, waited_too_long)
    signal.setitimer(signal.ITIMER_REAL, 10)  # the unfixed wait never ends
    try:
        with contextlib.suppress(KeyboardInterrupt):  # as Python would: "ignored"
            interrupts.handle(signal.SIGINT, None)
        with pytest.raises(KeyboardInterrupt), locked(path):
            pass
        interrupts.forget()
        gave_up = re.escape("gave up after 0.2 s")
        with pytest.raises(claimtrack.LedgerFileError, match=gave_up), locked(path, timeout=0.2):
            pass
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        interrupts.forget()
        release.set()
        holder.join()


@pytest.mark.parametrize("before", [signal.default_int_handler, signal.SIG_IGN])
def test_the_command_line_puts_the_ctrl_c_handler_back(
    before: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Python's own handler is replaced for the command and put back; an ignored Ctrl-C (a
    background job) stays ignored."""
    seen: list[object] = []

    def command(argv: Any) -> int:
        seen.append(signal.getsignal(signal.SIGINT))
        return 0

    previous = signal.signal(signal.SIGINT, before)
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("claimtrack.cli._main", command)
            assert main(["validate", "--ledger", str(write(tmp_path, valid()))]) == 0
        assert seen == [interrupts.handle if before is signal.default_int_handler else before]
        assert signal.getsignal(signal.SIGINT) is before
    finally:
        signal.signal(signal.SIGINT, previous)


# -- wrong answers ----------------------------------------------------------------------------


def test_validate_does_not_count_unchecked_quotes_as_verified(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A quote whose source has no archived text was counted as verified ("2 of 2")."""
    document = valid()
    document["sources"].append({"id": "src-b", "title": "B", "kind": "news"})
    document["evidence"].append(
        {"id": "ev-2", "source": "src-b", "quote": {"exact": "anything"}, "stance": "mentions"}
    )
    path = write(tmp_path, document)
    code, out, _ = run(["validate", "--ledger", str(path)], capsys)
    assert code == 0
    assert out == (
        f"{path}: valid; 1 commitments, 0 claims, 1 of 2 evidence quotes verified; 1 quotes not"
        " checked (their sources name no archived text)\n"
    )


def test_confidence_counts_the_sources_behind_any_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A stalled commitment resting on two publishers showed 0 independent sources."""
    document = valid()
    document["sources"] = [
        {"id": "src-a", "title": "A", "kind": "news", "publisher": "Dawn", "published": "2018"},
        {"id": "src-b", "title": "B", "kind": "news", "publisher": "IRNA", "published": "2018"},
    ]
    document["evidence"] = [
        {"id": "ev-1", "source": "src-a", "stance": "supports"},
        {"id": "ev-2", "source": "src-a", "stance": "mentions"},
        {"id": "ev-3", "source": "src-b", "stance": "contradicts"},
    ]
    document["commitments"][0]["history"] = [
        {"date": "2017-11", "status": "announced", "evidence": ["ev-1"]},
        {"date": "2018-06", "status": "stalled", "evidence": ["ev-2", "ev-3"]},
    ]
    path = write(tmp_path, document)
    argv = ["confidence", "--ledger", str(path), "--as-of", "2019", "--format", "csv"]
    code, out, _ = run(argv, capsys)
    assert code == 0
    rows = list(csv.DictReader(out.splitlines()))
    assert [(row["status"], row["independent_sources"]) for row in rows] == [("stalled", "2")]


def test_timeline_keeps_history_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An entry dated 2018 came before the pledge dated 2018-11-16 it follows in the history."""
    document = valid()
    document["sources"][0]["published"] = "2018-11-16"
    document["commitments"][0]["history"] = [
        {"date": "2018-11-16", "status": "announced", "evidence": ["ev-1"]},
        {"date": "2018", "status": "in_progress", "evidence": ["ev-1"]},
    ]
    path = write(tmp_path, document)
    code, out, _ = run(["timeline", "--ledger", str(path), "--format", "csv"], capsys)
    assert code == 0
    kinds = [row["kind"] for row in csv.DictReader(out.splitlines()) if row["item"] == "c-fence"]
    assert kinds == ["pledge", "status"]


# -- injection --------------------------------------------------------------------------------

DANGERS = ['=HYPERLINK("http://x")', "+1", "-1+2", "@SUM(A1)", "\tx", "\rx"]


def test_csv_per_entity_cells_cannot_run_as_formulas(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """csv-per-entity wrote formula cells raw; now each starts with ' as in every CSV we write."""
    document = valid()
    document["commitments"][0]["note"] = DANGERS[0]
    document["actors"] = [
        {"id": f"a-{index}", "name": danger, "kind": "state"}
        for index, danger in enumerate(DANGERS)
    ]
    document["commitments"][0]["obligors"] = ["a-0"]
    path = write(tmp_path, document)
    out = tmp_path / "tables"
    argv = ["export", "--ledger", str(path), "--to", "csv-per-entity", "--out", str(out)]
    assert run(argv, capsys)[0] == 0
    with (out / "actors.csv").open(encoding="utf-8", newline="") as stream:
        names = [row["name"] for row in csv.DictReader(stream)]
    assert names == ["'" + danger for danger in DANGERS]
    with (out / "commitments.csv").open(encoding="utf-8", newline="") as stream:
        assert next(csv.DictReader(stream))["note"] == "'" + DANGERS[0]


def test_evidence_html_escapes_the_title(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`evidence ID --format html` printed the item's text raw above the escaped table."""
    document = valid()
    document["commitments"][0]["text"] = "<script>alert(1)</script> & more"
    path = write(tmp_path, document)
    code, out, _ = run(["evidence", "c-fence", "--ledger", str(path), "--format", "html"], capsys)
    assert code == 0
    assert "<script>" not in out
    assert out.startswith(
        "<h2>Evidence for c-fence: &lt;script&gt;alert(1)&lt;/script&gt; &amp; more</h2>"
    )


@pytest.mark.parametrize("fmt", ["unsafehtml", "latex_raw"])
def test_unescaped_formats_are_refused(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    """`--format unsafehtml` was accepted; formats that write text unescaped are unknown now."""
    code, out, err = run(["report", "--format", fmt], capsys)
    assert (code, out) == (2, "")
    assert f"unknown format {fmt!r}" in err
    with pytest.raises(claimtrack.ClaimtrackError):
        claimtrack.report.status_table(claimtrack.datasets.pakistan_iran(), "2018").render(fmt)


# -- cost -------------------------------------------------------------------------------------


def test_finding_a_long_quote_is_not_quadratic() -> None:
    """A 200,000-character quote in a 400 KB text took 85 s; now well under a second."""
    text = "a" * 400_000
    quote = TextQuote("a" * 200_000)
    started = time.perf_counter()
    found = anchor(text, quote, limit=2)
    document = copy.deepcopy(valid())
    document["evidence"][0]["quote"] = {"exact": quote.exact}
    ledger = claimtrack.loads(json.dumps(document))
    problems = verify_quotes(ledger, {"src-a": text})
    elapsed = time.perf_counter() - started
    assert found == [0, 1]
    assert [problem.message for problem in problems] == [
        f"quote {quote.exact[:59]!r}"[:-1] + "…' is ambiguous: found 10 or more times in source"
        " 'src-a'; add a prefix or suffix"
    ]
    assert elapsed < 1.0
    print(f"\n[reliability] 200,000-char quote in a 400 KB text: {elapsed:.3f} s")


# -- packaging --------------------------------------------------------------------------------


def test_license_and_notice_are_declared() -> None:
    """`license = "MIT"` needs setuptools >= 77; LICENSE and NOTICE exist and ship."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    requires = project["build-system"]["requires"]
    assert any(r.startswith("setuptools>=") and int(r.split(">=")[1]) >= 77 for r in requires)
    assert project["project"]["license"] == "MIT"
    assert project["project"]["license-files"] == ["LICENSE", "NOTICE"]
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    notice = (ROOT / "NOTICE").read_text(encoding="utf-8")
    assert "claimtrack/datasets/" in notice and "does not extend to them" in notice
    assert "filelock" in " ".join(project["project"]["dependencies"])
