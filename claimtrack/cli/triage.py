"""The triage command: which sentences of a new article bear on which pledges and claims."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from claimtrack.cli.options import (
    EXIT_OK,
    Commands,
    Usage,
    as_of_day,
    emit,
    force_option,
    open_ledger,
)
from claimtrack.errors import LedgerFileError
from claimtrack.files import read_regular_file

__all__ = ["register"]

_SLUG = re.compile(r"[^a-z0-9]+")


def _read_article(path: Path) -> str:
    data = read_regular_file(path, "article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise LedgerFileError(f"article {str(path)!r} is not UTF-8 (byte {error.start})") from None


def _source_id(path: Path) -> str:
    slug = _SLUG.sub("-", path.stem.casefold()).strip("-")
    return f"src-{slug or 'article'}"


def _title(text: str, path: Path) -> str:
    for line in text.splitlines():
        if line.strip():
            return " ".join(line.split())[:200]
    return path.stem


def _triage(args: argparse.Namespace) -> int:
    from claimtrack.files import write_output
    from claimtrack.relevance import triage
    from claimtrack.relevance.render import changeset, suggestion_table, to_json

    if args.top < 1:
        raise Usage(f"--top must be at least 1, not {args.top}")
    if not 0.0 <= args.min_score <= 1.0:
        raise Usage(f"--min-score must be between 0 and 1, not {args.min_score}")
    if not 0.0 <= args.rival_share <= 1.0:
        raise Usage(f"--rival-share must be between 0 and 1, not {args.rival_share}")
    ledger = open_ledger(args)
    text = _read_article(args.article)
    source = ledger.sources.get(args.source_id) if args.source_id else None
    suggestions = triage(
        ledger,
        text,
        top=args.top,
        as_of=args.as_of,
        min_score=args.min_score,
        rival_share=args.rival_share,
        published=args.published or (source.published if source is not None else None),
    )
    if args.changeset is not None:
        source_id = args.source_id or _source_id(args.article)
        items = {item.id: item.text for item in [*ledger.commitments, *ledger.claims]}
        document = changeset(
            suggestions,
            source_id=source_id,
            article_name=args.article.name,
            title=_title(text, args.article),
            new_source=source_id not in ledger.sources,
            item_texts=items,
            ledger_name=str(args.ledger),
            changeset_name="THIS-FILE" if str(args.changeset) == "-" else str(args.changeset),
        )
        write_output(args.changeset, document, force=args.force, read=[args.ledger, args.article])
    if args.format == "json":
        write_output(None, to_json(suggestions))
    elif args.changeset is None or str(args.changeset) != "-":
        emit(suggestion_table(suggestions, full=args.format in ("csv", "tsv")), args)
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add triage."""
    from claimtrack.relevance import DEFAULT_MIN_SCORE, DEFAULT_RIVAL_SHARE, DEFAULT_TOP

    triage = commands.add(
        "triage",
        _triage,
        "suggest which sentences of a new article bear on which commitments and claims"
        " (needs the 'triage' extra: pip install 'claimtrack[triage]')",
        "claimtrack triage --ledger my.json article.txt --changeset suggestions.yaml",
    )
    triage.add_argument("article", type=Path, metavar="ARTICLE", help="the article, UTF-8 text")
    triage.add_argument(
        "--source-id",
        metavar="ID",
        help="the article's source id in the changeset (default: src- and the file name)",
    )
    triage.add_argument(
        "--published",
        type=as_of_day,
        metavar="DATE",
        help="the article's date, to read 'last year' or 'in June' against (default: the"
        " --source-id source's date if the ledger has it, else --as-of)",
    )
    triage.add_argument(
        "--top",
        type=int,
        default=DEFAULT_TOP,
        metavar="N",
        help=f"sentences suggested per item, at most (default: {DEFAULT_TOP})",
    )
    triage.add_argument(
        "--min-score",
        type=float,
        default=DEFAULT_MIN_SCORE,
        metavar="X",
        help=f"least score (0-1) for a suggestion (default: {DEFAULT_MIN_SCORE})",
    )
    triage.add_argument(
        "--rival-share",
        type=float,
        default=DEFAULT_RIVAL_SHARE,
        metavar="X",
        help="suggest a sentence for an item only if it scores at least this share (0-1) of"
        f" its best score for any item (default: {DEFAULT_RIVAL_SHARE}; 0: off)",
    )
    triage.add_argument(
        "--changeset",
        type=Path,
        metavar="PATH",
        help="also write a changeset with each suggested cite commented out ('-': standard"
        " output, instead of the table)",
    )
    force_option(triage)
