"""Real trackers' histories: snapshots in date-time order, renames and suggestions, ClaimReview."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from claimtrack import dumps
from claimtrack.cli import main
from claimtrack.interop import ImportProblems, import_records, read_mapping
from claimtrack.interop.problems import Location
from claimtrack.interop.rename_suggestions import (
    Listed,
    suggest_renames,
    suggestions_csv,
    title_similarity,
)
from claimtrack.interop.renames import read_renames, renames_from_pairs
from claimtrack.interop.snapshots import Snapshot, snapshot_problems, taken_in_order
from tests.conftest import FIXTURES

TRACKERS = FIXTURES / "trackers"


def test_snapshot_argument_takes_a_time_of_day() -> None:
    """``FILE@2017-05-09T21:33`` is a dated, timed snapshot, not an unknown format."""
    timed = Snapshot.from_argument("t.csv@2017-05-09T21:33")
    assert (str(timed.path), str(timed.date), timed.time) == (
        "t.csv",
        "2017-05-09",
        dt.time(21, 33),
    )
    assert timed.moment == "2017-05-09T21:33"
    assert Snapshot.from_argument("t-2017-05-09.csv").moment == "2017-05-09"
    assert Snapshot.from_argument("t.csv@2017-05").moment == "2017-05"
    assert Snapshot.from_argument("t.csv").moment == "undated"


def test_same_day_snapshots_are_ordered_by_time_and_refused_without() -> None:
    """Two snapshots of one day need times; with them they go in time order."""
    evening = Snapshot.from_argument("b.csv@2017-05-09T21:33")
    morning = Snapshot.from_argument("a.csv@2017-05-09T09:15")
    later = Snapshot.from_argument("c.csv@2017-08-01")
    assert taken_in_order([later, evening, morning]) == [morning, evening, later]
    assert snapshot_problems([later, evening, morning], dated_rows=False) == []
    untimed = [Snapshot.from_argument("a.csv@2017-05-09"), evening]
    assert [str(p) for p in snapshot_problems(untimed, dated_rows=False)] == [
        "b.csv: same snapshot date 2017-05-09 as a.csv; give both a time of day to order them"
        " (FILE@2017-05-09T21:33)"
    ]
    month = [Snapshot.from_argument("m.csv@2017-05"), morning]
    assert [str(p) for p in snapshot_problems(month, dated_rows=False)] == [
        "a.csv: snapshot date 2017-05-09 overlaps 2017-05; snapshots need an order"
    ]


def test_renames_follow_chains_and_refuse_cycles_and_clashes(tmp_path: Path) -> None:
    """``a -> b``, ``b -> c`` reads ``a`` as ``c``; a cycle and two targets are each refused."""
    where = Location("renames.csv", "row 2")
    chained = renames_from_pairs([("a", "b", where), ("b", "c", where)])
    assert (chained.final("a"), chained.final("b"), chained.final("z")) == ("c", "c", "z")
    path = tmp_path / "renames.csv"
    path.write_text("# checked by hand\nold,new,why\nx,y,same URL\nx,z,\ny,x,\nq,q,\n", "utf-8")
    with pytest.raises(ImportProblems) as error:
        read_renames(path)
    assert [line.replace(f"{tmp_path}/", "") for line in error.value.lines] == [
        "renames.csv, row 4: 'x' is renamed to 'z' here and to 'y' at renames.csv, row 3",
        "renames.csv, row 6: 'q' is renamed to itself",
        "renames.csv, row 3: renames go round in a cycle: 'x' -> 'y' -> 'x'",
        "renames.csv, row 5: renames go round in a cycle: 'y' -> 'x' -> 'y'",
    ]


def test_title_similarity_is_difflib_ratio_of_plain_titles() -> None:
    """Case, punctuation and spacing do not count; the ratio is 2*matches/total characters."""
    assert title_similarity("Build 500 social homes!", "build 500  SOCIAL homes") == 1.0
    assert title_similarity("abcd", "abxy") == 0.5
    assert title_similarity(
        "Build 500 social homes", "Build 500 affordable homes"
    ) == pytest.approx(0.79, abs=0.01)


def test_suggestions_pair_keys_that_left_with_keys_that_arrived() -> None:
    """A shared URL wins over a close title; each key is used once; unrelated keys are left."""
    here = Location("s.csv")

    def row(key: str, url: str) -> Listed:
        return Listed(key, key, (url,), here)

    first = [row("Plant 1,000 trees", "u1"), row("Fix roads", "u2"), row("Open a ferry", "u3")]
    second = [row("Plant 1000 trees", "u9"), row("Repair roads", "u2"), row("Build a zoo", "u4")]
    found = suggest_renames([first, second])
    assert [(s.old, s.new, s.why) for s in found] == [
        ("Fix roads", "Repair roads", "same URL u2"),
        ("Plant 1,000 trees", "Plant 1000 trees", "titles 0.97 alike"),
    ]
    assert suggestions_csv(found).splitlines()[0:2] == [
        "old,new,why",
        "Fix roads,Repair roads,same URL u2; s.csv -> s.csv",
    ]


def test_claimreview_export_of_a_ledger_without_claims_fails_and_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Commitments only: exit 1 naming what was skipped, and no file written (not ``[]``)."""
    snapshots = sorted(TRACKERS.glob("exampleville-*.csv"))
    ledger = import_records(snapshots, read_mapping(TRACKERS / "exampleville.toml")).ledger
    path = tmp_path / "pledges.json"
    path.write_text(dumps(ledger), encoding="utf-8")
    out = tmp_path / "reviews.json"
    argv = ["export", "--to", "claimreview", "--ledger", str(path), "--out", str(out)]
    assert main(argv) == 1
    assert capsys.readouterr().err == (
        "claimtrack: no claims to export as ClaimReview; skipped 7 commitments (not claims)\n"
    )
    assert not out.exists()


def test_claimreview_export_names_the_reviewer_and_the_skipped_commitments(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``--reviewer`` and ``--base-url`` reach every review; skipped commitments are a note."""
    argv = ["export", "--to", "claimreview", "--reviewer", "Riverton Checks"]
    assert main([*argv, "--base-url", "https://example.org/checks/"]) == 0
    captured = capsys.readouterr()
    reviews = json.loads(captured.out)
    assert reviews
    assert {r["author"]["name"] for r in reviews} == {"Riverton Checks"}
    assert all(r["url"].startswith("https://example.org/checks/claim/") for r in reviews)
    assert captured.err.startswith("claimtrack: note: ClaimReview skipped ")
    assert "commitments (not claims)" in captured.err
