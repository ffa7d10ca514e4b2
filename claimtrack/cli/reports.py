"""Report commands: report, scorecard, timeline, diff, evidence, confidence, recurrence."""

from __future__ import annotations

import argparse

from claimtrack.cli.options import EXIT_OK, Commands, as_of_day, emit, open_ledger
from claimtrack.report.table import EXTRA_FORMATS

__all__ = ["register"]


def _report(args: argparse.Namespace) -> int:
    from claimtrack.report import claim_table, status_table

    ledger = open_ledger(args)
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
    emit(table, args.format)
    return EXIT_OK


def _scorecard(args: argparse.Namespace) -> int:
    from claimtrack.report import scorecard

    card = scorecard(open_ledger(args), args.as_of, by=args.by)
    if args.format in EXTRA_FORMATS:
        emit(card.table(), args.format)
        return EXIT_OK
    for position, table in enumerate(card.tables()):
        if position:
            print()
        emit(table, args.format)
    return EXIT_OK


def _timeline(args: argparse.Namespace) -> int:
    from claimtrack.report import timeline

    emit(timeline(open_ledger(args), args.as_of), args.format)
    return EXIT_OK


def _diff(args: argparse.Namespace) -> int:
    from claimtrack.report import diff

    emit(diff(open_ledger(args), args.start, args.end), args.format)
    return EXIT_OK


def _evidence(args: argparse.Namespace) -> int:
    from claimtrack.report import evidence_report

    emit(evidence_report(open_ledger(args), args.item, args.as_of), args.format)
    return EXIT_OK


def _confidence(args: argparse.Namespace) -> int:
    from claimtrack.report import confidence_table

    emit(confidence_table(open_ledger(args), args.as_of), args.format)
    return EXIT_OK


def _recurrence(args: argparse.Namespace) -> int:
    from claimtrack.report import recurrence_table

    emit(recurrence_table(open_ledger(args), args.as_of), args.format)
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add the report commands."""
    report = commands.add(
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

    card = commands.add(
        "scorecard",
        _scorecard,
        "count commitments per status, with the Peace Accords Matrix score and PolitiFact tally",
        "claimtrack scorecard --as-of 2018-07-31 --by agreement",
    )
    card.add_argument("--by", choices=("agreement", "party", "category"), help="one row per group")
    commands.add(
        "timeline",
        _timeline,
        "list events, status changes and source publications in date order",
        "claimtrack timeline --as-of 2018-12-31",
    )
    diff = commands.add(
        "diff",
        _diff,
        "show what changed between two dates: new items, status moves, new evidence, overdue",
        "claimtrack diff --from 2017-12-31 --to 2018-07-31",
        as_of=False,
    )
    diff.add_argument("--from", dest="start", type=as_of_day, required=True, metavar="DATE")
    diff.add_argument("--to", dest="end", type=as_of_day, required=True, metavar="DATE")
    evidence = commands.add(
        "evidence",
        _evidence,
        "list every quote behind one commitment or claim, with source, date, stance and grade",
        "claimtrack evidence c-hotline",
    )
    evidence.add_argument("item", metavar="ID", help="a commitment or claim id")
    commands.add(
        "confidence",
        _confidence,
        "how sure are we: the grading and independence of the evidence behind each status",
        "claimtrack confidence --as-of 2018-07-31",
    )
    commands.add(
        "recurrence",
        _recurrence,
        "how often the same thing was pledged again (restates chains), and whether it was kept",
        "claimtrack recurrence",
    )
