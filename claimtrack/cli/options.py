"""What every command shares: exit codes, option types, the common options and table output.

A command-group module builds its subcommands with :meth:`Commands.add`, which gives each the
options it asks for (``--ledger``, ``--as-of``, ``--format``) and an ``Example:`` epilog.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Literal, cast

from claimtrack import datasets
from claimtrack.cli.exits import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from claimtrack.cli.helpformat import RawDescriptionHelpFormatter
from claimtrack.codec import load
from claimtrack.dates import PartialDate
from claimtrack.errors import UsageError
from claimtrack.ledger import Ledger, as_day
from claimtrack.lifecycle import ClaimStatus, CommitmentStatus
from claimtrack.report.table import DATA_FORMATS, Table, column_key

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_USAGE",
    "STATUS_NAMES",
    "Commands",
    "Run",
    "Usage",
    "UsageError",
    "as_of_day",
    "bundled_ledger",
    "column_names",
    "day",
    "emit",
    "example_ledger",
    "force_option",
    "is_bundled",
    "ledger_option",
    "open_ledger",
    "path",
    "seconds",
    "settle_dates",
    "shaped",
    "table_options",
    "text_folder",
    "texts_option",
]

#: ``claimtrack.errors.UsageError`` under the name command modules have used: a command-line
#: mistake found only once the command runs (exit 2).
Usage = UsageError

#: A command's body: takes the parsed arguments, returns the exit code.
Run = Callable[[argparse.Namespace], int]


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


#: The environment variable naming the default ledger.
#: Every status name a command line may give, commitment and claim statuses together.
STATUS_NAMES = sorted({s.value for s in CommitmentStatus} | {s.value for s in ClaimStatus})

LEDGER_VARIABLE = "CLAIMTRACK_LEDGER"

#: Said in report titles when no ledger was named and the bundled example is read.
FALLBACK_NOTE = "(bundled example ledger)"

#: Said on standard error when a table without a title (CSV, JSON...) is of the bundled example.
FALLBACK_HINT = (
    f"claimtrack: note: reading the bundled example ledger; name yours with --ledger or"
    f" ${LEDGER_VARIABLE}"
)

#: Set by ``open_ledger`` when it falls back to the bundled example; ``emit`` then says so.
_fell_back: list[bool] = []


def path(text: str) -> Path:
    """An argument naming a file or folder, as a ``Path`` (``type=path``, where ``type=Path``
    would import pathlib for every command built; ``--ledger`` stays the string given)."""
    from pathlib import Path

    return Path(text)


def bundled_ledger() -> str:
    """The bundled Pakistan-Iran example ledger."""
    return datasets.file(datasets.PAKISTAN_IRAN)


def example_ledger(name: str) -> str:
    """The file of the bundled example ledger called ``name`` (``--example NAME``)."""
    try:
        return datasets.file(datasets.EXAMPLES[name])
    except KeyError:
        known = ", ".join(sorted(datasets.EXAMPLES))
        raise argparse.ArgumentTypeError(
            f"no bundled example called {name!r}; the examples are: {known}"
        ) from None


def is_bundled(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is the bundled example ledger."""
    try:
        return os.path.realpath(path) == os.path.realpath(bundled_ledger())
    except (OSError, ValueError):
        return False


def open_ledger(args: argparse.Namespace) -> Ledger:
    """The ledger named by ``--ledger``, loaded and validated; for a report, without the records
    no longer tracked on ``--as-of`` unless ``--include-untracked`` is given; with
    ``--known-by``, as a reader could have known it on that day (see ``Ledger.known_by``).
    Notes a fall-back to the bundled example, so that ``emit`` says so."""
    _fell_back.clear()
    if is_bundled(args.ledger):
        _fell_back.append(True)
    ledger = load(args.ledger)
    known_by = getattr(args, "known_by", None)
    if known_by is not None:
        ledger = ledger.known_by(known_by)
    if getattr(args, "include_untracked", True):
        return ledger
    from claimtrack.tracking import still_tracked

    named = [
        value for name in ("item", "id") if isinstance(value := getattr(args, name, None), str)
    ]
    return still_tracked(ledger, getattr(args, "as_of", None) or _today(), keep=named)


def settle_dates(args: argparse.Namespace) -> None:
    """Fill in ``--as-of`` left out: the ``--known-by`` day, else today."""
    if hasattr(args, "as_of") and args.as_of is None:
        args.as_of = getattr(args, "known_by", None) or _today()


def text_folder(args: argparse.Namespace) -> Path:
    """The archived-texts folder: ``--texts``, else the ledger's folder."""
    from pathlib import Path

    return args.texts if args.texts is not None else Path(args.ledger).parent


