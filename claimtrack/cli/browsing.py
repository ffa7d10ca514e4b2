"""Finding your way in a ledger: ``show ID`` (one record's card) and ``list KIND``."""

from __future__ import annotations

import argparse

from claimtrack.cli.options import EXIT_OK, Commands, emit, is_bundled, open_ledger

__all__ = ["register"]


def _show(args: argparse.Namespace) -> int:
    from claimtrack.cli.options import FALLBACK_NOTE
    from claimtrack.report.card import card

    ledger = open_ledger(args)
    if is_bundled(args.ledger):
        print(FALLBACK_NOTE)
    print(card(ledger, args.id, args.as_of), end="")
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from claimtrack.report.listing import listing

    emit(listing(open_ledger(args), args.kind, args.as_of, search=args.search), args)
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add show and list."""
    show = commands.add(
        "show",
        _show,
        "print one record's card: text, parties, status and flags, the dated history with each\n"
        "entry's evidence quote and source, relations (any record: also actors, sources...)",
        "claimtrack show c-hotline --as-of 2018-07-31",
        table=False,
    )
    show.add_argument("id", metavar="ID", help="the id of any record")
    listed = commands.add(
        "list",
        _list,
        "list the ids of one kind of record with their text: commitments, claims, actors,\n"
        "agreements, events, sources or evidence",
        "claimtrack list commitments --search hotline",
    )
    listed.add_argument(
        "kind",
        metavar="KIND",
        help="commitments, claims, actors, agreements, events, sources or evidence",
    )
    listed.add_argument("--search", metavar="TEXT", help="only rows containing this text")
