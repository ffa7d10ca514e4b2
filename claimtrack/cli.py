"""The ``claimtrack`` command: thin argparse commands over the library.

Exit codes: 0 ok, 1 invalid data (one ``path: message`` line per problem on stderr), 2 bad usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from claimtrack import datasets
from claimtrack.codec import load
from claimtrack.dates import PartialDate
from claimtrack.errors import ClaimtrackError, InvalidLedger
from claimtrack.ledger import Ledger, as_day
from claimtrack.quotes import check_quotes
from claimtrack.report.table import EXTRA_FORMATS, Table

__all__ = ["main"]

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class _Usage(Exception):
    """A command-line mistake, reported with exit code 2."""


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


def _report(args: argparse.Namespace) -> int:
    from claimtrack.report import claim_table, status_table

    ledger = _open(args)
    table = (claim_table if args.claims else status_table)(ledger, args.as_of)
    _emit(table, args.format)
    return EXIT_OK


def _emit(table: Table, fmt: str) -> None:
    """Print a table: machine formats bare, text formats under their title."""
    rendered = table.render(fmt)
    if fmt in EXTRA_FORMATS:
        sys.stdout.write(rendered)
    else:
        print(f"{table.title}\n\n{rendered}")


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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimtrack",
        description="An evidence-backed ledger of pledges and claims, and what became of them.",
        epilog="Example: claimtrack report --as-of 2018-07-31",
    )
    parser.add_argument("--version", action="version", version=_version())
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(
        name: str, run: Callable[[argparse.Namespace], int], summary: str, example: str
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            help=summary,
            description=summary,
            epilog=f"Example: {example}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.add_argument(
            "--ledger",
            type=Path,
            default=_default_ledger(),
            metavar="PATH",
            help="ledger file (default: the bundled Pakistan-Iran ledger)",
        )
        sub.set_defaults(run=run)
        return sub

    report = command(
        "report",
        _report,
        "print the status of every commitment (or claim) as of a date",
        "claimtrack report --as-of 2017-12-31 --format github",
    )
    report.add_argument(
        "--as-of",
        type=_as_of,
        default=_today(),
        metavar="DATE",
        help="the day to report on: YYYY, YYYY-MM or YYYY-MM-DD (its last day); default today",
    )
    report.add_argument(
        "--format",
        default="simple",
        metavar="FORMAT",
        help="any tabulate format (github, grid, plain, html...), csv or json; default simple",
    )
    report.add_argument("--claims", action="store_true", help="list claims instead")
    validate = command(
        "validate",
        _validate,
        "check a ledger's format, integrity, lifecycle and every quote against archived texts",
        "claimtrack validate --ledger my.json --sources texts/",
    )
    coverage = command(
        "coverage",
        _coverage,
        "list, per source, the sentences no evidence quote touches (for completeness reviews)",
        "claimtrack coverage --sources fixtures/sources",
    )
    for sub in (validate, coverage):
        sub.add_argument(
            "--sources",
            type=Path,
            metavar="DIR",
            help="folder of archived source texts (default: the ledger's folder)",
        )
    return parser


def _version() -> str:
    from claimtrack._version import __version__

    return f"claimtrack {__version__}"


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
        for line in error.lines:
            print(f"{args.ledger}: {line}", file=sys.stderr)
        return EXIT_INVALID
    except ClaimtrackError as error:
        print(f"claimtrack: {error}", file=sys.stderr)
        return EXIT_INVALID
    except BrokenPipeError:
        return EXIT_OK
    return code