#: Marks an inferred date in text tables; explained under the table.
INFERRED_NOTE = "* inferred date: not stated in the source (--format json gives the reason)"


def column_names(text: str) -> list[str]:
    """``--columns a,b,c`` as names; a name may be a header or its key (``latest_evidence``)."""
    names = [name.strip() for name in text.split(",")]
    if not all(names):
        raise UsageError(f"--columns {text!r} has an empty name; give names separated by commas")
    return names


def shaped(table: Table, args: argparse.Namespace) -> Table:
    """The table sorted (``--sort``) and cut to the asked columns (``--columns``)."""
    if getattr(args, "sort", None):
        table = table.sorted_by(args.sort)
    if getattr(args, "columns", None):
        table = table.select(column_names(args.columns))
    return table


def _has_inferred_date(table: Table) -> bool:
    return any(
        isinstance(cell, PartialDate) and cell.inferred for row in table.rows for cell in row
    )


def emit(table: Table, args: argparse.Namespace | str) -> None:
    """Print a table as the command line asks: data formats bare (``--excel``: CSV with a
    byte-order mark), text formats under their title, fitted to the terminal (``--wide``: every
    column), status coloured on a terminal unless ``NO_COLOR`` is set."""
    from claimtrack.report.fit import fit, terminal_width, wants_colour

    if isinstance(args, str):
        args = argparse.Namespace(format=args)
    fmt = args.format or "simple"
    explicit = getattr(args, "columns", None)
    table = shaped(table, args)
    if getattr(args, "excel", False):
        if fmt != "csv" and args.format is not None:
            raise UsageError(f"--excel writes CSV; it cannot go with --format {fmt}")
        sys.stdout.flush()
        sys.stdout.buffer.write(table.csv(excel=True).encode("utf-8"))
        sys.stdout.buffer.flush()
        return
    if fmt in DATA_FORMATS:
        if _fell_back == [True]:  # data has no title: say it once, on standard error
            print(FALLBACK_HINT, file=sys.stderr)
            _fell_back.append(True)
        sys.stdout.write(table.render(fmt))
        return
    rendered = fit(
        table,
        fmt,
        width=terminal_width(sys.stdout),
        wide=getattr(args, "wide", False) or bool(explicit),
        colour=wants_colour(sys.stdout),
    )
    note = f"\n\n{INFERRED_NOTE}" if fmt != "html" and _has_inferred_date(table) else ""
    title = f"{table.title} {FALLBACK_NOTE}" if _fell_back else table.title
    if fmt.startswith("html"):  # the title is user text too: escaped like the cells
        import html

        print(f"<h2>{html.escape(title or '')}</h2>\n\n{rendered}{note}")
    else:
        print(f"{title}\n\n{rendered}{note}")


def table_options(sub: argparse.ArgumentParser, columns: Sequence[str]) -> None:
    """``--wide``, ``--excel``, and ``--columns``/``--sort`` naming these columns in ``--help``."""
    keys = ", ".join(dict.fromkeys(column_key(name) for name in columns))
    sub.add_argument(
        "--wide",
        action="store_true",
        help="show every column (a terminal table otherwise shows those that fit)",
    )
    sub.add_argument(
        "--excel",
        action="store_true",
        help="CSV for spreadsheet programs: a byte-order mark and CRLF line ends (implies"
        " --format csv)",
    )
    sub.add_argument(
        "--columns",
        metavar="A,B,...",
        help=f"columns to show, comma-separated, in order; one of: {keys}",
    )
    sub.add_argument("--sort", metavar="COLUMN", help="sort rows by this column (as --columns)")


class _Unbuilt:
    """Stands in for the parser of a command not built this time: what a group's ``register``
    adds to it is dropped (the command's own parser is built when it is run)."""

    def __getattr__(self, name: str) -> Callable[..., _Unbuilt]:
        return lambda *_, **__: self


