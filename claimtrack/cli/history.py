"""History commands: correct, withdraw, check, progress (in place, locked), and history (a view).

Each update is a locked read-validate-write (see :mod:`claimtrack.amend`), like ``record``; the
commands only turn arguments into the library call and print what was done.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Sequence
from typing import Any

from claimtrack import amend
from claimtrack.cli.options import EXIT_OK, STATUS_NAMES, Commands, day, emit, open_ledger
from claimtrack.cli.updates import new_evidence, update_options, updates_texts
from claimtrack.errors import InvalidArgument, UnknownId, UsageError
from claimtrack.ledger import Ledger
from claimtrack.lifecycle import Stance
from claimtrack.model import (
    Check,
    Claim,
    Commitment,
    Correction,
    Credibility,
    Progress,
    ProgressCorrection,
)
from claimtrack.report.table import Table

__all__ = ["register"]


def _correct(args: argparse.Namespace) -> int:
    """Correct an entry or a figure; print the replacement's id and what it now says."""
    new = new_evidence(args)
    try:
        ledger = amend.correct(
            args.ledger,
            args.entry,
            on=args.on,
            reason=args.reason,
            status=args.status,
            date=args.date,
            evidence=args.evidence,
            new=new,
            note=args.note,
            value=args.value,
            of=args.of,
            unit=args.unit,
            texts=updates_texts(args),
            timeout=args.wait,
        )
    except InvalidArgument as error:
        if not error.expected.startswith(_NOT_FOR):  # a flag of the other kind of id
            raise
        raise UsageError(
            f"--{error.name} does not apply to {error.expected.removeprefix(_NOT_FOR)}"
        ) from None
    item, correction = _correction(ledger, args.entry)
    if isinstance(correction, ProgressCorrection):
        _, now = ledger.figure(str(correction.replacement))
        print(f"{item.id}: {args.entry} corrected by {now.id}: {_figure_text(now)}")
        return EXIT_OK
    _, replacement = ledger.entry(str(correction.replacement))
    print(
        f"{item.id}: {args.entry} corrected by {replacement.id}:"
        f" {replacement.status.value} on {replacement.date}"
    )
    return EXIT_OK


#: How ``Ledger.correct`` words a field the kind of id given does not have.
_NOT_FOR = "None for "


def _figure_text(observation: Progress) -> str:
    """``568 of 830 km: 68% (2018-12)``: the figure itself, then as reports show it."""
    from claimtrack.report.learned import figure

    of = "" if observation.of is None else f" of {observation.of:g}"
    return f"{observation.value:g}{of} {observation.unit}: {figure(observation)}"


def _withdraw(args: argparse.Namespace) -> int:
    ledger = amend.withdraw(
        args.ledger, args.entry, on=args.on, reason=args.reason, timeout=args.wait
    )
    item, correction = _correction(ledger, args.entry)
    if isinstance(correction, ProgressCorrection) and isinstance(item, Commitment):
        left = item.progress
        now = f"latest figure {_figure_text(left[-1])}" if left else "no figure left"
        print(f"{item.id}: {args.entry} withdrawn; {now}")
        return EXIT_OK
    print(f"{item.id}: {args.entry} withdrawn; now {item.history[-1].status.value}")
    return EXIT_OK


def _correction(
    ledger: Ledger, entry: str
) -> tuple[Commitment | Claim, Correction[Any] | ProgressCorrection]:
    """The item and the correction that superseded ``entry`` (a history entry or a figure)."""
    items: list[Commitment | Claim] = [*ledger.commitments, *ledger.claims]
    for item in items:
        corrections: Sequence[Correction[Any] | ProgressCorrection] = (
            *item.corrections,
            *getattr(item, "progress_corrections", ()),
        )
        for correction in corrections:
            if correction.superseded.id == entry:
                return item, correction
    raise UnknownId("correction of entry", entry)


