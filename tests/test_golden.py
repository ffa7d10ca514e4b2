"""Golden outputs: the reports on the bundled ledger, compared as exact strings.

After an intended change, regenerate with ``UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py``
and review the diff of ``tests/golden/`` like any other change to the product.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest

import claimtrack
from claimtrack.report import claim_table, diff, scorecard, status_table, timeline
from claimtrack.report.fit import fit
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
    # What an 80-column terminal shows: the pledge text wrapped, every line at most 80 wide.
    "status-80.txt": lambda: fit(status_table(LEDGER, AS_OF), "simple", width=80),
    "claims-80.txt": lambda: fit(claim_table(LEDGER, AS_OF), "simple", width=80),
    # Typed data: numbers as numbers, null, ISO dates with precision, qualifier and inference.
    "status.json": lambda: status_table(LEDGER, AS_OF).render("json").rstrip("\n"),
    "scorecard.json": lambda: scorecard(LEDGER, AS_OF).data_table().render("json").rstrip("\n"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name: str) -> None:
    """Each report renders exactly as its reviewed golden file."""
    rendered = CASES[name]() + "\n"
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(rendered, encoding="utf-8")
    assert rendered == path.read_text(encoding="utf-8")


def test_80_column_tables_fit() -> None:
    """No line of the 80-column goldens is wider than 80 characters."""
    for name in ("status-80.txt", "claims-80.txt"):
        lines = (GOLDEN / name).read_text(encoding="utf-8").splitlines()
        assert max(len(line) for line in lines) <= 80


def test_2018_article_changes_the_picture() -> None:
    """As of end-2017 only the Tehran pledges exist, all announced; by mid-2018 the second
    article adds the 2018 pledges and moves two engagement pledges to in_progress."""
    before = status_table(LEDGER, "2017-12-31")
    after = status_table(LEDGER, AS_OF)
    assert set(before.column("status")) == {"announced"}
    assert len(after.rows) > len(before.rows)
    moved = {row[0] for row in after.select(["id", "status"]).rows if row[1] == "in_progress"}
    assert moved == {"c-more-frequent-interactions", "c-continue-engagements"}
    assert set(before.column("id")) <= set(after.column("id"))
