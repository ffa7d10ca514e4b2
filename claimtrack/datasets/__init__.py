"""Ledgers bundled with claimtrack, and the archived texts their quotes are checked against."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from claimtrack.codec import loads
from claimtrack.ledger import Ledger

__all__ = ["PAKISTAN_IRAN", "folder", "pakistan_iran"]

#: File name of the bundled Pakistan-Iran ledger inside this package.
PAKISTAN_IRAN = "pakistan_iran.json"


def folder() -> Path:
    """The folder holding the bundled ledgers and their archived source texts."""
    return Path(str(files(__name__)))


def pakistan_iran() -> Ledger:
    """The Pakistan-Iran ledger (2017-2018 thaw), built from two news articles, quote-exact."""
    return loads(files(__name__).joinpath(PAKISTAN_IRAN).read_bytes())
