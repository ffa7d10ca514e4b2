"""``claimtrack init``: a new ledger, empty or a copy of a bundled example, and its texts folder.

The library side is :func:`claimtrack.datasets.start`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from claimtrack import datasets
from claimtrack.cli.options import EXIT_OK, Commands

__all__ = ["register_init"]


def _init(args: argparse.Namespace) -> int:
    written = datasets.start(args.path, example=args.example, force=args.force)
    what = "an empty ledger" if args.example is None else f"the {args.example} example"
    print(f"created {args.path} ({what}) and its archived-texts folder {written[0]}")
    print(f"next: export CLAIMTRACK_LEDGER={args.path}; claimtrack add actor --help")
    return EXIT_OK


def register_init(commands: Commands) -> None:
    """Add init."""
    init = commands.add(
        "init",
        _init,
        "create a ledger file and its texts/ folder: empty, or a copy of a bundled example\n"
        "with its archived texts (it validates as it is)",
        "claimtrack init tracker/ledger.json --example pakistan-iran",
        as_of=False,
        table=False,
        ledger="none",
    )
    init.add_argument("path", type=Path, metavar="PATH", help="the ledger file to create")
    init.add_argument(
        "--example", choices=sorted(datasets.EXAMPLES), help="copy this bundled example"
    )
    init.add_argument(
        "--force", action="store_true", help="replace an existing ledger file (and texts)"
    )
