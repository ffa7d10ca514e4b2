"""Golden outputs: the reports on the bundled ledger, compared as exact strings.

After an intended change, regenerate with ``UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py``
and review the diff of ``tests/golden/`` like any other change to the product.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest

import claimtrack
from claimtrack.report import diff, scorecard, status_table, timeline
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"
LEDGER = claimtrack.datasets.pakistan_iran()
AS_OF = "2018-07-31"

CASES: dict[str, Callable[[], str]] = {
    "status-github.txt": lambda: status_table(LEDGER, AS_OF).render("github"),
    "status-grid.txt": lambda: status_table(LEDGER, AS_OF).render("grid"),
    "status-plain.txt": lambda: status_table(LEDGER, AS_OF).render("plain"),
    "status-html.txt": lambda: status_table(LEDGER, AS_OF).render("html"),
    "status-2017-github.txt": lambda: status_table(LEDGER, "2017-12-31").render("github"),
    "scorecard.txt": lambda: str(scorecard(LEDGER, AS_OF, by="agreement")),
    "timeline.txt": lambda: timeline(LEDGER, AS_OF).render("simple"),
    "diff.txt": lambda: diff(LEDGER, "2017-12-31", AS_OF).render("simple"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name: str) -> None:
    """Each report renders exactly as its reviewed golden file."""
    rendered = CASES[name]() + "\n"
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(rendered, encoding="utf-8")
    assert rendered == path.read_text(encoding="utf-8")


def test_2018_article_changes_the_picture() -> None:
    """As of end-2017 only the Tehran pledges exist, all announced; by mid-2018 the second
    article adds the 2018 pledges and moves two engagement pledges to in_progress."""
    before = status_table(LEDGER, "2017-12-31")
    after = status_table(LEDGER, AS_OF)
    assert set(before.column("status")) == {"announced"}
    assert len(after.rows) > len(before.rows)
    moved = {row[0] for row in after.rows if row[4] == "in_progress"}
    assert moved == {"c-more-frequent-interactions", "c-continue-engagements"}
    assert {row[0] for row in before.rows} <= {row[0] for row in after.rows}
