"""What every command shares: exit codes, option types, the common options and table output.

A command-group module builds its subcommands with :meth:`Commands.add`, which gives each the
options it asks for (``--ledger``, ``--as-of``, ``--format``) and an ``Example:`` epilog.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from claimtrack import datasets
from claimtrack.codec import load
from claimtrack.dates import PartialDate
from claimtrack.errors import ClaimtrackError
from claimtrack.ledger import Ledger, as_day
from claimtrack.report.table import EXTRA_FORMATS, Table

__all__ = [
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_USAGE",
    "Commands",
    "Run",
    "Usage",
    "as_of_day",
    "day",
    "emit",
    "force_option",
    "open_ledger",
    "seconds",
    "sources_option",
    "text_folder",
]

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2

#: A command's body: takes the parsed arguments, returns the exit code.
Run = Callable[[argparse.Namespace], int]


class Usage(ClaimtrackError, ValueError):
    """A mistake on the command line found only once the command runs: exit 2."""


def as_of_day(text: str) -> dt.date:
    """An ``--as-of``-style argument: a partial date stands for its last day."""
    try:
        return as_day(PartialDate.parse(text))
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def day(text: str) -> PartialDate:
    """A date argument kept at the precision given (YYYY, YYYY-MM or YYYY-MM-DD)."""
    try:
        return PartialDate.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def seconds(text: str) -> float:
    """A non-negative, finite number of seconds."""
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value < float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds")
    return value


def _today() -> dt.date:
    return dt.datetime.now(tz=dt.UTC).date()


def _default_ledger() -> Path:
    return datasets.folder() / datasets.PAKISTAN_IRAN


def open_ledger(args: argparse.Namespace) -> Ledger:
    """The ledger named by ``--ledger``, loaded and validated."""
    return load(args.ledger)


def text_folder(args: argparse.Namespace) -> Path:
    """The archived-texts folder: ``--sources``, else the ledger's folder."""
    return args.sources if args.sources is not None else Path(args.ledger).parent


def emit(table: Table, fmt: str) -> None:
    """Print a table: machine formats bare, text formats under their title."""
    rendered = table.render(fmt)
    if fmt in EXTRA_FORMATS:
        sys.stdout.write(rendered)
    else:
        print(f"{table.title}\n\n{rendered}")


class Commands:
    """The ``claimtrack`` subcommands; command-group modules add theirs with :meth:`add`."""

    def __init__(self, subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
        self._subparsers = subparsers

    def add(
        self,
        name: str,
        run: Run,
        summary: str,
        example: str,
        *,
        as_of: bool = True,
        table: bool = True,
        ledger: Literal["read", "write", "none"] = "read",
    ) -> argparse.ArgumentParser:
        """Add a subcommand; returns its parser for the command's own arguments.

        ``ledger="read"`` adds ``--ledger`` defaulting to the bundled ledger, ``"write"`` a
        required ``--ledger`` (the bundled ledger is never written), ``"none"`` nothing.
        ``as_of`` adds ``--as-of`` (default today); ``table`` adds ``--format``.
        """
        sub = self._subparsers.add_parser(
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
                type=as_of_day,
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


def sources_option(sub: argparse.ArgumentParser) -> None:
    """``--sources DIR``: the archived source texts a command reads (see :func:`text_folder`)."""
    sub.add_argument(
        "--sources",
        type=Path,
        metavar="DIR",
        help="folder of archived source texts (default: the ledger's folder)",
    )


def force_option(sub: argparse.ArgumentParser) -> None:
    """--force: replace an existing output file (never the ledger read, never a special file)."""
    sub.add_argument(
        "--force",
        action="store_true",
        help="replace an existing output file (the ledger read and special files never are)",
    )
