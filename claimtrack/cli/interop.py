"""Commands that move a ledger in or out of other formats: export, import, plot.

An export format is one :data:`Exporter` in :data:`EXPORTS`; adding a format is one entry.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from claimtrack.cli.options import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    Commands,
    UsageError,
    as_of_day,
    force_option,
    open_ledger,
    text_folder,
    texts_option,
)
from claimtrack.errors import InvalidLedger, NothingToExport
from claimtrack.files import STDOUT, check_target, write_folder_atomically, write_output
from claimtrack.ledger import Ledger

__all__ = ["EXPORTS", "Exporter", "register"]

#: An exporter renders a ledger as of a day: it returns the text (or bytes) to write, or, for a
#: format in ``FOLDER_EXPORTS``, the files (name -> bytes) to write into the ``--out`` folder.
Exporter = Callable[[Ledger, dt.date, Path | None, Path], str | bytes | Mapping[str, bytes]]

#: Formats that write a folder of files rather than one file.
FOLDER_EXPORTS = frozenset({"csv-per-entity"})


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


def _claimreview_for(args: argparse.Namespace, ledger: Ledger) -> str:
    """ClaimReview with the reviewer and base URL given; refuses a ledger with no claim to rate.

    ClaimReview rates claims only: the commitments (and claims not yet made by ``--as-of``) it
    leaves out are named on stderr, and a ledger with nothing to rate is an error (exit 1),
    not an empty ``[]``.
    """
    from claimtrack.interop.claimreview import claimreview, claimreview_json

    rated = claimreview(ledger, as_of=args.as_of, reviewer=args.reviewer, base_url=args.base_url)
    skipped = []
    if ledger.commitments:
        count = len(ledger.commitments)
        skipped.append(f"{count} commitment{'' if count == 1 else 's'} (not claims)")
    if len(rated) < len(ledger.claims):
        count = len(ledger.claims) - len(rated)
        skipped.append(f"{count} claim{'' if count == 1 else 's'} not yet made on {args.as_of}")
    if not rated:
        reason = "; skipped " + ", ".join(skipped) if skipped else ": the ledger has no claims"
        raise NothingToExport(f"no claims to export as ClaimReview{reason}")
    if skipped:
        print(f"claimtrack: note: ClaimReview skipped {', '.join(skipped)}", file=sys.stderr)
    return claimreview_json(
        ledger, as_of=args.as_of, reviewer=args.reviewer, base_url=args.base_url
    )


def _export_annotations(ledger: Ledger, as_of: dt.date, out: Path | None, texts: Path) -> str:
    from claimtrack.interop.annotations import web_annotations_json
    from claimtrack.quotes import read_source_texts

    # Archived texts give each quote its prefix and suffix; a text that cannot be read only
    # leaves its quotes without them, so it is a note on stderr, not a failure.
    found, problems = read_source_texts(ledger, texts)
    for problem in problems:
        print(f"claimtrack: note: {problem}", file=sys.stderr)
    return web_annotations_json(ledger, texts=found)


def _export_csv_tables(
    ledger: Ledger, as_of: dt.date, out: Path | None, texts: Path
) -> dict[str, bytes]:
    from claimtrack.interop.tables import csv_tables

    return csv_tables(ledger)


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
    folder = args.to in FOLDER_EXPORTS
    to_stdout = args.out is None or str(args.out) == STDOUT
    if folder and to_stdout:
        raise UsageError(f"{args.to} writes one file per table: give --out FOLDER")
    if not folder and not to_stdout:  # refused before any work is done
        check_target(args.out, force=args.force, read=[args.ledger])
    if args.title is not None and args.to != "html":
        raise UsageError(f"--title names the html page; {args.to} has no title")
    ledger = open_ledger(args)
    result: str | bytes | Mapping[str, bytes] | None
    if args.to == "html":
        from claimtrack.report import html_report

        result = html_report(ledger, args.as_of, title=args.title or "claimtrack report")
    elif args.to == "claimreview":
        result = _claimreview_for(args, ledger)
    else:
        result = EXPORTS[args.to](ledger, args.as_of, args.out, text_folder(args))
    if isinstance(result, Mapping):  # all files written, or none
        write_folder_atomically(args.out, result, force=args.force)
    else:
        write_output(args.out, result, force=args.force, read=[args.ledger])
    return EXIT_OK


_DATABASE_SUFFIXES = (".sqlite", ".sqlite3", ".db")


def _suggest_renames(args: argparse.Namespace) -> int:
    """Write likely renames as a renames CSV (stdout by default) for the user to check."""
    from claimtrack.interop import Snapshot, likely_renames, read_mapping
    from claimtrack.interop.rename_suggestions import suggestions_csv

    snapshots = [Snapshot.from_argument(name) for name in args.files]
    found = likely_renames(snapshots, read_mapping(args.mapping), threshold=args.similarity)
    write_output(args.out, suggestions_csv(found), force=args.force, read=args.files)
    count = len(found)
    print(
        f"{count} likely rename{'' if count == 1 else 's'}: check them, then import with"
        " --renames FILE.csv",
        file=sys.stderr,
    )
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from claimtrack.codec import dumps
    from claimtrack.interop import (
        ImportProblems,
        Snapshot,
        import_records,
        read_mapping,
        read_renames,
    )
    from claimtrack.interop.sqlite import read_sqlite

    database = len(args.files) == 1 and Path(args.files[0]).suffix.lower() in _DATABASE_SUFFIXES
    try:
        if args.mapping is None and database:
            ledger = read_sqlite(args.files[0])
            lines = [f"read {args.files[0]}: {ledger!r}"]
        elif args.mapping is None:
            print("claimtrack import: --mapping MAPPING.toml is required", file=sys.stderr)
            return EXIT_USAGE
        elif args.suggest_renames:
            return _suggest_renames(args)
        else:
            snapshots = [Snapshot.from_argument(name) for name in args.files]
            renames = read_renames(args.renames) if args.renames is not None else None
            result = import_records(
                snapshots,
                read_mapping(args.mapping),
                renames=renames,
                duplicate_keys=args.duplicate_keys,
            )
            ledger, lines = result.ledger, result.report.lines()
    except ImportProblems as error:
        for line in error.lines:
            print(line, file=sys.stderr)
        return EXIT_INVALID
    except InvalidLedger as error:
        for line in error.lines:
            print(f"{args.files[0]}: {line}", file=sys.stderr)
        return EXIT_INVALID
    to_stdout = args.out is None or str(args.out) == STDOUT
    report = sys.stderr if to_stdout else sys.stdout
    for line in lines:
        print(line, file=report)
    write_output(args.out, dumps(ledger), force=args.force, read=args.files)
    if not to_stdout:
        print(f"wrote {args.out}")
    return EXIT_OK


def _plot(args: argparse.Namespace) -> int:
    from claimtrack.plot import draw_timeline

    target = check_target(args.out, force=args.force, read=[args.ledger])
    print(f"wrote {draw_timeline(open_ledger(args), target, as_of=args.as_of)}")
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
    export.add_argument(
        "--out", type=Path, metavar="PATH", help="output file, or - for stdout (the default)"
    )
    export.add_argument("--title", metavar="TEXT", help="the html page's title")
    force_option(export)
    texts_option(export)
    export.add_argument(
        "--reviewer",
        default="claimtrack",
        metavar="NAME",
        help="claimreview: the organisation publishing the reviews (default: claimtrack)",
    )
    export.add_argument(
        "--base-url",
        metavar="URL",
        help="claimreview: each review gets an @id and url under it (BASE/claim/ID)",
    )
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
        help="records files, one per snapshot, dated by their name, as FILE@DATE or as"
        " FILE@DATETHH:MM (two snapshots of one day); or one .sqlite file",
    )
    import_.add_argument("--mapping", type=Path, metavar="TOML", help="the tracker's mapping")
    import_.add_argument(
        "--renames",
        type=Path,
        metavar="CSV",
        help="renamed keys: a CSV with 'old' and 'new' columns (added to the mapping's [renames])",
    )
    import_.add_argument(
        "--duplicate-keys",
        choices=("refuse", "by-order"),
        help="a key listed twice in one snapshot: refuse it (the default) or keep the rows apart"
        " by order of appearance (overrides the mapping)",
    )
    import_.add_argument(
        "--suggest-renames",
        action="store_true",
        help="import nothing: write likely renames (same URL, or close titles) as a renames CSV"
        " to check and pass back with --renames",
    )
    import_.add_argument(
        "--similarity",
        type=float,
        default=0.8,
        metavar="RATIO",
        help="--suggest-renames: the least title similarity (difflib ratio, 0-1; default 0.8)",
    )
    import_.add_argument(
        "--out", type=Path, metavar="LEDGER", help="ledger file to write, or - for stdout (default)"
    )
    force_option(import_)
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
    force_option(plot)
    plot.add_argument(
        "--as-of",
        type=as_of_day,
        metavar="DATE",
        help="draw up to this day (default: the ledger's last date)",
    )
