"""Fuzzing the command line: generated ledgers full of hostile strings through every command.

Each example draws a valid ledger (``tests/strategies.py``), puts hostile text in its free-text
fields (formula starts, markup, control and bidi characters, NUL, line separators, long strings,
path tricks) and runs one command on it, with hostile arguments where a command takes text. Every
run must exit 0, 1 or 2 with no traceback; every file a command writes must load back (a ledger
equal to what was written, a SQLite export equal to the ledger, CSV that parses); HTML must not
carry hostile markup unescaped, and no CSV cell may start a formula. Commands run in-process
through ``claimtrack.cli.main`` with standard output and error captured, to stay fast.

``CLI_FUZZ_EXAMPLES`` examples run: 2,000 when ``CI`` is set (fixed seed, the same every run),
200 locally; the HTML page's matplotlib picture (about a second to draw) is left out of those
and drawn in ``PICTURE_EXAMPLES`` more (6 in CI). The figures are printed (``pytest -s``) for
RELIABILITY.md.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import random
import sys
import tempfile
import time
import traceback
import typing
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from unittest import mock

import attrs
import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

import claimtrack
import claimtrack.cli
import claimtrack.plot
from claimtrack import Ledger, synthetic
from claimtrack.cli import main
from claimtrack.interop.sqlite import read_sqlite, write_sqlite
from claimtrack.plot import PlotUnavailable

CLI_FUZZ_EXAMPLES = int(
    os.environ.get("CLAIMTRACK_CLI_FUZZ_EXAMPLES") or (2_000 if os.environ.get("CI") else 200)
)
#: Commands run on each generated ledger (each a case of its own, in its own folder): drawing a
#: hostile ledger costs hypothesis about as much as running a command on it.
COMMANDS_PER_EXAMPLE = 2

#: Examples for the HTML page with its picture and `plot` (matplotlib: about a second each).
PICTURE_EXAMPLES = 6 if os.environ.get("CI") else 3

#: Strings people and attackers put where text goes.
HOSTILE: tuple[str, ...] = (
    '=HYPERLINK("http://evil.example","x")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1",
    "\r=1",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "&amp; &lt; &#x27;",
    "{{ 7*7 }} {% raw %}",
    "\\input{/etc/passwd} $x$ %",
    "line\nbreak\r\nand\rreturn",
    "nul\x00byte \x07bell \x1b[31mred\x1b[0m",
    "\u202eevil\u202c bidi \u200f\u200e",
    "\u2028\u2029 separators",
    "e\u0301 combining, 𝄞 astral, 中文, العربية",
    "  padded  ",
    "",
    " ",
    "../../etc/passwd",
    "/dev/zero",
    "C:\\Windows\\system32",
    "' OR 1=1 --",
    "x" * 5_000,
    "|pipe|table|",
    "*bold* _it_ `code` [link](http://x)",
)

#: Free-text fields (str or optional str) that refer to nothing, by record class name.
_NOT_TEXT = {"id", "source", "agreement", "part_of", "event", "category"}

COLLECTION_NAMES = (
    "sources",
    "actors",
    "events",
    "agreements",
    "commitments",
    "claims",
    "evidence",
)

#: Table formats the reports are asked for.
_FORMATS = ("simple", "github", "grid", "html", "csv", "json", "tsv", "latex", "mediawiki")


@functools.cache
def _text_fields(cls: type) -> list[str]:
    hints = typing.get_type_hints(cls)
    return [
        field.name
        for field in attrs.fields(cls)
        if hints[field.name] in (str, str | None) and field.name not in _NOT_TEXT
    ]


def _hostile_text() -> st.SearchStrategy[str]:
    return st.sampled_from(HOSTILE) | st.text(max_size=20)


#: Small valid ledgers to start from, using every collection: synthetic ones of a few sizes
#: (11 to 43 records), and the bundled one (259 records, with claim relations and archived
#: texts) less often, since every command on it costs five times as much. Generating ledgers
#: with hypothesis costs about 0.3 s an example, too slow for 2,000 examples in a minute; the
#: hostile strings are what varies.
_SYNTHETIC = tuple(
    claimtrack.loads(json.dumps(synthetic.document(synthetic.REFERENCE.scaled(scale), seed=n)))
    for n, scale in enumerate((0.00005, 0.0001, 0.0002, 0.0003))
)
BASES: tuple[Ledger, ...] = (*_SYNTHETIC, *_SYNTHETIC, claimtrack.datasets.pakistan_iran())


@st.composite
def hostile_ledgers(draw: st.DrawFn) -> Ledger:
    """A valid ledger with hostile strings in up to six of its free-text fields.

    Hypothesis draws the base, the strings and a seed; the seed picks the records and fields
    (a draw per choice would cost more than the command run on the ledger).
    """
    ledger = draw(st.sampled_from(BASES))
    texts = draw(st.lists(_hostile_text(), min_size=1, max_size=6))
    chooser = random.Random(draw(st.integers(0, 2**32)))  # noqa: S311 - test data, not secrets
    collections = {name: list(ledger.records(name)) for name in COLLECTION_NAMES}
    for text in texts:
        records = collections[chooser.choice([n for n in COLLECTION_NAMES if collections[n]])]
        position = chooser.randrange(len(records))
        record = records[position]
        fields = list(_text_fields(type(record)))
        history = getattr(record, "history", None)
        if history is not None:
            fields.append("history")
        field_name = chooser.choice(fields)
        if field_name == "history":
            at = chooser.randrange(len(history))
            entry = attrs.evolve(history[at], note=text)
            value: Any = (*history[:at], entry, *history[at + 1 :])
        else:
            value = text
        try:
            records[position] = attrs.evolve(record, **{field_name: value})
        except (ValueError, TypeError):  # a validator refuses (e.g. blank required text)
            FIGURES["hostile values a validator refused"] += 1
    try:
        return Ledger(**collections)
    except claimtrack.ClaimtrackError:
        FIGURES["hostile ledgers a rule refused"] += 1
        return ledger


def _item(ledger: Ledger) -> str:
    items = [*ledger.commitments, *ledger.claims]
    return items[0].id if items else "no-such-item"


#: Each command: how to build its arguments (ledger path, output folder, ledger, hostile text).
COMMANDS = (
    "report",
    "report-actor",
    "report-claims",
    "scorecard",
    "timeline",
    "diff",
    "evidence",
    "confidence",
    "recurrence",
    "validate",
    "coverage",
    "export-csv",
    "export-json",
    "export-html",
    "export-sqlite",
    "export-claimreview",
    "export-annotations",
    "export-csv-per-entity",
    "export-stdout",
    "import-sqlite",
    "record",
    "cite",
    "add-source",
    "show",
    "list",
    "list-search",
    "history",
    "check",
    "progress",
)


def _argv(command: str, path: Path, out: Path, ledger: Ledger, text: str, fmt: str) -> list[str]:
    common = ["--ledger", str(path)]
    as_of = ["--as-of", "2031"]
    if command == "report":
        return ["report", *common, *as_of, "--format", fmt]
    if command == "report-actor":
        return ["report", *common, *as_of, f"--actor={text}"]
    if command == "report-claims":
        return ["report", "--claims", *common, *as_of, "--format", fmt]
    if command in ("scorecard", "timeline", "confidence", "recurrence"):
        return [command, *common, "--format", fmt]
    if command == "diff":
        return ["diff", *common, "--from", "1990", "--to", "2031", "--format", fmt]
    if command == "evidence":
        item = text if text.strip() and len(text) < 50 else _item(ledger)
        return ["evidence", item, *common, "--format", fmt]
    if command in ("validate", "coverage"):
        return [command, *common]
    if command == "export-stdout":
        return ["export", *common, *as_of, "--to", "json", "--out", "-"]
    if command.startswith("export-"):
        fmt_name = command.removeprefix("export-")
        suffix = "" if fmt_name == "csv-per-entity" else f".{fmt_name}"
        return ["export", *common, *as_of, "--to", fmt_name, "--out", str(out / f"x{suffix}")]
    if command == "plot-svg":
        return ["plot", *common, "--out", str(out / "x.svg")]
    if command == "import-sqlite":
        return ["import", str(out / "in.sqlite"), "--out", str(out / "back.json")]
    if command == "record":
        return [
            *("record", *common, _item(ledger), "--status", "stalled", "--on", "2030"),
            *("--evidence", *[e.id for e in ledger.evidence][:1], f"--note={text}"),
        ]
    if command == "show":
        return ["show", *common, text if text.strip() and len(text) < 50 else _item(ledger)]
    if command == "list":  # no --format: the titled terminal table
        return ["list", "commitments", *common]
    if command == "list-search":
        return ["list", "claims", *common, f"--search={text}", "--format", fmt]
    if command == "history":
        return ["history", _item(ledger), *common, "--format", fmt]
    if command == "check":
        return ["check", _item(ledger), *common, "--on", "2030", f"--searched={text or 'x'}"]
    if command == "progress":
        return [
            *("progress", _item(ledger), *common, "--on", "2030", "--value", "5"),
            *(f"--unit={text or 'km'}", "--searched", "archives"),
        ]
    if command == "cite":
        return ["cite", *common, _item(ledger), "--evidence", *[e.id for e in ledger.evidence][:1]]
    return [
        *("add-source", *common, "--id", "src-fuzz-new", "--kind", "news"),
        *(f"--title={text or 'untitled'}", f"--note={text}"),
    ]


@contextmanager
def captured() -> Iterator[tuple[io.TextIOWrapper, io.TextIOWrapper]]:
    """Standard output and error as UTF-8 byte buffers, as a terminal or pipe would give them."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        yield out, err
    finally:
        sys.stdout, sys.stderr = saved
        out.flush()
        err.flush()


