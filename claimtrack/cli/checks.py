"""Commands that check a ledger against itself and its archived texts: validate, coverage."""

from __future__ import annotations

import argparse

from claimtrack.cli.options import EXIT_OK, Commands, open_ledger, text_folder, texts_option
from claimtrack.errors import InvalidLedger
from claimtrack.quotes import check_quotes

__all__ = ["register"]


def _validate(args: argparse.Namespace) -> int:
    ledger = open_ledger(args)
    count = check_quotes(ledger, text_folder(args))
    unchecked = (
        f"; {count.unchecked} quotes not checked (their sources name no archived text)"
        if count.unchecked
        else ""
    )
    unusual = ledger.unusual()
    moves = f"; {len(unusual)} unusual moves, each with its reason" if unusual else ""
    print(
        f"{args.ledger}: valid; {len(ledger.commitments)} commitments, {len(ledger.claims)}"
        f" claims, {count.verified} of {len(ledger.evidence)} evidence quotes verified"
        f"{unchecked}{moves}"
    )
    for item, change in unusual:
        before = item.history[item.history.index(change) - 1].status.value
        print(
            f"  unusual move: {item.id} {before} -> {change.status.value} on {change.date}"
            f" ({change.id}): {change.note}"
        )
    return EXIT_OK


def _coverage(args: argparse.Namespace) -> int:
    from claimtrack.coverage import coverage
    from claimtrack.quotes import read_source_texts

    ledger = open_ledger(args)
    texts, problems = read_source_texts(ledger, text_folder(args))
    if problems:
        raise InvalidLedger(problems, headline="archived texts unreadable")
    for result in coverage(ledger, texts):
        print(f"{result.source}: {result.cited} of {result.sentences} sentences cited")
        for sentence in result.uncited:
            print(f"  uncited: {sentence}")
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add validate and coverage."""
    validate = commands.add(
        "validate",
        _validate,
        "check a ledger's format, integrity, lifecycle and every quote against archived texts",
        "claimtrack validate --ledger my.json --texts texts/",
        as_of=False,
        table=False,
    )
    texts_option(validate)
    coverage = commands.add(
        "coverage",
        _coverage,
        "list, per source, the sentences no evidence quote touches (for completeness reviews)",
        "claimtrack coverage --texts fixtures/sources",
        as_of=False,
        table=False,
    )
    texts_option(coverage)
