"""Ledgers bundled with claimtrack, and the archived texts their quotes are checked against."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from claimtrack.ledger import Ledger

__all__ = ["PAKISTAN_IRAN", "folder", "pakistan_iran"]

#: File name of the bundled Pakistan-Iran ledger inside this package.
PAKISTAN_IRAN = "pakistan_iran.json"


def folder() -> Path:
    """The folder holding the bundled ledgers and their archived source texts."""
    from pathlib import Path

    return Path(os.path.dirname(os.path.abspath(__file__)))


def pakistan_iran() -> Ledger:
    """The Pakistan-Iran ledger (2017-2018 thaw), built from two news articles, quote-exact."""
    from claimtrack.codec import load

    return load(folder() / PAKISTAN_IRAN)