def _text(stream: io.TextIOWrapper) -> str:
    stream.flush()
    buffer = stream.buffer
    assert isinstance(buffer, io.BytesIO)
    return buffer.getvalue().decode("utf-8")


def _run(argv: list[str]) -> tuple[int, str, str]:
    with captured() as (out, err):
        try:
            code = main(argv)
        except SystemExit as exit_:  # argparse: usage errors (2), --help (0)
            code = int(exit_.code or 0)
        except BaseException:
            raise AssertionError(f"claimtrack {argv!r} raised:\n{traceback.format_exc()}") from None
    return code, _text(out), _text(err)


FIGURES: Counter[str] = Counter()

#: Memory-backed scratch space where there is one: the commands fsync what they write.
_SHM = "/dev/shm"  # noqa: S108 - each example makes its own private folder in it (mkdtemp)
SCRATCH = _SHM if os.access(_SHM, os.W_OK) else None


def _check_written(command: str, out: Path, ledger: Ledger, stdout: str) -> None:
    """Whatever the command wrote loads back, and carries no live markup or formula."""
    if command == "export-sqlite":
        assert read_sqlite(out / "x.sqlite") == ledger
    elif command == "import-sqlite":
        assert claimtrack.load(out / "back.json") == ledger
    elif command == "export-csv-per-entity":
        for table in (out / "x").iterdir():
            with table.open(encoding="utf-8", newline="") as stream:
                rows = list(csv.reader(stream))
            assert rows, table
            assert not any(
                cell.startswith(("=", "+", "-", "@", "\t", "\r"))
                for row in rows[1:]
                for cell in row
                if not _number(cell)
            ), table
    elif command == "export-csv":
        with (out / "x.csv").open(encoding="utf-8", newline="") as stream:
            cells = [cell for row in list(csv.reader(stream))[1:] for cell in row]
        assert not any(c.startswith(("=", "+", "@", "\t", "\r")) for c in cells)
    elif command == "export-html":
        page = (out / "x.html").read_text(encoding="utf-8")
        assert "<script>alert" not in page and "<img src=x" not in page
    elif command == "plot-svg":
        picture = (out / "x.svg").read_text(encoding="utf-8")
        assert picture.lstrip().startswith("<?xml") and "<script>alert" not in picture
    elif command in ("export-json", "export-claimreview", "export-annotations"):
        suffix = command.removeprefix("export-")
        json.loads((out / f"x.{suffix}").read_text(encoding="utf-8"))
    elif command == "export-stdout":
        json.loads(stdout)
    FIGURES[f"files checked: {command}"] += 1


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


