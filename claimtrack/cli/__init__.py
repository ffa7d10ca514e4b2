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
3. List the command, its module and its summary in :data:`claimtrack.cli.catalogue.COMMANDS`
   (the order there is the order in ``--help``, which is printed from that table without
   importing any command; ``tests/test_cli_startup.py`` fails until the table matches).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys

from claimtrack import interrupts
from claimtrack.cli.catalogue import COMMANDS
from claimtrack.cli.exits import EXIT_INTERRUPTED, EXIT_INVALID, EXIT_OK
from claimtrack.cli.helpformat import HelpFormatter, RawDescriptionHelpFormatter
from claimtrack.collector import without_gc

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from types import FrameType
    from typing import Any

    from claimtrack.errors import Problem

__all__ = ["EXIT_INTERRUPTED", "main"]


def _version() -> str:
    from claimtrack._version import __version__

    return f"claimtrack {__version__}"


class _Commands(argparse._SubParsersAction):  # type: ignore[type-arg]
    """The subcommands, listed from :data:`~claimtrack.cli.catalogue.COMMANDS` (``--help`` needs
    nothing more); a command's parser is made, and its group module imported to fill it in, only
    when the command is run (or its own ``--help`` is asked for)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: Group module -> the names of its commands not built yet.
        self.pending: dict[str, list[str]] = {}

    def list_command(self, name: str, module: str, summary: str) -> None:
        """List a command under ``--help`` and as a valid choice, without building it."""
        self._choices_actions.append(self._ChoicesPseudoAction(name, (), summary))
        self._name_parser_map[name] = None  # made by build()
        self.pending.setdefault(module, []).append(name)

    def build(self, module: str, only: str | None = None) -> None:
        """Make the parsers of one group's commands (or of its command ``only``, the one being
        run) and let the group's ``register`` fill them; the others stay listed, unbuilt."""
        import importlib

        from claimtrack.cli.options import Commands

        names = self.pending.pop(module, None)
        if names is None:
            return
        wanted = names if only is None else [only]
        later = [name for name in names if name not in wanted]
        if later:
            self.pending[module] = later
        order = list(self._name_parser_map)
        stubs: dict[str, argparse.ArgumentParser] = {}
        for name in wanted:
            del self._name_parser_map[name]
            stubs[name] = self.add_parser(name, formatter_class=RawDescriptionHelpFormatter)
        for name in order:  # keep the listed order ("invalid choice" names them in it)
            self._name_parser_map[name] = self._name_parser_map.pop(name)
        group = importlib.import_module(f"claimtrack.cli.{module}")
        listed = [name for name, listed_in, _ in COMMANDS if listed_in == module]
        group.register(Commands(self, stubs, listed=listed))
        if stubs:
            raise LookupError(f"claimtrack.cli.{module} did not add {', '.join(stubs)}")

    def build_all(self) -> None:
        """Build every command's parser, as running each would."""
        for module in list(self.pending):
            self.build(module)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        if isinstance(values, list) and values:
            for module, names in list(self.pending.items()):
                if values[0] in names:
                    self.build(module, only=values[0])
        super().__call__(parser, namespace, values, option_string)


def parser() -> argparse.ArgumentParser:
    """The ``claimtrack`` argument parser. Every command is listed (``--help``); each is built
    when first parsed (``commands_of(parser()).build_all()`` builds them all at once)."""
    top = argparse.ArgumentParser(
        prog="claimtrack",
        description="An evidence-backed ledger of pledges and claims, and what became of them.",
        epilog="Example: claimtrack report --as-of 2018-07-31",
        formatter_class=HelpFormatter,
    )
    top.add_argument("--version", action="version", version=_version())
    commands: _Commands = top.add_subparsers(  # type: ignore[assignment]
        # prog given: argparse would format the top usage line for it, reading the terminal
        dest="command",
        required=True,
        metavar="COMMAND",
        action=_Commands,
        prog=top.prog,
    )
    for name, module, summary in COMMANDS:
        commands.list_command(name, module, summary)
    return top


def commands_of(top: argparse.ArgumentParser) -> _Commands:
    """The subcommands action of a parser made by :func:`parser`."""
    return next(action for action in top._actions if isinstance(action, _Commands))


def _located(args: argparse.Namespace, problems: Sequence[Problem]) -> Sequence[Problem]:
    """Problems with line numbers in the ledger file, where they can be known.

    Loading sets them; ``validate`` also finds them for quote problems, whose paths are
    positions in the file as it stands (other commands' paths may be in an updated ledger).
    """
    if args.command != "validate" or all(problem.line is not None for problem in problems):
        return problems
    from pathlib import Path

    from claimtrack._locate import with_lines

    try:
        text = Path(args.ledger).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return problems
    return with_lines(text, problems)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code (130 after Ctrl-C, with no traceback)."""
    previous = _handle_interrupts()
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
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


def _handle_interrupts() -> Callable[[int, FrameType | None], Any] | None:
    """Install ``claimtrack.interrupts.handle`` for Ctrl-C in place of Python's own handler (a
    caller's own handler is left alone); returns Python's handler to put back, or ``None``."""
    if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        return None
    interrupts.forget()
    try:
        signal.signal(signal.SIGINT, interrupts.handle)
    except ValueError:  # not the main thread: only it may set handlers
        return None
    return signal.default_int_handler


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
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError as error:  # only a lone surrogate cannot be encoded
            byte = ord(argument[error.start]) & 0xFF
            shown = argument.encode("utf-8", "surrogateescape").decode("ascii", "backslashreplace")
            top.error(
                f"argument '{shown}' is not UTF-8 text (byte 0x{byte:02x});"
                " claimtrack reads its arguments, file names included, as UTF-8"
            )


def _main(argv: Sequence[str]) -> int:
    top = parser()
    _refuse_undecodable(top, argv)
    # Parsing imports the command's modules: classes and functions that live until the end,
    # no garbage, so the collector would only scan them over and over (about 30 collections).
    with without_gc():
        args = top.parse_args(argv)
        # Imported once a command is chosen: `claimtrack --help` never needs them.
        from claimtrack.cli.options import settle_dates
        from claimtrack.errors import (
            ClaimtrackError,
            InvalidLedger,
            UnknownColumn,
            UnknownStatus,
            UsageError,
        )
        from claimtrack.report.table import DATA_FORMATS, formats

    settle_dates(args)
    fmt = getattr(args, "format", None)
    if fmt is not None and fmt not in DATA_FORMATS and fmt not in formats():
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
