"""In-place updates of a ledger file: record, cite, add-source.

Each is a locked read-validate-write (see :mod:`claimtrack.amend`); the commands only turn
arguments into the library call and print what was done.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from claimtrack import amend
from claimtrack.amend import NewEvidence
from claimtrack.cli.options import EXIT_OK, STATUS_NAMES, Commands, day, seconds
from claimtrack.dates import PartialDate
from claimtrack.lifecycle import Stance
from claimtrack.model import Credibility, Reliability, Source, SourceKind, TextQuote

__all__ = ["evidence_options", "new_evidence", "register", "update_options", "updates_texts"]


def new_evidence(args: argparse.Namespace) -> NewEvidence | None:
    """The quote given with --source/--quote, if any; a half-given one is a usage error."""
    if (args.source is None) != (args.quote is None):
        args.usage_error("--source and --quote go together: the quote's source and its words")
    if args.quote is None:
        if args.prefix is not None or args.suffix is not None:
            args.usage_error("--prefix and --suffix belong to a --quote")
        return None
    if not args.quote.strip():
        args.usage_error("--quote needs the words, exactly as printed in the source")
    return NewEvidence(
        source=args.source,
        quote=TextQuote(args.quote, args.prefix, args.suffix),
        stance=Stance(args.stance),
        credibility=None if args.credibility is None else Credibility(args.credibility),
    )


def updates_texts(args: argparse.Namespace) -> Path:
    """The folder new quotes and texts are checked in: --texts, else the ledger's folder."""
    return args.texts if args.texts is not None else Path(args.ledger).parent


def _record(args: argparse.Namespace) -> int:
    """Append a status change in place; print what was recorded and the evidence it cites."""
    new = new_evidence(args)
    if args.inferred is not None and not args.inferred.strip():
        args.usage_error("--inferred needs the reason the date is inferred")
    on = PartialDate.parse(args.on.edtf, inferred=args.inferred)
    ledger = amend.record_status(
        args.ledger,
        args.item,
        status=args.status,
        on=on,
        evidence=args.evidence or (),
        new=new,
        note=args.note,
        reason=args.reason,
        strict=args.strict,
        texts=updates_texts(args),
        timeout=args.wait,
    )
    history = ledger.history(args.item)
    change = next(c for c in reversed(history) if c.date == on and c.status.value == args.status)
    cited = ", ".join(change.evidence)
    unusual = " (unusual)" if ledger.is_unusual(args.item, change) else ""
    print(f"{args.item}: {change.status.value} on {change.date}{unusual}, citing {cited}")
    return EXIT_OK


def _cite(args: argparse.Namespace) -> int:
    """Make an item cite more evidence in place; print everything it now cites."""
    ledger = amend.cite(
        args.ledger,
        args.item,
        evidence=args.evidence or (),
        new=new_evidence(args),
        texts=updates_texts(args),
        timeout=args.wait,
    )
    print(f"{args.item} now cites {', '.join(ledger.item(args.item).evidence)}")
    return EXIT_OK


def _add_source(args: argparse.Namespace) -> int:
    """Add a source in place (its archived text, if named, must be readable)."""
    source = Source(
        id=args.id,
        title=args.title,
        kind=SourceKind(args.kind),
        publisher=args.publisher,
        author=args.author,
        published=args.published,
        url=args.url,
        language=args.language,
        reliability=None if args.reliability is None else Reliability(args.reliability),
        text=args.text,
        note=args.note,
    )
    amend.add_source(args.ledger, source, texts=updates_texts(args), timeout=args.wait)
    print(f"added source {args.id}")
    return EXIT_OK


def update_options(sub: argparse.ArgumentParser) -> None:
    """Options every in-place update takes: the text folder and how long to wait for the lock."""
    sub.add_argument(
        "--texts",
        type=Path,
        metavar="DIR",
        help="folder of archived source texts new quotes are checked against"
        " (default: the ledger's folder)",
    )
    sub.add_argument(
        "--wait",
        type=seconds,
        default=60.0,
        metavar="SECONDS",
        help="how long to wait for another update of the same ledger to finish (default: 60)",
    )
    sub.set_defaults(usage_error=sub.error)