#: One parser for every run: building it costs about 25 ms, half a run (tests only; the command
#: builds it afresh each time, since its defaults read the environment).
_PARSER = claimtrack.cli.parser()


def _no_picture(*args: object, **kwargs: object) -> str:
    raise PlotUnavailable  # left out of the fast runs: test_html_pictures_... draws them


@contextmanager
def fast_runs() -> Iterator[None]:
    """The cached parser, and HTML pages without the matplotlib picture (2 s each)."""
    with (
        mock.patch.object(claimtrack.cli, "parser", lambda: _PARSER),
        mock.patch.object(claimtrack.plot, "timeline_svg", _no_picture),
    ):
        yield


def _survives(ledger: Ledger, command: str, text: str, fmt: str) -> None:
    """Run one command on the ledger: exit 0/1/2, no traceback, written files load back."""
    with tempfile.TemporaryDirectory(dir=SCRATCH) as folder:
        out = Path(folder)
        path = out / "ledger.json"
        path.write_text(claimtrack.dumps(ledger), encoding="utf-8")
        if command == "import-sqlite":
            write_sqlite(ledger, out / "in.sqlite")
        argv = _argv(command, path, out, ledger, text, fmt)
        started = time.perf_counter()
        code, stdout, stderr = _run(argv)
        elapsed = round(1000 * (time.perf_counter() - started))
        FIGURES["slowest ms"] = max(FIGURES["slowest ms"], elapsed)
        assert code in (0, 1, 2), (argv, code, stderr)
        assert "Traceback" not in stderr, (argv, stderr)
        FIGURES[f"exit {code}"] += 1
        FIGURES[f"command {command}"] += 1
        if code == 0:
            _check_written(command, out, ledger, stdout)
            if command in ("record", "cite", "add-source"):
                claimtrack.load(path)  # the updated ledger loads back
                FIGURES["updated ledgers reloaded"] += 1


