"""Quickstart: load the bundled Pakistan-Iran ledger, print its status table and scorecard.

Run: python examples/quickstart.py
"""

from __future__ import annotations

import claimtrack
from claimtrack.report import scorecard, status_table

AS_OF = "2018-07-31"


def main() -> None:
    """Print what was pledged in the 2017-2018 thaw and where each pledge stood mid-2018."""
    ledger = claimtrack.datasets.pakistan_iran()
    print(ledger)
    print()
    print(f"Status table as of {AS_OF}\n")
    print(status_table(ledger, AS_OF).render("github"))
    print()
    print(scorecard(ledger, AS_OF))


if __name__ == "__main__":
    main()
