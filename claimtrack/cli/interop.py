"""Commands that move a ledger in or out of other formats: export, import, plot.

An export format is one :data:`Exporter` in :data:`EXPORTS`; adding a format is one entry.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

from claimtrack.cli.options import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    Commands,
    Usage,
    as_of_day,
    open_ledger,
    sources_option,
    text_folder,
)
from claimtrack.codec import write_atomically
from claimtrack.errors import InvalidLedger
from claimtrack.ledger import Ledger

__all__ = ["EXPORTS", "Exporter", "register"]

#: An exporter renders a ledger as of a day: it returns the text (or bytes) to write, or writes
#: ``out`` itself and returns ``None`` (formats such as SQLite that need a file).
Exporter = Callable[[Ledger, dt.date, Path | None, Path], str | bytes | None]


def _export_status_csv(ledger: Ledger, as_of: dt.date, out: Path | None, texts: Path) -> str:
    from claimtrack.report import status_table

    return status_table(ledger, as_of).render("csv")


def _export_status_json(ledger: Ledger, as_of: dt.date, out: Path | None, texts: Path) -> str:
    from claimtrack.report import status_table

    return status_table(ledger, as_of).render("json")


def _export_html(ledger: Ledger, as_of: dt.date, out: Path | None, texts: Path) -> str:
    from claimtrack.report import html_report

    return html_report(ledger, as_of)


def _export_sqlite(ledger: Ledger, as_of: dt.date, out: Path | None, texts: Path) -> bytes:
    from claimtrack.interop.sqlite import sqlite_bytes

    return sqlite_bytes(ledger)


def _export_claimreview(ledger: Ledger, as_of: dt.date, out: Path | None, texts: Path) -> str:
    from claimtrack.interop.claimreview import claimreview_json

    return claimreview_json(ledger, as_of=as_of)


def _export_annotations(ledger: Ledger, as_of: dt.date, out: Path | None, texts: Path) -> str:
    from claimtrack.interop.annotations import web_annotations_json
    from claimtrack.quotes import read_source_texts

    # Archived texts give each quote its prefix and suffix; a text that cannot be read only
    # leaves its quotes without them, so it is a note on stderr, not a failure.
    found, problems = read_source_texts(ledger, texts)
    for problem in problems:
        print(f"claimtrack: note: {problem}", file=sys.stderr)
    return web_annotations_json(ledger, texts=found)


def _export_csv_tables(ledger: Ledger, as_of: dt.date, out: Path | None, texts: Path) -> None:
    from claimtrack.interop.tables import write_csv_tables

    if out is None:
        raise Usage("csv-per-entity writes one file per table: give --out FOLDER")
    write_csv_tables(ledger, out)


#: Export formats by name.
EXPORTS: dict[str, Exporter] = {
    "csv": _export_status_csv,
    "json": _export_status_json,
    "html": _export_html,
    "sqlite": _export_sqlite,
    "claimreview": _export_claimreview,
    "annotations": _export_annotations,
    "csv-per-entity": _export_csv_tables,
}


def _export(args: argparse.Namespace) -> int:
    exporter = EXPORTS[args.to]
    result = exporter(open_ledger(args), args.as_of, args.out, text_folder(args))
    if result is None:
        return EXIT_OK
    data = result.encode("utf-8") if isinstance(result, str) else result
    if args.out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        write_atomically(args.out, data)
    return EXIT_OK


_DATABASE_SUFFIXES = (".sqlite", ".sqlite3", ".db")


def _import(args: argparse.Namespace) -> int:
    from claimtrack.codec import dumps, save
    from claimtrack.interop import ImportProblems, Snapshot, import_records, read_mapping
    from claimtrack.interop.sqlite import read_sqlite

    database = len(args.files) == 1 and Path(args.files[0]).suffix.lower() in _DATABASE_SUFFIXES
    try:
        if args.mapping is None and database:
            ledger = read_sqlite(args.files[0])
            lines = [f"read {args.files[0]}: {ledger!r}"]
        elif args.mapping is None:
            print("claimtrack import: --mapping MAPPING.toml is required", file=sys.stderr)
            return EXIT_USAGE
        else:
            snapshots = [Snapshot.from_argument(name) for name in args.files]
            result = import_records(snapshots, read_mapping(args.mapping))
            ledger, lines = result.ledger, result.report.lines()
    except ImportProblems as error:
        for line in error.lines:
            print(line, file=sys.stderr)
        return EXIT_INVALID
    except InvalidLedger as error:
        for line in error.lines:
            print(f"{args.files[0]}: {line}", file=sys.stderr)
        return EXIT_INVALID
    report = sys.stderr if args.out is None else sys.stdout
    for line in lines:
        print(line, file=report)
    if args.out is None:
        sys.stdout.write(dumps(ledger))
    else:
        save(ledger, args.out)
        print(f"wrote {args.out}")
    return EXIT_OK


def _plot(args: argparse.Namespace) -> int:
    from claimtrack.plot import draw_timeline

    print(f"wrote {draw_timeline(open_ledger(args), args.out, as_of=args.as_of)}")
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add export, import and plot."""
    export = commands.add(
        "export",
        _export,
        "write the ledger in another format: csv or json (status table), html (full report),"
        " sqlite, claimreview (JSON-LD), annotations (W3C JSON-LD), csv-per-entity (a folder)",
        "claimtrack export --to html --out report.html",
        table=False,
    )
    export.add_argument(
        "--to",
        required=True,
        choices=sorted(EXPORTS),
        metavar="FORMAT",
        help=f"one of {', '.join(sorted(EXPORTS))}",
    )
    export.add_argument("--out", type=Path, metavar="PATH", help="output file (default: stdout)")
    sources_option(export)
    import_ = commands.add(
        "import",
        _import,
        "build a ledger from a tracker's CSV/JSON/JSON Lines snapshots through a TOML mapping,"
        " or read back a claimtrack SQLite export",
        "claimtrack import pledges-2021-01-15.csv pledges-2021-07-01.csv"
        " --mapping pledges.toml --out pledges.json",
        as_of=False,
        table=False,
        ledger="none",
    )
    import_.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="records files, one per snapshot, dated by their name or as FILE@DATE;"
        " or one .sqlite file",
    )
    import_.add_argument("--mapping", type=Path, metavar="TOML", help="the tracker's mapping")
    import_.add_argument(
        "--out", type=Path, metavar="LEDGER", help="ledger file to write (default: stdout)"
    )
    plot = commands.add(
        "plot",
        _plot,
        "draw the timeline: one lane per commitment coloured by status, evidence and events",
        "claimtrack plot --out timeline.svg",
        as_of=False,
        table=False,
    )
    plot.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help="picture to write: .svg or .png"
    )
    plot.add_argument(
        "--as-of",
        type=as_of_day,
        metavar="DATE",
        help="draw up to this day (default: the ledger's last date)",
    )