_SETTINGS = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)


@pytest.mark.fuzz
@seed(20261129)
@settings(_SETTINGS, max_examples=CLI_FUZZ_EXAMPLES // COMMANDS_PER_EXAMPLE)
@given(
    ledger=hostile_ledgers(),
    commands=st.lists(
        st.sampled_from(COMMANDS), min_size=COMMANDS_PER_EXAMPLE, max_size=COMMANDS_PER_EXAMPLE
    ),
    text=_hostile_text(),
    fmt=st.sampled_from(_FORMATS),
)
def test_every_command_survives_hostile_ledgers(
    ledger: Ledger, commands: list[str], text: str, fmt: str
) -> None:
    """Exit 0/1/2, no traceback, written files load back, for any command on any such ledger."""
    with fast_runs():
        for command in commands:
            _survives(ledger, command, text, fmt)


@pytest.mark.fuzz
@seed(20261129)
@settings(_SETTINGS, max_examples=PICTURE_EXAMPLES)
@given(ledger=hostile_ledgers(), command=st.sampled_from(("export-html", "plot-svg")))
def test_html_pictures_survive_hostile_ledgers(ledger: Ledger, command: str) -> None:
    """The same for the HTML page with its timeline picture, and `plot`: fewer, slower runs."""
    _survives(ledger, command, "", "simple")


def test_zz_print_cli_fuzz_figures() -> None:
    """Print what the CLI fuzz run did (with -s), for RELIABILITY.md."""
    if not FIGURES:
        pytest.skip("the fuzz test did not run in this session")
    runs = sum(count for key, count in FIGURES.items() if key.startswith("exit "))
    exits = ", ".join(f"{key}: {FIGURES[key]}" for key in sorted(FIGURES) if key.startswith("exit"))
    commands = sum(1 for key in FIGURES if key.startswith("command "))
    print(
        f"\n[reliability] CLI fuzz: {runs} runs over {commands} commands ({exits}),"
        f" 0 tracebacks, {sum(c for k, c in FIGURES.items() if k.startswith('files checked'))}"
        f" outputs checked, {FIGURES['updated ledgers reloaded']} updated ledgers reloaded,"
        f" slowest run {FIGURES['slowest ms']} ms"
    )
