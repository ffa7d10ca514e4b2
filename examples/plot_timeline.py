"""Draw the bundled ledger's timeline, the picture shown in the README.

One lane per commitment, coloured by status over time; hatched bands show the whole range a
partial date (a month, a year) can stand for; diamonds are evidence, triangles events.
Needs the plot extra: pip install 'claimtrack[plot]'.

Run: python examples/plot_timeline.py [OUTPUT.png|OUTPUT.svg]   (default: docs/timeline.png)
"""

from __future__ import annotations

import sys
from pathlib import Path

import claimtrack
from claimtrack.plot import draw_timeline

DEFAULT = Path(__file__).resolve().parent.parent / "docs" / "timeline.png"


def main() -> None:
    """Draw the Pakistan-Iran ledger to the given file, or to docs/timeline.png."""
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    target.parent.mkdir(parents=True, exist_ok=True)
    ledger = claimtrack.datasets.pakistan_iran()
    print(f"wrote {draw_timeline(ledger, target)}: {len(ledger.commitments)} commitments")


if __name__ == "__main__":
    main()
