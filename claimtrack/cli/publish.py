"""Publishing: ``claimtrack site``, the report as a folder of static pages."""

from __future__ import annotations

import argparse
from pathlib import Path

from claimtrack.cli.options import EXIT_OK, Commands, force_option, open_ledger

__all__ = ["register"]


def _site(args: argparse.Namespace) -> int:
    from claimtrack.report.site import write_site

    written = write_site(
        open_ledger(args),
        args.out,
        args.as_of,
        title=args.title,
        templates=args.templates,
        force=args.force,
    )
    print(f"wrote {len(written)} files to {args.out} (open {Path(args.out) / 'index.html'})")
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add the site command."""
    site = commands.add(
        "site",
        _site,
        "write the report as a website: an index (scorecard, status tables, timeline picture)\n"
        "and one page per commitment, claim, actor and source; static, offline, printable",
        "claimtrack site --out public --title 'Pakistan-Iran pledges' --as-of 2019-12-31",
        table=False,
    )
    site.add_argument(
        "--out", type=Path, required=True, metavar="DIR", help="folder to write the pages into"
    )
    site.add_argument(
        "--title", default="claimtrack report", metavar="TEXT", help="the site's title"
    )
    site.add_argument(
        "--templates",
        type=Path,
        metavar="DIR",
        help="folder of your own templates (index.html, commitment.html, claim.html,"
        " actor.html, source.html, base.html, macros.html, style.css): a file there replaces"
        " the bundled one of the same name",
    )
    force_option(site)
