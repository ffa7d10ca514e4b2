"""Report commands: report, scorecard, timeline, diff, evidence, confidence, recurrence."""

from __future__ import annotations

import argparse
import functools

from claimtrack.cli.options import EXIT_OK, Commands, Run, UsageError, as_of_day, emit, open_ledger
from claimtrack.errors import UnknownId
from claimtrack.report.table import DATA_FORMATS

__all__ = ["register"]


def _asked(run: Run) -> Run:
    """A report command for which an unknown id, actor, agreement or category on the command
    line is a usage error (exit 2) with the closest known name, never an empty table."""

    @functools.wraps(run)
    def checked(args: argparse.Namespace) -> int:
        try:
            return run(args)
        except UnknownId as error:
            raise UsageError(str(error)) from None

    return checked


@_asked
def _report(args: argparse.Namespace) -> int:
    from claimtrack.report import claim_table, status_table

    ledger = open_ledger(args)
    if args.claims:
        for option, value in (("--agreement", args.agreement), ("--category", args.category)):
            if value is not None:
                raise UsageError(f"{option} filters commitments; claims have no {option[2:]}")
        table = claim_table(ledger, args.as_of, actor=args.actor, status=args.status)
    else:
        table = status_table(
            ledger,
            args.as_of,
            agreement=args.agreement,
            actor=args.actor,
            category=args.category,
            status=args.status,
        )
    emit(table, args)
    return EXIT_OK


@_asked
def _scorecard(args: argparse.Namespace) -> int:
    from claimtrack.report import scorecard

    card = scorecard(open_ledger(args), args.as_of, by=args.by)
    if args.excel or args.columns or args.sort or args.format in DATA_FORMATS:
        emit(card.data_table(), args)  # one row per group, every figure of the three tables
        return EXIT_OK
    for position, table in enumerate(card.tables()):
        if position:
            print()
        emit(table, args)
    return EXIT_OK


@_asked
def _timeline(args: argparse.Namespace) -> int:
    from claimtrack.report import timeline

    emit(timeline(open_ledger(args), args.as_of), args)
    return EXIT_OK


@_asked
def _diff(args: argparse.Namespace) -> int:
    from claimtrack.report import diff
    from claimtrack.report.learned import learned

    happened = (args.start, args.end)
    known = (args.known_from, args.known_to)
    if None not in known and happened == (None, None):
        if args.known_from > args.known_to:
            raise UsageError(
                f"--known-from {args.known_from} is after --known-to {args.known_to};"
                " give the earlier day first"
            )
        emit(learned(open_ledger(args), args.known_from, args.known_to), args)
        return EXIT_OK
    if None in happened or known != (None, None):
        raise UsageError(
            "give --from and --to (what happened between two days) or --known-from and"
            " --known-to (what became known between them), not a mix"
        )
    if args.start > args.end:
        raise UsageError(
            f"--from {args.start} is after --to {args.end}; give the earlier day first"
        )
    emit(diff(open_ledger(args), args.start, args.end), args)
    return EXIT_OK


@_asked
def _evidence(args: argparse.Namespace) -> int:
    from claimtrack.report import evidence_report

    emit(evidence_report(open_ledger(args), args.item, args.as_of), args)
    return EXIT_OK


@_asked
def _confidence(args: argparse.Namespace) -> int:
    from claimtrack.report import confidence_table

    emit(confidence_table(open_ledger(args), args.as_of), args)
    return EXIT_OK


@_asked
def _recurrence(args: argparse.Namespace) -> int:
    from claimtrack.report import recurrence_table

    emit(recurrence_table(open_ledger(args), args.as_of), args)
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add the report commands."""
    from claimtrack.report import columns

    report = commands.add(
        "report",
        _report,
        "print the status of every commitment (or claim) as of a date",
        "claimtrack report --as-of 2017-12-31 --status in_progress --columns id,pledge,status",
        columns=(*columns.COMMITMENT, *columns.CLAIM),
    )
    report.add_argument("--claims", action="store_true", help="list claims instead")
    report.add_argument(
        "--agreement", metavar="ID", help="only this agreement's commitments (not with --claims)"
    )
    report.add_argument(
        "--actor", metavar="ID", help="only items this actor owes or is owed, makes or is named in"
    )
    report.add_argument(
        "--category", metavar="NAME", help="only this category (commitments; not with --claims)"
    )
    report.add_argument(
        "--status",
        metavar="STATUS",
        help="only items in this status (a commitment status, or a claim status with --claims)",
    )

    card = commands.add(
        "scorecard",
        _scorecard,
        "count commitments per status, with the Peace Accords Matrix score and PolitiFact tally;"
        "\ndata formats, --columns and --sort give one table with every figure",
        "claimtrack scorecard --as-of 2018-07-31 --by agreement",
        columns=columns.SCORECARD,
    )
    card.add_argument("--by", choices=("agreement", "party", "category"), help="one row per group")
    commands.add(
        "timeline",
        _timeline,
        "list events, status changes and source publications in date order",
        "claimtrack timeline --as-of 2018-12-31",
        columns=columns.TIMELINE,
    )
    diff = commands.add(
        "diff",
        _diff,
        "show what changed between two dates: new items, status moves, new evidence, overdue",
        "claimtrack diff --from 2017-12-31 --to 2018-07-31\n"
        "  claimtrack diff --known-from 2018-06-30 --known-to 2018-07-31   # what we learned",
        as_of=False,
        columns=columns.DIFF,
    )
    diff.add_argument("--from", dest="start", type=as_of_day, metavar="DATE")
    diff.add_argument("--to", dest="end", type=as_of_day, metavar="DATE")
    diff.add_argument(
        "--known-from", type=as_of_day, metavar="DATE", help="what was known on this day..."
    )
    diff.add_argument(
        "--known-to", type=as_of_day, metavar="DATE", help="...against what was known on this one"
    )
    evidence = commands.add(
        "evidence",
        _evidence,
        "list every quote behind one commitment or claim, with source, date, stance and grade",
        "claimtrack evidence c-hotline",
        columns=columns.EVIDENCE,
    )
    evidence.add_argument("item", metavar="ID", help="a commitment or claim id")
    commands.add(
        "confidence",
        _confidence,
        "how sure are we: the grading and independence of the evidence behind each status",
        "claimtrack confidence --as-of 2018-07-31",
        columns=columns.CONFIDENCE,
    )
    commands.add(
        "recurrence",
        _recurrence,
        "how often the same thing was pledged again (restates chains), and whether it was kept",
        "claimtrack recurrence",
        columns=columns.RECURRENCE,
    )
