"""The ``claimtrack`` command: thin argparse commands over the library.

Exit codes: 0 ok, 1 invalid data (one ``path: message`` line per problem on stderr), 2 bad usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from claimtrack import amend, datasets
from claimtrack._locate import with_lines
from claimtrack.amend import NewEvidence
from claimtrack.codec import load, write_atomically
from claimtrack.dates import PartialDate
from claimtrack.errors import ClaimtrackError, InvalidLedger, Problem
from claimtrack.ledger import Ledger, as_day
from claimtrack.lifecycle import ClaimStatus, CommitmentStatus, Stance
from claimtrack.model import Credibility, Reliability, Source, SourceKind, TextQuote
from claimtrack.quotes import check_quotes
from claimtrack.report.status import UnknownColumn, UnknownStatus
from claimtrack.report.table import EXTRA_FORMATS, Table

__all__ = ["main"]

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class _Usage(ClaimtrackError, ValueError):
    """A mistake on the command line found only once the command runs: exit 2."""


def _as_of(text: str) -> dt.date:
    try:
        return as_day(PartialDate.parse(text))
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _today() -> dt.date:
    return dt.datetime.now(tz=dt.UTC).date()


def _default_ledger() -> Path:
    return datasets.folder() / datasets.PAKISTAN_IRAN


def _open(args: argparse.Namespace) -> Ledger:
    return load(args.ledger)


def _emit(table: Table, fmt: str) -> None:
    """Print a table: machine formats bare, text formats under their title."""
    rendered = table.render(fmt)
    if fmt in EXTRA_FORMATS:
        sys.stdout.write(rendered)
    else:
        print(f"{table.title}\n\n{rendered}")


def _report(args: argparse.Namespace) -> int:
    from claimtrack.report import claim_table, status_table

    ledger = _open(args)
    if args.claims:
        table = claim_table(ledger, args.as_of, actor=args.actor)
    else:
        table = status_table(
            ledger,
            args.as_of,
            agreement=args.agreement,
            actor=args.actor,
            category=args.category,
            status=args.status,
            columns=args.columns.split(",") if args.columns else None,
            sort=args.sort,
        )
    _emit(table, args.format)
    return EXIT_OK


def _scorecard(args: argparse.Namespace) -> int:
    from claimtrack.report import scorecard

    card = scorecard(_open(args), args.as_of, by=args.by)
    if args.format in EXTRA_FORMATS:
        _emit(card.table(), args.format)
        return EXIT_OK
    for position, table in enumerate(card.tables()):
        if position:
            print()
        _emit(table, args.format)
    return EXIT_OK


def _timeline(args: argparse.Namespace) -> int:
    from claimtrack.report import timeline

    _emit(timeline(_open(args), args.as_of), args.format)
    return EXIT_OK


def _diff(args: argparse.Namespace) -> int:
    from claimtrack.report import diff

    _emit(diff(_open(args), args.start, args.end), args.format)
    return EXIT_OK


def _evidence(args: argparse.Namespace) -> int:
    from claimtrack.report import evidence_report

    _emit(evidence_report(_open(args), args.item, args.as_of), args.format)
    return EXIT_OK


def _confidence(args: argparse.Namespace) -> int:
    from claimtrack.report import confidence_table

    _emit(confidence_table(_open(args), args.as_of), args.format)
    return EXIT_OK


def _recurrence(args: argparse.Namespace) -> int:
    from claimtrack.report import recurrence_table

    _emit(recurrence_table(_open(args), args.as_of), args.format)
    return EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    ledger = _open(args)
    check_quotes(ledger, _text_folder(args))
    quoted = sum(1 for evidence in ledger.evidence if evidence.quote is not None)
    print(
        f"{args.ledger}: valid; {len(ledger.commitments)} commitments, {len(ledger.claims)}"
        f" claims, {quoted} of {len(ledger.evidence)} evidence quotes verified"
    )
    return EXIT_OK


def _coverage(args: argparse.Namespace) -> int:
    from claimtrack.coverage import coverage
    from claimtrack.quotes import read_source_texts

    ledger = _open(args)
    texts, problems = read_source_texts(ledger, _text_folder(args))
    if problems:
        raise InvalidLedger(problems, headline="archived texts unreadable")
    for result in coverage(ledger, texts):
        print(f"{result.source}: {result.cited} of {result.sentences} sentences cited")
        for sentence in result.uncited:
            print(f"  uncited: {sentence}")
    return EXIT_OK


def _text_folder(args: argparse.Namespace) -> Path:
    return args.sources if args.sources is not None else Path(args.ledger).parent


# -- export -----------------------------------------------------------------------------------

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


#: Export formats by name; other modules' formats are added here.
EXPORTS: dict[str, Exporter] = {
    "csv": _export_status_csv,
    "json": _export_status_json,
    "html": _export_html,
}


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
        raise _Usage("csv-per-entity writes one file per table: give --out FOLDER")
    write_csv_tables(ledger, out)


EXPORTS.update(
    {
        "sqlite": _export_sqlite,
        "claimreview": _export_claimreview,
        "annotations": _export_annotations,
        "csv-per-entity": _export_csv_tables,
    }
)


def _export(args: argparse.Namespace) -> int:
    exporter = EXPORTS[args.to]
    result = exporter(_open(args), args.as_of, args.out, _text_folder(args))
    if result is None:
        return EXIT_OK
    data = result.encode("utf-8") if isinstance(result, str) else result
    if args.out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        write_atomically(args.out, data)
    return EXIT_OK


# -- import and plot (claimtrack.interop, claimtrack.plot) ------------------------------------

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

    print(f"wrote {draw_timeline(_open(args), args.out, as_of=args.as_of)}")
    return EXIT_OK


# -- in-place updates (locked read-validate-write; see claimtrack.amend) ----------------------


def _day(text: str) -> PartialDate:
    try:
        return PartialDate.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds")
    return seconds


def _new_evidence(args: argparse.Namespace) -> NewEvidence | None:
    """The quote given with --source/--quote, if any; a half-given one is a usage error."""
    if (args.source is None) != (args.quote is None):
        args.usage_error("--source and --quote go together: the quote's source and its words")
    if args.quote is None:
        if args.prefix is not None or args.suffix is not None:
            args.usage_error("--prefix and --suffix belong to a --quote")
        return None
    if not args.quote.strip():
        args.usage_error("--quote needs the words, exactly as printed in the source")
    return NewEvidence(
        source=args.source,
        quote=TextQuote(args.quote, args.prefix, args.suffix),
        stance=Stance(args.stance),
        credibility=None if args.credibility is None else Credibility(args.credibility),
    )


def _updates_texts(args: argparse.Namespace) -> Path:
    """The folder new quotes and texts are checked in: --texts, else the ledger's folder."""
    return args.texts if args.texts is not None else Path(args.ledger).parent


