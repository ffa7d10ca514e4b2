"""Reports on small ledgers built in code: shares, escaping, formula-safe CSV, empty ledgers."""

from __future__ import annotations

import csv
import io
import json
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack import (
    Ledger,
    PartialDate,
)
from claimtrack.report import (
    UnknownColumn,
    UnknownFormat,
    chains,
    claim_table,
    confidence_table,
    diff,
    evidence_report,
    formats,
    html_report,
    largest_remainder,
    recurrence_table,
    scorecard,
    status_table,
    timeline,
)
from tests.ledgers import ledger_with

D = PartialDate.parse


@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=12))
def test_largest_remainder_sums_to_100(counts: list[int]) -> None:
    """Shares always sum to exactly 100 and each is its exact quota rounded down or up."""
    shares = largest_remainder(counts)
    total = sum(counts)
    if total == 0:
        assert shares == [0] * len(counts)
        return
    assert sum(shares) == 100
    for count, share in zip(counts, shares, strict=True):
        quota = Fraction(count * 100, total)
        assert quota - 1 < share < quota + 1


def test_largest_remainder_known_case() -> None:
    """Three equal thirds round to 34/33/33, the first taking the spare unit."""
    assert largest_remainder([1, 1, 1]) == [34, 33, 33]


def test_scorecard_scores_and_shares() -> None:
    """PAM score is sum of levels over 3n; shares are per level; tally follows PolitiFact."""
    card = scorecard(ledger_with(), "2019-12-31")
    line = card.lines[0]
    assert line.levels == (1, 0, 0, 1)
    assert line.score == pytest.approx(50.0)
    assert line.shares == [50, 0, 0, 50]
    assert line.politifact["Promise Kept"] == 1
    assert line.politifact["Not Yet Rated"] == 1
    by_party = scorecard(ledger_with(), "2019-12-31", by="party")
    assert [line.group for line in by_party.lines] == ["all", "Party A"]


def test_status_as_of_and_flags() -> None:
    """The status table shows the status in effect and derives overdue from the due date."""
    ledger = ledger_with()
    before = status_table(ledger, "2018-12-31")
    assert before.column("status") == ["announced", "announced"]
    assert before.column("flags") == [(), ()]
    after = status_table(ledger, "2019-12-31")
    assert after.column("status") == ["implemented", "announced"]
    assert after.column("flags") == [(), ("overdue", "stale")]  # no news on c2 for 19 months
    assert status_table(ledger, "2018-04-30").column("id") == ["c1"]


def test_columns_sort_and_filters() -> None:
    """Columns can be picked and ordered, rows sorted and filtered; bad names are clear errors."""
    ledger = ledger_with()
    table = status_table(ledger, "2019-12-31", columns=["status", "id"], sort="status")
    assert table.headers == ("status", "id")
    assert table.rows == (("announced", "c2"), ("implemented", "c1"))
    assert status_table(ledger, "2019-12-31", status="implemented").column("id") == ["c1"]
    with pytest.raises(UnknownColumn, match="unknown column 'colour'; expected one of id,"):
        status_table(ledger, "2019-12-31", columns=["colour"])


def test_unknown_format_lists_valid_ones() -> None:
    """An unknown table format is a ClaimtrackError naming every valid format."""
    with pytest.raises(UnknownFormat) as caught:
        status_table(ledger_with(), "2019").render("excel")
    assert str(caught.value).startswith("unknown table format 'excel'; expected one of ")
    assert "github" in str(caught.value) and str(caught.value).endswith("csv, json, tsv")
    assert {"github", "grid", "plain", "html", "csv", "json", "tsv"} <= set(formats())


def test_html_escapes_user_text() -> None:
    """A <script> in a title or quote appears escaped in every HTML output."""
    ledger = ledger_with(title="<script>alert(1)</script>", quote="<script>x()</script>")
    page = html_report(ledger, "2019-12-31")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;script&gt;x()&lt;/script&gt;" in page
    table_html = evidence_report(ledger, "c1").render("html")
    assert "<script>" not in table_html
    assert "<script" not in ledger._repr_html_()


