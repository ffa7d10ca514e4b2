"""A report for publication: write the HTML report and a Markdown status table to files.

Run: python examples/publish_report.py [OUTPUT_FOLDER]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import claimtrack
from claimtrack.report import html_report, scorecard, status_table

AS_OF = "2018-07-31"


def main() -> None:
    """Write report.html and status.md for the bundled ledger as of mid-2018."""
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="ct-"))
    folder.mkdir(parents=True, exist_ok=True)
    ledger = claimtrack.datasets.pakistan_iran()
    page = folder / "report.html"
    page.write_text(html_report(ledger, AS_OF, title="Pakistan-Iran pledges"), encoding="utf-8")
    markdown = folder / "status.md"
    card = scorecard(ledger, AS_OF)
    markdown.write_text(
        f"# Pakistan-Iran pledges as of {AS_OF}\n\n"
        f"{card.table().render('github')}\n\n"
        f"{status_table(ledger, AS_OF).render('github')}\n",
        encoding="utf-8",
    )
    print(f"Wrote {page} ({page.stat().st_size} bytes)")
    print(f"Wrote {markdown} ({markdown.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
