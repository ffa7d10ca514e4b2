"""The ``claimtrack`` command: thin argparse commands over the library.

Exit codes: 0 ok, 1 invalid data (one ``path: message`` line per problem on stderr), 2 bad usage.

One module per command group, each with a ``register(commands)`` function that adds its
subcommands; :mod:`claimtrack.cli.options` holds what they share (exit codes, option types,
``--ledger``/``--as-of``/``--format``, table output). To add a command:

1. In an existing group module, or a new ``claimtrack/cli/<group>.py``, write the command's body
   ``def _name(args: argparse.Namespace) -> int`` (parse nothing, call the library, print,
   return an exit code; raise :class:`~claimtrack.errors.ClaimtrackError` subclasses for bad
   input and ``claimtrack.errors.UsageError`` for a command-line mistake found late).
2. In the module's ``register(commands)``, call ``commands.add(name, _name, summary, example,
   as_of=..., table=..., ledger="read" | "write" | "none")`` and add the command's own
   arguments to the parser it returns.
3. A new module goes into :data:`GROUPS` below (the order there is the order in ``--help``), and
   its command into the ``--help`` test in ``tests/test_cli.py``.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from claimtrack._locate import with_lines
from claimtrack.cli import (
    authoring,
    browsing,
    checks,
    history,
    interop,
    publish,
    reports,
    triage,
    updates,
)
from claimtrack.cli.options import EXIT_INVALID, EXIT_OK, Commands, settle_dates
from claimtrack.errors import (
    ClaimtrackError,
    InvalidLedger,
    Problem,
    UnknownColumn,
    UnknownStatus,
    UsageError,
)

__all__ = ["EXIT_INTERRUPTED", "main"]

#: The exit code after Ctrl-C: 128 + SIGINT, as shells report it.
EXIT_INTERRUPTED = 130

_SURROGATE = re.compile(r"[\ud800-\udfff]")

#: Each group's ``register``, in the order its commands appear in ``claimtrack --help``.
GROUPS: tuple[Callable[[Commands], None], ...] = (
    reports.register,
    interop.register,
    publish.register,
    checks.register,
    updates.register,
    triage.register,
    authoring.register,
    browsing.register,
    history.register,
)


def _version() -> str:
    from claimtrack._version import __version__

    return f"claimtrack {__version__}"


def parser() -> argparse.ArgumentParser:
    """The ``claimtrack`` argument parser, with every group's commands."""
    top = argparse.ArgumentParser(
        prog="claimtrack",
        description="An evidence-backed ledger of pledges and claims, and what became of them.",
        epilog="Example: claimtrack report --as-of 2018-07-31",
    )
    top.add_argument("--version", action="version", version=_version())
    commands = Commands(top.add_subparsers(dest="command", required=True, metavar="COMMAND"))
    for register in GROUPS:
        register(commands)
    return top


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
    """Run one command; returns the exit code (130 after Ctrl-C, with no traceback)."""
    try:
        return _main(sys.argv[1:] if argv is None else argv)
    except KeyboardInterrupt:
        print("claimtrack: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # a reader such as `head` stopped early: not a failure
        _silence_stdout()
        return EXIT_OK
    except OSError as error:  # standard output failed: `> /dev/full`, a closed terminal
        _silence_stdout()
        print(f"claimtrack: cannot write the output: {error.strerror}", file=sys.stderr)
        return EXIT_INVALID


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so the interpreter's last flush cannot fail again."""
    try:
        descriptor = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # a captured stream in tests
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, descriptor)
    os.close(devnull)


def _refuse_undecodable(top: argparse.ArgumentParser, argv: Sequence[str]) -> None:
    """Refuse arguments that were not UTF-8: Python hands them over with lone surrogates."""
    for argument in argv:
        found = _SURROGATE.search(argument)
        if found is not None:
            shown = argument.encode("utf-8", "surrogateescape").decode("ascii", "backslashreplace")
            top.error(
                f"argument '{shown}' is not UTF-8 text (byte 0x{ord(found.group()) & 0xFF:02x});"
                " claimtrack reads its arguments, file names included, as UTF-8"
            )


def _main(argv: Sequence[str]) -> int:
    top = parser()
    _refuse_undecodable(top, argv)
    args = top.parse_args(argv)
    settle_dates(args)
    if getattr(args, "format", None) is not None:
        from claimtrack.report import formats

        if args.format not in formats():
            top.error(f"unknown format {args.format!r}; expected one of {', '.join(formats())}")
    try:
        code: int = args.run(args)
    except InvalidLedger as error:
        file = getattr(args, "ledger", None) or "claimtrack"
        for problem in _located(args, error.problems):
            where = file if problem.line is None else f"{file}:{problem.line}"
            print(f"{where}: {problem}", file=sys.stderr)
        return EXIT_INVALID
    except (UnknownColumn, UnknownStatus, UsageError) as error:
        top.error(str(error))  # a mistake on the command line: exit 2
    except ClaimtrackError as error:
        print(f"claimtrack: {error}", file=sys.stderr)
        return EXIT_INVALID
    sys.stdout.flush()  # a full disk shows here, not in the interpreter's exit
    return code