@pytest.mark.parametrize("danger", ["=1+1", "+1", "-1", "@SUM(A1)", '=HYPERLINK("x")'])
def test_csv_cells_cannot_run_as_formulas(danger: str) -> None:
    """A CSV cell starting with = + - @ is prefixed with ' so spreadsheets show it as text."""
    ledger = ledger_with(quote=danger)
    rendered = evidence_report(ledger, "c1").render("csv")
    row = next(r for r in csv.reader(io.StringIO(rendered)) if r[0] == "ev")
    assert row[-1] == "'" + danger


def test_json_rows() -> None:
    """The json format gives one object per row with snake_case keys."""
    rows = json.loads(status_table(ledger_with(), "2019-12-31").render("json"))
    assert rows[0]["id"] == "c1"
    assert rows[0]["latest_evidence"] == "src (2018-03)"


def test_recurrence_chain() -> None:
    """Restated pledges form one chain, oldest first, with whether it was ever implemented."""
    ledger = ledger_with()
    assert [[c.id for c in chain.commitments] for chain in chains(ledger)] == [["c1", "c2"]]
    row = recurrence_table(ledger, "2019-12-31").rows[0]
    assert row[0] == "c1 > c2" and row[2] == 2
    assert row[6] is True
    assert recurrence_table(ledger, "2018-12-31").column("ever implemented") == [False]


def test_confidence_flags() -> None:
    """A status resting on one ungraded source is flagged as such."""
    table = confidence_table(ledger_with(), "2019-12-31")
    assert table.column("id") == ["c1", "c2"]
    assert table.column("flags")[0] == ("single source", "ungraded")
    assert table.column("flags")[1] == ("no evidence", "single source")


def test_diff_between_dates() -> None:
    """The diff lists new items, status moves and new evidence inside the window only."""
    table = diff(ledger_with(), "2018-12-31", "2019-12-31")
    assert [(row[1], row[2]) for row in table.rows] == [
        ("status", "c1"),
        ("overdue", "c2"),
        ("stale", "c2"),
    ]
    early = diff(ledger_with(), "2018-01", "2018-06")
    assert [(row[1], row[2]) for row in early.rows] == [
        ("new commitment", "c1"),  # 2018-03
        ("evidence", "ev"),  # 2018-03: after the new item of the same date
        ("new commitment", "c2"),  # 2018-05-02
    ]


def test_timeline_keeps_precision() -> None:
    """Timeline dates keep their precision: a year stays a year, a day stays a day."""
    dates = timeline(ledger_with()).column("date")
    assert [str(date) for date in dates] == ["2018-03", "2018-03", "2018-05-02", "2019"]
    assert [d["date_precision"] for d in timeline(ledger_with()).to_records()] == [
        "month",
        "month",
        "day",
        "year",
    ]


def test_empty_ledger_renders_every_report() -> None:
    """Every report renders an empty ledger in every format without error."""
    empty = Ledger()
    tables = [
        status_table(empty, "2020"),
        claim_table(empty, "2020"),
        *scorecard(empty, "2020").tables(),
        timeline(empty, "2020"),
        diff(empty, "2019", "2020"),
        confidence_table(empty, "2020"),
        recurrence_table(empty, "2020"),
    ]
    for table in tables:
        for fmt in formats():
            assert isinstance(table.render(fmt), str)
    assert scorecard(empty, "2020").lines[0].score is None
    assert "<html" in html_report(empty, "2020")


def test_html_embeds_the_timeline_picture() -> None:
    """With the plot extra, the page embeds the timeline as inline SVG; without, it has none."""
    pytest.importorskip("matplotlib")
    ledger = ledger_with(title="<script>alert(1)</script>")
    page = html_report(ledger, "2019-12-31")
    assert page.count("<svg") == 1 and "<?xml" not in page
    assert "<script" not in page
    assert "<svg" not in html_report(ledger, "2019-12-31", picture=False)