def _number(text: str) -> float:
    """A figure: a whole number stays whole (``658``, not ``658.0``, in the file)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"{text!r} is not a finite number")
    return int(value) if value.is_integer() and "." not in text else value


def _check(args: argparse.Namespace) -> int:
    ledger = amend.check(
        args.ledger,
        args.item,
        on=args.on,
        searched=args.searched,
        sought=args.sought,
        by=args.by,
        status=args.status,
        date=args.date,
        reason=args.reason,
        note=args.note,
        timeout=args.wait,
    )
    entry = next(c for c in reversed(ledger.history(args.item)) if c.check is not None)
    print(f"{args.item}: {entry.status.value} from {entry.date}, on a check made {args.on}")
    return EXIT_OK


def _progress(args: argparse.Namespace) -> int:
    from claimtrack.report.learned import figure

    new = new_evidence(args)
    check = None
    if args.searched is not None:
        check = Check(by=args.by, on=args.on, searched=args.searched)
    if new is None and not args.evidence and check is None:
        args.usage_error("a figure needs --evidence, a new --quote, or --searched (a check)")
    ledger = amend.progress(
        args.ledger,
        args.item,
        on=args.on,
        value=args.value,
        of=args.of,
        unit=args.unit,
        evidence=args.evidence or (),
        new=new,
        check=check,
        note=args.note,
        texts=updates_texts(args),
        timeout=args.wait,
    )
    latest = ledger.commitments[args.item].progress
    shown = next(p for p in latest if p.date == args.on and p.value == args.value)
    print(f"{args.item}: {figure(shown)}")
    return EXIT_OK


def _history(args: argparse.Namespace) -> int:
    from claimtrack.report.learned import figure

    ledger = open_ledger(args)
    lines = ledger.audit(args.item)
    rows = [(ln.id, ln.date, ln.status, ln.basis, ln.state, ln.note) for ln in lines]
    item = ledger.item(args.item)
    figures = [(p, "") for p in getattr(item, "progress", ())]
    for fix in getattr(item, "progress_corrections", ()):
        if fix.replacement is None:
            figures.append((fix.superseded, f"withdrawn {fix.on}: {fix.reason}"))
        else:
            figures.append(
                (fix.superseded, f"corrected {fix.on} by {fix.replacement}: {fix.reason}")
            )
    for observation, state in figures:
        basis = ", ".join(observation.evidence)
        if observation.check is not None:
            basis = f"check {observation.check.on}: searched {observation.check.searched}"
        shown = f"progress {figure(observation)}"
        rows.append((str(observation.id), observation.date.edtf, shown, basis, state, ""))
    if item.untracked is not None:  # a marker, not a status: the tracker stopped listing it
        marker = "not a status: the tracker it was imported from stopped listing it"
        rows.append(("", item.untracked.edtf, "no longer tracked", "", marker, ""))
    rows.sort(key=lambda row: (row[0] != str(item.history[0].id), row[1]))
    headers = ("entry", "date", "status", "basis", "state", "note")
    emit(Table(headers, tuple(rows), title=f"History of {args.item}"), args)
    return EXIT_OK


def _quote_options(sub: argparse.ArgumentParser) -> None:
    """--evidence ID..., or a new quote (--source/--quote/...), optional for these commands."""
    sub.add_argument(
        "--evidence", action="extend", nargs="+", metavar="EVIDENCE_ID", help="cite evidence"
    )
    sub.add_argument("--quote", metavar="TEXT", help="cite a new quote, exactly as printed")
    sub.add_argument("--source", metavar="SOURCE_ID", help="the source the --quote is from")
    sub.add_argument("--prefix", metavar="TEXT", help="text right before the quote, to pin it")
    sub.add_argument("--suffix", metavar="TEXT", help="text right after the quote, to pin it")
    sub.add_argument("--stance", choices=[s.value for s in Stance], default=Stance.MENTIONS.value)
    sub.add_argument("--credibility", type=int, choices=[g.value for g in Credibility])


def register(commands: Commands) -> None:
    """Add correct, withdraw, check, progress and history."""
    correct = commands.add(
        "correct",
        _correct,
        "correct a history entry (its status, date or evidence) or a progress figure (its\n"
        "value, total, unit, date or evidence), in the ledger file itself; the original\n"
        "stays in the file, superseded, with the correction's date and reason",
        "claimtrack correct --ledger my.json h-53b53c3e04 --on 2024-03-05 \\\n"
        "      --reason 'the report was about another crossing' --status stalled",
        as_of=False,
        table=False,
        ledger="write",
    )
    correct.add_argument(
        "entry", metavar="ENTRY_ID", help="a history entry id (h-...) or a figure's (p-...)"
    )
    correct.add_argument("--on", required=True, type=day, metavar="DATE", help="correction date")
    correct.add_argument("--reason", required=True, metavar="TEXT", help="why it was wrong")
    correct.add_argument(
        "--status", choices=STATUS_NAMES, metavar="STATUS", help="an entry's right status"
    )
    correct.add_argument("--date", type=day, metavar="DATE", help="the right date")
    correct.add_argument("--note", metavar="TEXT", help="the entry's (or figure's) new note")
    correct.add_argument("--value", type=_number, metavar="N", help="a figure's right value")
    correct.add_argument("--of", type=_number, metavar="TOTAL", help="a figure's right total")
    correct.add_argument("--unit", metavar="UNIT", help="a figure's right unit")
    _quote_options(correct)
    update_options(correct)

    withdraw = commands.add(
        "withdraw",
        _withdraw,
        "withdraw a history entry or progress figure recorded by mistake, in the file itself;\n"
        "it leaves the history and stays in the file with the withdrawal's date and reason",
        "claimtrack withdraw --ledger my.json h-53b53c3e04 --on 2024-03-05 \\\n"
        "      --reason 'recorded against the wrong commitment'",
        as_of=False,
        table=False,
        ledger="write",
    )
    withdraw.add_argument(
        "entry", metavar="ENTRY_ID", help="a history entry id (h-...) or a figure's (p-...)"
    )
    withdraw.add_argument("--on", required=True, type=day, metavar="DATE", help="withdrawal date")
    withdraw.add_argument("--reason", required=True, metavar="TEXT", help="why it is withdrawn")
    update_options(withdraw)

    check = commands.add(
        "check",
        _check,
        "record documented absence: a search that found nothing, backing a status where there\n"
        "is nothing to quote (--status, e.g. unverifiable), or confirming the current one",
        "claimtrack check --ledger my.json c-hotline --on 2020-01-15 --date 2019 \\\n"
        "      --searched 'Dawn, IRNA, ISPR archives' --sought 'hotline use' --by monitor \\\n"
        "      --status unverifiable",
        as_of=False,
        table=False,
        ledger="write",
    )
    check.add_argument("item", metavar="ITEM_ID", help="a commitment or claim id")
    check.add_argument("--on", required=True, type=day, metavar="DATE", help="when you searched")
    check.add_argument("--searched", required=True, metavar="TEXT", help="where you searched")
    check.add_argument("--sought", metavar="TEXT", help="what you searched for")
    check.add_argument("--by", metavar="NAME", help="who searched")
    check.add_argument(
        "--status",
        choices=STATUS_NAMES,
        metavar="STATUS",
        help="the status the search supports, e.g. unverifiable; default: the status then in"
        " effect, confirmed (no move)",
    )
    check.add_argument("--date", type=day, metavar="DATE", help="the period the status is for")
    check.add_argument("--reason", metavar="TEXT", help="why, for a move outside the usual ones")
    check.add_argument("--note", metavar="TEXT", help="a note on this entry")
    update_options(check)

    progress = commands.add(
        "progress",
        _progress,
        "add a dated progress figure to a commitment (no status change needed), in place",
        "claimtrack progress --ledger my.json c-fencing-iran --on 2022-06 --value 581 \\\n"
        "      --of 830 --unit km --source src-b --quote '581 km of the fence'",
        as_of=False,
        table=False,
        ledger="write",
    )
    progress.add_argument("item", metavar="ITEM_ID", help="a commitment id")
    progress.add_argument("--on", required=True, type=day, metavar="DATE", help="date of figure")
    progress.add_argument("--value", required=True, type=_number, metavar="N", help="the figure")
    progress.add_argument("--of", type=_number, metavar="TOTAL", help="the total it is out of")
    progress.add_argument("--unit", required=True, metavar="UNIT", help="km, %%, posts...")
    progress.add_argument("--note", metavar="TEXT")
    progress.add_argument("--searched", metavar="TEXT", help="rest on a check: where you looked")
    progress.add_argument("--by", metavar="NAME", help="who made the check")
    _quote_options(progress)
    update_options(progress)

    history = commands.add(
        "history",
        _history,
        "list every entry of an item's history, current, unusual, corrected or withdrawn",
        "claimtrack history c-hotline",
        as_of=False,
    )
    history.add_argument("item", metavar="ITEM_ID", help="a commitment or claim id")