def _record(args: argparse.Namespace) -> int:
    """Append a status change in place; print what was recorded and the evidence it cites."""
    new = _new_evidence(args)
    if args.inferred is not None and not args.inferred.strip():
        args.usage_error("--inferred needs the reason the date is inferred")
    on = PartialDate.parse(args.on.edtf, inferred=args.inferred)
    ledger = amend.record(
        args.ledger,
        args.item,
        status=args.status,
        on=on,
        evidence=args.evidence or (),
        new=new,
        note=args.note,
        texts=_updates_texts(args),
        timeout=args.wait,
    )
    change = ledger.history(args.item)[-1]
    cited = ", ".join(change.evidence)
    print(f"{args.item}: {change.status.value} on {change.date}, citing {cited}")
    return EXIT_OK


def _cite(args: argparse.Namespace) -> int:
    """Make an item cite more evidence in place; print everything it now cites."""
    ledger = amend.cite(
        args.ledger,
        args.item,
        evidence=args.evidence or (),
        new=_new_evidence(args),
        texts=_updates_texts(args),
        timeout=args.wait,
    )
    print(f"{args.item} now cites {', '.join(ledger.item(args.item).evidence)}")
    return EXIT_OK


def _add_source(args: argparse.Namespace) -> int:
    """Add a source in place (its archived text, if named, must be readable)."""
    source = Source(
        id=args.id,
        title=args.title,
        kind=SourceKind(args.kind),
        publisher=args.publisher,
        author=args.author,
        published=args.published,
        url=args.url,
        language=args.language,
        reliability=None if args.reliability is None else Reliability(args.reliability),
        text=args.text,
        note=args.note,
    )
    amend.add_source(args.ledger, source, texts=_updates_texts(args), timeout=args.wait)
    print(f"added source {args.id}")
    return EXIT_OK


def _update_options(sub: argparse.ArgumentParser) -> None:
    """Options every in-place update takes: the text folder and how long to wait for the lock."""
    sub.add_argument(
        "--texts",
        type=Path,
        metavar="DIR",
        help="folder of archived source texts new quotes are checked against"
        " (default: the ledger's folder)",
    )
    sub.add_argument(
        "--wait",
        type=_seconds,
        default=60.0,
        metavar="SECONDS",
        help="how long to wait for another update of the same ledger to finish (default: 60)",
    )
    sub.set_defaults(usage_error=sub.error)