def evidence_options(sub: argparse.ArgumentParser) -> None:
    """--evidence ID..., or a new quote: --source ID --quote TEXT [--prefix/--suffix/--stance]."""
    cited = sub.add_mutually_exclusive_group(required=True)
    cited.add_argument(
        "--evidence",
        action="extend",
        nargs="+",
        metavar="EVIDENCE_ID",
        help="cite evidence already in the ledger (repeatable)",
    )
    cited.add_argument("--quote", metavar="TEXT", help="cite a new quote, exactly as printed")
    sub.add_argument("--source", metavar="SOURCE_ID", help="the source the --quote is from")
    sub.add_argument("--prefix", metavar="TEXT", help="text right before the quote, to pin it")
    sub.add_argument("--suffix", metavar="TEXT", help="text right after the quote, to pin it")
    sub.add_argument(
        "--stance",
        choices=[stance.value for stance in Stance],
        default=Stance.MENTIONS.value,
        help="how the quote bears on the item (default: mentions, which justifies no verdict)",
    )
    sub.add_argument(
        "--credibility",
        type=int,
        choices=[grade.value for grade in Credibility],
        help="Admiralty information credibility of the quote, 1-6",
    )


def register(commands: Commands) -> None:
    """Add record, cite and add-source."""
    record = commands.add(
        "record",
        _record,
        "record a dated status change of a commitment or claim at its date, in the ledger file\n"
        "itself; a move outside the usual ones needs --reason;\n"
        "the file stays locked from read to write, so concurrent updates are never lost",
        "claimtrack record --ledger my.json c-hotline --status in_progress --on 2019-05 \\\n"
        "      --source src-a --quote 'the hotline was set up' --stance supports\n"
        "  claimtrack record --ledger my.json c-hotline --status broken --on 2024-01 \\\n"
        "      --evidence ev-bypassed --reason 'bypassed during the January 2024 strikes'",
        as_of=False,
        table=False,
        ledger="write",
    )
    record.add_argument("item", metavar="ITEM_ID", help="a commitment or claim id")
    record.add_argument(
        "--status",
        required=True,
        choices=STATUS_NAMES,
        metavar="STATUS",
        help="the new status, e.g. in_progress, implemented, broken, corroborated, refuted",
    )
    record.add_argument(
        "--on", required=True, type=day, metavar="DATE", help="when: YYYY, YYYY-MM or YYYY-MM-DD"
    )
    record.add_argument(
        "--inferred", metavar="REASON", help="the date is not printed in the source; say why"
    )
    record.add_argument("--note", metavar="TEXT", help="a note on this change")
    record.add_argument(
        "--reason",
        metavar="TEXT",
        help="why: needed for a move outside the usual ones (implemented -> broken...), which is"
        " then recorded and flagged as unusual",
    )
    record.add_argument(
        "--strict", action="store_true", help="refuse any move outside the usual ones"
    )
    evidence_options(record)
    update_options(record)

    cite = commands.add(
        "cite",
        _cite,
        "make a commitment or claim cite more evidence (an existing id, or a new quote), in place",
        "claimtrack cite --ledger my.json c-hotline --source src-a --quote 'a hotline'",
        as_of=False,
        table=False,
        ledger="write",
    )
    cite.add_argument("item", metavar="ITEM_ID", help="a commitment or claim id")
    evidence_options(cite)
    update_options(cite)

    add_source = commands.add(
        "add-source",
        _add_source,
        "add a source (a dated publication that quotes come from) to the ledger file, in place",
        "claimtrack add-source --ledger my.json --id src-b --title 'Talks resume' --kind news \\\n"
        "      --published 2019-05-02 --text talks-resume.txt",
        as_of=False,
        table=False,
        ledger="write",
    )
    add_source.add_argument("--id", required=True, metavar="ID", help="a new, unique id")
    add_source.add_argument("--title", required=True, metavar="TEXT")
    add_source.add_argument("--kind", required=True, choices=[k.value for k in SourceKind])
    add_source.add_argument("--published", type=day, metavar="DATE")
    add_source.add_argument("--url", metavar="URL")
    add_source.add_argument("--publisher", metavar="NAME")
    add_source.add_argument("--author", metavar="NAME")
    add_source.add_argument("--language", metavar="CODE", help="e.g. en, ur, fa")
    add_source.add_argument(
        "--reliability", choices=[r.value for r in Reliability], help="Admiralty grade A-F"
    )
    add_source.add_argument(
        "--text", metavar="FILE", help="the archived text, relative to the text folder"
    )
    add_source.add_argument("--note", metavar="TEXT")
    update_options(add_source)
