"""Anchoring evidence quotes in archived source texts, exactly, or failing loudly.

A quote must occur exactly once in its source's text, or be made unique by its ``prefix`` and
``suffix``. Texts and quotes are compared after Unicode NFC normalisation, so a curly apostrophe
matches only a curly apostrophe. A quote is never re-anchored to a lookalike passage.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from attrs import frozen

from claimtrack.errors import LedgerFileError, Problem, QuoteProblems
from claimtrack.files import read_regular_file
from claimtrack.ledger import Ledger
from claimtrack.model import TextQuote

__all__ = ["QuoteCount", "anchor", "check_quotes", "read_source_texts", "verify_quotes"]


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def anchor(text: str, quote: TextQuote, *, limit: int | None = None) -> list[int]:
    """Every offset in ``text`` where the quote matches, with its prefix and suffix if given.

    One offset means the quote is anchored; none means not found; several mean ambiguous.
    ``limit`` stops after that many offsets (2 tell anchored from ambiguous).
    """
    return _anchor(_nfc(text), quote, limit=limit)


def _anchor(text: str, quote: TextQuote, *, limit: int | None = None) -> list[int]:
    """``anchor`` for a text already in NFC.

    The quote with its prefix and suffix is searched as one string (``str.find`` is linear), so
    each match costs one search, never a comparison per candidate offset; a quote that overlaps
    itself (``"aaaa"`` in ``"aaaaaaa"``) matches at every shift, hence ``limit``.
    """
    exact = _nfc(quote.exact)
    prefix, suffix = _nfc(quote.prefix or ""), _nfc(quote.suffix or "")
    whole = prefix + exact + suffix
    found: list[int] = []
    start = text.find(whole)
    while start != -1 and (limit is None or len(found) < limit):
        found.append(start + len(prefix))
        start = text.find(whole, start + 1)
    return found


def read_source_texts(
    ledger: Ledger, folder: str | os.PathLike[str]
) -> tuple[dict[str, str], list[Problem]]:
    """The archived text of every source that names one, and problems reading them.

    A text path must stay inside ``folder``: absolute paths and ``..`` are refused.
    """
    root = Path(folder).resolve()
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    for source in ledger.sources:
        if source.text is None:
            continue
        path = f"{ledger.path_of(source.id)}.text"
        relative = PurePosixPath(source.text)
        if relative.is_absolute() or ".." in relative.parts or "\\" in source.text:
            problems.append(
                Problem(path, f"{source.text!r} must be a relative path inside the text folder")
            )
            continue
        if "\x00" in source.text:
            problems.append(Problem(path, f"{source.text!r} holds a NUL byte, not a file name"))
            continue
        try:
            target = (root / relative).resolve()
        except (OSError, RuntimeError):  # a symlink loop (RuntimeError before Python 3.13)
            problems.append(Problem(path, f"{source.text!r} is a symlink loop"))
            continue
        if not target.is_relative_to(root):
            problems.append(Problem(path, f"{source.text!r} leads outside the text folder"))
            continue
        try:
            data = read_regular_file(target, "archived text")
        except LedgerFileError as error:
            problems.append(Problem(path, str(error)))
            continue
        try:
            texts[source.id] = data.decode("utf-8")
        except UnicodeDecodeError as error:
            problems.append(
                Problem(path, f"archived text {str(target)!r} is not UTF-8 (byte {error.start})")
            )
    return texts, problems


def verify_quotes(ledger: Ledger, texts: Mapping[str, str]) -> list[Problem]:
    """Problems with evidence quotes whose source text is at hand: not found, or ambiguous."""
    problems: list[Problem] = []
    normalised = {source_id: _nfc(text) for source_id, text in texts.items()}
    for evidence in ledger.evidence:
        quote = evidence.quote
        if quote is None or evidence.source not in normalised:
            continue
        offsets = _anchor(normalised[evidence.source], quote, limit=_COUNTED)
        if len(offsets) == 1:
            continue
        path = f"{ledger.path_of(evidence.id)}.quote"
        shown = _shorten(quote.exact)
        if not offsets:
            where = " with its prefix/suffix" if quote.prefix or quote.suffix else ""
            problems.append(
                Problem(path, f"quote {shown} not found{where} in source {evidence.source!r}")
            )
        else:
            problems.append(
                Problem(
                    path,
                    f"quote {shown} is ambiguous: found {_times(len(offsets))} in source"
                    f" {evidence.source!r}; add a prefix or suffix",
                )
            )
    return problems


@frozen
class QuoteCount:
    """What ``check_quotes`` could check: quotes verified, quotes whose source has no text."""

    verified: int
    unchecked: int


def check_quotes(ledger: Ledger, folder: str | os.PathLike[str]) -> QuoteCount:
    """Raise ``QuoteProblems`` unless every quote is anchored exactly once in its archived text.

    Returns how many quotes were verified and how many could not be checked because their source
    names no archived text (those are not counted as verified).
    """
    if not Path(folder).is_dir():
        raise LedgerFileError(f"text folder {os.fspath(folder)!r} is not a directory")
    texts, problems = read_source_texts(ledger, folder)
    problems.extend(verify_quotes(ledger, texts))
    if problems:
        raise QuoteProblems(problems, headline="quotes not verified")
    quoted = [evidence for evidence in ledger.evidence if evidence.quote is not None]
    verified = sum(1 for evidence in quoted if evidence.source in texts)
    return QuoteCount(verified=verified, unchecked=len(quoted) - verified)


#: How many matches of an ambiguous quote are counted (each costs a search as long as the quote).
_COUNTED = 10


def _times(count: int) -> str:
    return f"{count} times" if count < _COUNTED else f"{count} or more times"


def _shorten(text: str, limit: int = 60) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