class Commands:
    """The ``claimtrack`` subcommands; command-group modules add theirs with :meth:`add`."""

    def __init__(
        self,
        subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
        stubs: dict[str, argparse.ArgumentParser] | None = None,
        listed: Sequence[str] = (),
    ) -> None:
        """``stubs``: the parsers, made ahead under these names, that :meth:`add` fills in
        (the command line lists every command before it imports the module that builds it);
        ``listed``: the group's commands (:meth:`add` drops those not in ``stubs``: built
        before, or not now, when only the command run is built)."""
        self._subparsers = subparsers
        self._stubs = stubs
        self._listed = frozenset(listed)

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
        columns: Sequence[str] = (),
    ) -> argparse.ArgumentParser:
        """Add a subcommand; returns its parser for the command's own arguments.

        ``ledger="read"`` adds ``--ledger`` defaulting to the bundled ledger, ``"write"`` a
        required ``--ledger`` (the bundled ledger is never written), ``"none"`` nothing.
        ``as_of`` adds ``--as-of`` (default today); ``table`` adds ``--format``, and with
        ``columns`` (the names the table's columns take) ``--wide``, ``--excel``, ``--columns``
        and ``--sort``.
        """
        epilog = f"Example:\n  {example}"
        if self._stubs is None:
            sub = self._subparsers.add_parser(
                name,
                help=summary,
                description=summary,
                epilog=epilog,
                formatter_class=RawDescriptionHelpFormatter,
            )
        else:
            if name not in self._stubs and name in self._listed:
                return cast(argparse.ArgumentParser, _Unbuilt())
            if name not in self._stubs:
                raise LookupError(
                    f"command {name!r} is not listed under its module in"
                    " claimtrack.cli.catalogue.COMMANDS"
                )
            sub = self._stubs.pop(name)
            sub.description, sub.epilog = summary, epilog
            sub.formatter_class = RawDescriptionHelpFormatter
        ledger_option(sub, ledger)
        if as_of:
            sub.add_argument(
                "--as-of",
                type=as_of_day,
                metavar="DATE",
                help="the day to report on (what had happened by then, as known today):"
                " YYYY, YYYY-MM or YYYY-MM-DD (a partial date stands for its last day);"
                " default: the --known-by day, else today",
            )
            sub.add_argument(
                "--known-by",
                type=as_of_day,
                metavar="DATE",
                help="only what had been published (or checked) by this day: what a reader"
                " could have known then",
            )
        if table and ledger == "read":
            untracked_option(sub)
        if table:
            sub.add_argument(
                "--format",
                metavar="FORMAT",
                help="any tabulate format (simple, grid, github, html, ...) or a data format:"
                " csv, tsv or json (typed values, every column); default: simple",
            )
            if columns:
                table_options(sub, columns)
        sub.set_defaults(run=run)
        return sub


def untracked_option(sub: argparse.ArgumentParser) -> None:
    """``--include-untracked``: keep the records their tracker stopped listing."""
    sub.add_argument(
        "--include-untracked",
        action="store_true",
        help="keep records no longer tracked (dropped by the tracker they were imported from);"
        " reports leave them out from that day by default",
    )


def ledger_option(sub: argparse.ArgumentParser, mode: Literal["read", "write", "none"]) -> None:
    """``--ledger PATH``. Reading defaults to ``$CLAIMTRACK_LEDGER``, else the bundled example
    (and reports then say so in their title); writing defaults to ``$CLAIMTRACK_LEDGER`` only,
    since the bundled ledger is never written."""
    named = os.environ.get(LEDGER_VARIABLE) or None
    if mode == "read":
        which = sub.add_mutually_exclusive_group()
        which.add_argument(
            "--ledger",
            default=named or bundled_ledger(),
            metavar="PATH",
            help=f"ledger file (default: ${LEDGER_VARIABLE}, else the bundled Pakistan-Iran"
            " example)",
        )
        which.add_argument(
            "--example",
            dest="ledger",
            type=example_ledger,
            metavar="NAME",
            help="read a bundled example ledger instead: "
            + ", ".join(sorted(datasets.EXAMPLES))
            + " (the 2013-2025 monitor)",
        )
    elif mode == "write":
        sub.add_argument(
            "--ledger",
            required=named is None,
            default=named,
            metavar="PATH",
            help=f"the ledger file to change (default: ${LEDGER_VARIABLE})",
        )


def texts_option(sub: argparse.ArgumentParser) -> None:
    """``--texts DIR``: the archived source texts a command reads (see :func:`text_folder`).

    The same name as the in-place updates' option; ``--sources``, its old name on validate,
    coverage and export, is still accepted (deprecated; it said "sources" for a folder of texts).
    """
    sub.add_argument(
        "--texts",
        "--sources",
        dest="texts",
        type=path,
        metavar="DIR",
        help="folder of archived source texts (default: the ledger's folder);"
        " --sources is the old, deprecated name",
    )


def force_option(sub: argparse.ArgumentParser) -> None:
    """--force: replace an existing output file (never the ledger read, never a special file)."""
    sub.add_argument(
        "--force",
        action="store_true",
        help="replace an existing output file (the ledger read and special files never are)",
    )