def _evidence_options(sub: argparse.ArgumentParser) -> None:
    """--evidence ID..., or a new quote: --source ID --quote TEXT [--prefix/--suffix/--stance]."""
    cited = sub.add_mutually_exclusive_group(required=True)
    cited.add_argument(
        "--evidence",
        action="extend",
        nargs="+",
        metavar="EVIDENCE_ID",
        help="cite evidence already in the ledger (repeatable)",
    )
    cited.add_argument("--quote", metavar="TEXT", help="cite a new quote, exactly as printed")
    sub.add_argument("--source", metavar="SOURCE_ID", help="the source the --quote is from")
    sub.add_argument("--prefix", metavar="TEXT", help="text right before the quote, to pin it")
    sub.add_argument("--suffix", metavar="TEXT", help="text right after the quote, to pin it")
    sub.add_argument(
        "--stance",
        choices=[stance.value for stance in Stance],
        default=Stance.MENTIONS.value,
        help="how the quote bears on the item (default: mentions, which justifies no verdict)",
    )
    sub.add_argument(
        "--credibility",
        type=int,
        choices=[grade.value for grade in Credibility],
        help="Admiralty information credibility of the quote, 1-6",
    )


# -- parser -----------------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimtrack",
        description="An evidence-backed ledger of pledges and claims, and what became of them.",
        epilog="Example: claimtrack report --as-of 2018-07-31",
    )
    parser.add_argument("--version", action="version", version=_version())
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(
        name: str,
        run: Callable[[argparse.Namespace], int],
        summary: str,
        example: str,
        *,
        as_of: bool = True,
        table: bool = True,
        ledger: str = "read",
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            help=summary,
            description=summary,
            epilog=f"Example:\n  {example}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        if ledger == "read":
            sub.add_argument(
                "--ledger",
                type=Path,
                default=_default_ledger(),
                metavar="PATH",
                help="ledger file (default: the bundled Pakistan-Iran ledger)",
            )
        elif ledger == "write":  # the bundled ledger is never written: name the file
            sub.add_argument(
                "--ledger",
                type=Path,
                required=True,
                metavar="PATH",
                help="the ledger file to change",
            )
        if as_of:
            sub.add_argument(
                "--as-of",
                type=_as_of,
                default=_today(),
                metavar="DATE",
                help="the day to report on: YYYY, YYYY-MM or YYYY-MM-DD (a partial date stands"
                " for its last day); default: today",
            )
        if table:
            sub.add_argument(
                "--format",
                default="simple",
                metavar="FORMAT",
                help="any tabulate format (github, grid, plain, html, ...), csv or json;"
                " default: simple",
            )
        sub.set_defaults(run=run)
        return sub

    report = command(
        "report",
        _report,
        "print the status of every commitment (or claim) as of a date",
        "claimtrack report --as-of 2017-12-31 --format github",
    )
    report.add_argument("--claims", action="store_true", help="list claims instead")
    report.add_argument("--agreement", metavar="ID", help="only this agreement's commitments")
    report.add_argument("--actor", metavar="ID", help="only items this actor owes or is owed")
    report.add_argument("--category", metavar="NAME", help="only this category")
    report.add_argument("--status", metavar="STATUS", help="only items in this status")
    report.add_argument(
        "--columns", metavar="A,B,...", help="columns to show, comma-separated, in order"
    )
    report.add_argument("--sort", metavar="COLUMN", help="sort rows by this column")

    card = command(
        "scorecard",
        _scorecard,
        "count commitments per status, with the Peace Accords Matrix score and PolitiFact tally",
        "claimtrack scorecard --as-of 2018-07-31 --by agreement",
    )
    card.add_argument("--by", choices=("agreement", "party", "category"), help="one row per group")
    command(
        "timeline",
        _timeline,
        "list events, status changes and source publications in date order",
        "claimtrack timeline --as-of 2018-12-31",
    )
    diff = command(
        "diff",
        _diff,
        "show what changed between two dates: new items, status moves, new evidence, overdue",
        "claimtrack diff --from 2017-12-31 --to 2018-07-31",
        as_of=False,
    )
    diff.add_argument("--from", dest="start", type=_as_of, required=True, metavar="DATE")
    diff.add_argument("--to", dest="end", type=_as_of, required=True, metavar="DATE")
    evidence = command(
        "evidence",
        _evidence,
        "list every quote behind one commitment or claim, with source, date, stance and grade",
        "claimtrack evidence c-hotline",
    )
    evidence.add_argument("item", metavar="ID", help="a commitment or claim id")
    command(
        "confidence",
        _confidence,
        "how sure are we: the grading and independence of the evidence behind each status",
        "claimtrack confidence --as-of 2018-07-31",
    )
    command(
        "recurrence",
        _recurrence,
        "how often the same thing was pledged again (restates chains), and whether it was kept",
        "claimtrack recurrence",
    )
    export = command(
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
    import_ = command(
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
    plot = command(
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
        type=_as_of,
        metavar="DATE",
        help="draw up to this day (default: the ledger's last date)",
    )

    validate = command(
        "validate",
        _validate,
        "check a ledger's format, integrity, lifecycle and every quote against archived texts",
        "claimtrack validate --ledger my.json --sources texts/",
        as_of=False,
        table=False,
    )
    coverage = command(
        "coverage",
        _coverage,
        "list, per source, the sentences no evidence quote touches (for completeness reviews)",
        "claimtrack coverage --sources fixtures/sources",
        as_of=False,
        table=False,
    )
    for sub in (validate, coverage, export):
        sub.add_argument(
            "--sources",
            type=Path,
            metavar="DIR",
            help="folder of archived source texts (default: the ledger's folder)",
        )

    record = command(
        "record",
        _record,
        "append a dated status change to a commitment or claim, in the ledger file itself;\n"
        "the file stays locked from read to write, so concurrent updates are never lost",
        "claimtrack record --ledger my.json c-hotline --status in_progress --on 2019-05 \\\n"
        "      --source src-a --quote 'the hotline was set up' --stance supports",
        as_of=False,
        table=False,
        ledger="write",
    )
    record.add_argument("item", metavar="ITEM_ID", help="a commitment or claim id")
    record.add_argument(
        "--status",
        required=True,
        choices=sorted({s.value for s in CommitmentStatus} | {s.value for s in ClaimStatus}),
        metavar="STATUS",
        help="the new status, e.g. in_progress, implemented, broken, corroborated, refuted",
    )
    record.add_argument(
        "--on", required=True, type=_day, metavar="DATE", help="when: YYYY, YYYY-MM or YYYY-MM-DD"
    )
    record.add_argument(
        "--inferred", metavar="REASON", help="the date is not printed in the source; say why"
    )
    record.add_argument("--note", metavar="TEXT", help="a note on this change")
    _evidence_options(record)
    _update_options(record)

    cite = command(
        "cite",
        _cite,
        "make a commitment or claim cite more evidence (an existing id, or a new quote), in place",
        "claimtrack cite --ledger my.json c-hotline --source src-a --quote 'a hotline'",
        as_of=False,
        table=False,
        ledger="write",
    )
    cite.add_argument("item", metavar="ITEM_ID", help="a commitment or claim id")
    _evidence_options(cite)
    _update_options(cite)

    add_source = command(
        "add-source",
        _add_source,
        "add a source (a dated publication that quotes come from) to the ledger file, in place",
        "claimtrack add-source --ledger my.json --id src-b --title 'Talks resume' --kind news \\\n"
        "      --published 2019-05-02 --text talks-resume.txt",
        as_of=False,
        table=False,
        ledger="write",
    )
    add_source.add_argument("--id", required=True, metavar="ID", help="a new, unique id")
    add_source.add_argument("--title", required=True, metavar="TEXT")
    add_source.add_argument("--kind", required=True, choices=[k.value for k in SourceKind])
    add_source.add_argument("--published", type=_day, metavar="DATE")
    add_source.add_argument("--url", metavar="URL")
    add_source.add_argument("--publisher", metavar="NAME")
    add_source.add_argument("--author", metavar="NAME")
    add_source.add_argument("--language", metavar="CODE", help="e.g. en, ur, fa")
    add_source.add_argument(
        "--reliability", choices=[r.value for r in Reliability], help="Admiralty grade A-F"
    )
    add_source.add_argument(
        "--text", metavar="FILE", help="the archived text, relative to the text folder"
    )
    add_source.add_argument("--note", metavar="TEXT")
    _update_options(add_source)
    return parser


def _version() -> str:
    from claimtrack._version import __version__

    return f"claimtrack {__version__}"


def _located(args: argparse.Namespace, problems: Sequence[Problem]) -> Sequence[Problem]:
    """Problems with line numbers in the ledger file, where they can be known.

    Loading sets them; ``validate`` also finds them for quote problems, whose paths are
    positions in the file as it stands (other commands' paths may be in an updated ledger).
    """
    if args.command != "validate" or all(problem.line is not None for problem in problems):
        return problems
    try:
        text = Path(args.ledger).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return problems
    return with_lines(text, problems)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if getattr(args, "format", None) is not None:
        from claimtrack.report import formats

        if args.format not in formats():
            parser.error(f"unknown format {args.format!r}; expected one of {', '.join(formats())}")
    try:
        code: int = args.run(args)
    except InvalidLedger as error:
        file = getattr(args, "ledger", None) or "claimtrack"
        for problem in _located(args, error.problems):
            where = file if problem.line is None else f"{file}:{problem.line}"
            print(f"{where}: {problem}", file=sys.stderr)
        return EXIT_INVALID
    except (UnknownColumn, UnknownStatus, _Usage) as error:
        parser.error(str(error))  # a mistake on the command line: exit 2
    except ClaimtrackError as error:
        print(f"claimtrack: {error}", file=sys.stderr)
        return EXIT_INVALID
    except BrokenPipeError:
        return EXIT_OK
    return code
