"""Real trackers' histories: snapshots in date-time order, renames and suggestions, ClaimReview."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack import CommitmentStatus, PartialDate, dumps
from claimtrack.cli import main
from claimtrack.interop import (
    ImportProblems,
    ImportResult,
    TrackerMapping,
    import_records,
    likely_renames,
    read_mapping,
)
from claimtrack.interop.problems import Location
from claimtrack.interop.rename_suggestions import (
    Listed,
    suggest_renames,
    suggestions_csv,
    title_similarity,
)
from claimtrack.interop.renames import read_renames, renames_from_pairs
from claimtrack.interop.snapshots import Snapshot, snapshot_problems, taken_in_order
from claimtrack.tracking import still_tracked, untracked_by
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


# -- the Riverton tracker: every case at once ------------------------------------------------

RIVERTON = TRACKERS / "riverton"
RIVERTON_SNAPSHOTS = [
    str(RIVERTON / "riverton-2017-01-10.csv"),
    str(RIVERTON / "riverton-2017-03-01.csv"),
    f"{RIVERTON / 'riverton-2017-05-09-morning.csv'}@2017-05-09T09:15",
    f"{RIVERTON / 'riverton-2017-05-09-evening.csv'}@2017-05-09T21:33",
    str(RIVERTON / "riverton-2017-08-01.csv"),
    str(RIVERTON / "riverton-2017-11-15.csv"),
]

P, A, B, S = (
    CommitmentStatus.IN_PROGRESS,
    CommitmentStatus.IMPLEMENTED,
    CommitmentStatus.BROKEN,
    CommitmentStatus.STALLED,
)
FERRY, HOMES, CLINICS = (
    "transport-open-the-river-ferry",
    "housing-build-500-affordable-homes",
    "health-extend-clinic-hours",
)
BANKS, ROOFS, ROOFS_2 = (
    "parks-clean-the-river-banks",
    "education-repair-school-roofs",
    "education-repair-school-roofs-2",
)
HEALTH_REPORT, TRANSPORT_REPORT = (
    "health-publish-a-yearly-report",
    "transport-publish-a-yearly-report",
)

#: The status of every record listed in each snapshot, as the tracker's rows give it.
RIVERTON_STATUSES: list[tuple[str, dict[str, CommitmentStatus]]] = [
    ("2017-01-10", {FERRY: P, HOMES: S, CLINICS: S, BANKS: P, ROOFS: P, HEALTH_REPORT: S,
                    TRANSPORT_REPORT: P}),
    ("2017-03-01", {FERRY: A, HOMES: P, CLINICS: S, BANKS: P, ROOFS: P, HEALTH_REPORT: S,
                    TRANSPORT_REPORT: A}),
    ("2017-05-09", {FERRY: A, HOMES: P, CLINICS: P, BANKS: A, ROOFS: P, HEALTH_REPORT: P,
                    TRANSPORT_REPORT: A}),
    ("2017-05-09", {FERRY: A, HOMES: P, CLINICS: P, BANKS: A, ROOFS: P, ROOFS_2: S,
                    HEALTH_REPORT: P, TRANSPORT_REPORT: A}),
    ("2017-08-01", {FERRY: P, HOMES: P, CLINICS: B, ROOFS: P, ROOFS_2: P, HEALTH_REPORT: P,
                    TRANSPORT_REPORT: A}),
    ("2017-11-15", {FERRY: A, HOMES: A, CLINICS: B, ROOFS: A, ROOFS_2: P, HEALTH_REPORT: B,
                    TRANSPORT_REPORT: S}),
]  # fmt: skip


def riverton(**options: Any) -> ImportResult:
    """The Riverton fixture imported with its mapping, the repeated key kept apart by order."""
    mapping = read_mapping(RIVERTON / "riverton.toml")
    return import_records(RIVERTON_SNAPSHOTS, mapping, duplicate_keys="by-order", **options)


def test_riverton_key_listed_twice_is_refused_naming_both_rows() -> None:
    """By default a repeated key is refused, naming both rows, in every snapshot, in one run."""
    with pytest.raises(ImportProblems) as error:
        import_records(RIVERTON_SNAPSHOTS, read_mapping(RIVERTON / "riverton.toml"))
    lines = [line.replace(f"{RIVERTON}/", "") for line in error.value.lines]
    assert lines == [
        f"{name}, row {second}, column 'Ministry': key 'Education | Repair school roofs' is"
        f" listed twice in this snapshot (first at {name}, row {second - 1}); keep them apart by"
        ' order with duplicate_keys = "by-order" (--duplicate-keys by-order)'
        for name, second in (
            ("riverton-2017-05-09-evening.csv", 7),
            ("riverton-2017-08-01.csv", 6),
            ("riverton-2017-11-15.csv", 6),
        )
    ]


def test_riverton_imports_with_exact_counts() -> None:
    """8 records (4 first listed in progress, 4 not in progress), 14 changes between snapshots
    of which 2 unusual, 1 record no longer tracked, 1 rename applied, 1 key kept apart."""
    result = riverton()
    ledger, report = result.ledger, result.report
    assert ledger.commitments.ids() == sorted(RIVERTON_STATUSES[3][1])
    assert (report.records, report.changes, len(report.unusual)) == (8, 14, 2)
    assert (len(report.untracked), len(report.renames), len(report.kept_apart)) == (1, 1, 1)
    assert report.first_statuses == (("in_progress", 4), ("stalled", 4))
    changes = sum(len(c.history) - 2 for c in ledger.commitments)  # less pledge, first status
    assert changes == report.changes
    lines = [line.replace(f"{RIVERTON}/", "") for line in report.lines()]
    assert lines[1:] == [
        "8 records, 14 status changes, 14 sources",
        "first statuses: 4 in_progress, 4 stalled",
        "2 unusual moves:",
        "  riverton-2017-08-01.csv, row 2: 'Transport | Open the river ferry'"
        f" ({FERRY}) moved from 'Achieved' to 'In Progress': unusual, recorded with its reason",
        "  riverton-2017-11-15.csv, row 8: 'Transport | Publish a yearly report'"
        f" ({TRANSPORT_REPORT}) moved from 'Achieved' to 'Not in Progress': unusual, recorded"
        " with its reason",
        "1 no longer tracked:",
        f"  'Parks | Clean the river banks' ({BANKS}) no longer tracked since 2017-08-01;"
        " last listed at riverton-2017-05-09-evening.csv, row 5",
        "1 rename applied:",
        "  riverton.toml, [renames] 'Housing | Build 500 social homes':"
        " 'Housing | Build 500 social homes' -> 'Housing | Build 500 affordable homes'",
        "1 key kept apart:",
        "  'Education | Repair school roofs' listed more than once in 3 snapshots; kept apart by"
        " order (first repeat: riverton-2017-05-09-evening.csv, row 7, read as"
        " 'Education | Repair school roofs #2')",
        "riverton-2017-05-09-evening.csv, row 7: 'Education | Repair school roofs #2'"
        f" ({ROOFS_2}) appeared on 2017-05-09T21:33",
        "riverton-2017-08-01.csv: 'Parks | Clean the river banks' (parks-clean-the-river-banks)"
        " disappeared on 2017-08-01",
    ]


def test_riverton_status_as_of_each_snapshot_equals_its_rows() -> None:
    """For every snapshot, each row's status is the record's status as of the snapshot's day."""
    result = riverton()
    mapping = read_mapping(RIVERTON / "riverton.toml")
    for (day, expected), argument in zip(RIVERTON_STATUSES, RIVERTON_SNAPSHOTS, strict=True):
        path = Path(argument.partition("@")[0])
        with path.open(encoding="utf-8", newline="") as stream:
            rows = list(csv.DictReader(stream))
        listed = {}
        for number, row in enumerate(rows, start=2):
            record = result.record_of[(str(path), number)]
            listed[record] = mapping.vocabulary.status(row["Status"])
            assert result.ledger.status_as_of(record, day).status is listed[record], (path, number)
        assert listed == expected


def test_riverton_history_keeps_reasons_notes_and_the_untracked_marker() -> None:
    """The unusual move's note names file, row and both statuses after the tracker's own note;
    the dropped record is marked untracked, not given a status; obligors default to the city."""
    ledger = riverton().ledger
    ferry = ledger.commitments[FERRY]
    assert [(str(c.date), c.status) for c in ferry.history] == [
        ("2017-01-10", CommitmentStatus.ANNOUNCED),
        ("2017-01-10", P),
        ("2017-03-01", A),
        ("2017-08-01", P),
        ("2017-11-15", A),
    ]
    assert ferry.history[2].note == "First crossing on 20 February"
    assert ferry.history[3].note == (
        "Ferry suspended after the July flood\n\n"
        "Unusual move, recorded as Riverton Promise Tracker gave it: Status 'Achieved'"
        " (implemented) at riverton-2017-05-09-evening.csv, row 2 (2017-05-09T21:33), then"
        " 'In Progress' (in_progress) at riverton-2017-08-01.csv, row 2 (2017-08-01)."
    )
    assert (ferry.obligors, ferry.category, ferry.text) == (
        ("riverton-city-government",),
        "transport",
        "Open the river ferry",
    )
    assert ferry.note == "A ferry across the river at Mill Lane."  # the column added later
    banks = ledger.commitments[BANKS]
    assert (banks.untracked, banks.history[-1].status) == (PartialDate(2017, 8, 1), A)
    homes = ledger.history(HOMES)
    assert homes[2].date.inferred == (
        "not given; first reported in Riverton Promise Tracker's snapshot of 2017-03-01 (the"
        " status was 'Not in Progress' in its snapshot of 2017-01-10)"
    )
    roofs_2 = ledger.history(ROOFS_2)
    assert roofs_2[1].date.inferred == (
        "not given; first reported in Riverton Promise Tracker's snapshot of 2017-05-09T21:33"
    )
    assert ledger.sources["src-example-org-riverton-ferry"].kind.value == "news"


def test_reports_leave_untracked_records_out_unless_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """From the day it was dropped, the river banks leave the report; --include-untracked."""
    ledger = riverton().ledger
    assert [c.id for c in untracked_by(ledger, "2017-07-31")] == []
    assert [c.id for c in untracked_by(ledger, "2017-08-01")] == [BANKS]
    assert BANKS in still_tracked(ledger, "2017-07-31").commitments
    assert BANKS not in still_tracked(ledger, "2017-08-01").commitments
    path = tmp_path / "riverton.json"
    path.write_text(dumps(ledger), encoding="utf-8")
    base = ["report", "--ledger", str(path), "--format", "csv", "--as-of", "2017-12-31"]
    assert main(base) == 0
    assert BANKS not in capsys.readouterr().out
    assert main([*base, "--include-untracked"]) == 0
    assert BANKS in capsys.readouterr().out
    assert main(["history", BANKS, "--ledger", str(path), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        ",2017-08-01,no longer tracked,,not a status: the tracker it was imported from"
        " stopped listing it,"
    )
    timeline = ["timeline", "--ledger", str(path), "--format", "csv", "--include-untracked"]
    assert main(timeline) == 0
    assert (
        f"2017-08-01,day,,,untracked,{BANKS},no longer tracked (its tracker stopped listing it)"
        in capsys.readouterr().out.splitlines()
    )


def test_a_renames_csv_joins_histories_like_the_mapping_table(tmp_path: Path) -> None:
    """Without the [renames] table the retitled homes split into two records; a CSV of pairs
    (here the one ``--suggest-renames`` writes, found by the shared URL) joins them again."""
    text = (RIVERTON / "riverton.toml").read_text(encoding="utf-8")
    bare = text[: text.index("[renames]")]
    mapping_path = tmp_path / "riverton.toml"
    mapping_path.write_text(bare, encoding="utf-8")
    mapping = read_mapping(mapping_path)
    found = likely_renames(RIVERTON_SNAPSHOTS, mapping)
    assert [(s.old, s.new, s.why) for s in found] == [
        (
            "Housing | Build 500 social homes",
            "Housing | Build 500 affordable homes",
            "same URL https://example.org/riverton/homes",
        )
    ]
    pairs = tmp_path / "renames.csv"
    pairs.write_text(suggestions_csv(found), encoding="utf-8")
    renames = read_renames(pairs)
    assert renames.final("Housing | Build 500 social homes") == (
        "Housing | Build 500 affordable homes"
    )
    split = import_records(RIVERTON_SNAPSHOTS, mapping, duplicate_keys="by-order")
    joined = import_records(RIVERTON_SNAPSHOTS, mapping, duplicate_keys="by-order", renames=renames)
    assert (split.report.records, joined.report.records) == (9, 8)
    assert [str(r.location).replace(f"{tmp_path}/", "") for r in joined.report.renames] == [
        "renames.csv, row 2"
    ]


def test_problems_of_every_kind_in_every_file_come_in_one_run(tmp_path: Path) -> None:
    """A column missing from one snapshot, a status word the mapping does not map, a bad date,
    a key listed twice and an unreadable file: all listed at once, in file and row order."""
    mapping = TrackerMapping.from_toml(
        '[tracker]\nname = "Demo"\nvocabulary = "five-status"\n\n'
        '[columns]\nkey = "ID"\ntitle = "Pledge"\nstatus = "Status"\nstatus_date = "Rated"\n'
    )
    first = tmp_path / "demo-2021-01-01.csv"
    first.write_text("ID,Pledge,Status\na,A,Not started\n", encoding="utf-8")
    second = tmp_path / "demo-2021-02-01.csv"
    second.write_text(
        "ID,Pledge,Status,Rated\na,A,Done,2021-01-20\nb,B,Achieved,Smarch 2021\n"
        "b,B,Achieved,2021-01-22\n",
        encoding="utf-8",
    )
    third = tmp_path / "demo-2021-03-01.csv"
    third.write_bytes(b"ID,Pledge,Status,Rated\n\xff\n")
    with pytest.raises(ImportProblems) as error:
        import_records([third, second, first], mapping)
    assert [line.replace(f"{tmp_path}/", "") for line in error.value.lines] == [
        "demo-2021-01-01.csv, header, column 'Rated': the status_date column named in the"
        " mapping is not in the file; columns: 'ID', 'Pledge', 'Status' (map it under"
        " [columns.optional] if it came later)",
        "demo-2021-02-01.csv, row 2, column 'Status': 'Done' is not a status word in vocabulary"
        " 'five-status'; expected one of 'Not started', 'In progress', 'Achieved',"
        " 'Compromised', 'Broken'; map it under [statuses]",
        "demo-2021-02-01.csv, row 3, column 'Rated': 'Smarch 2021': 'Smarch' is not a month name",
        "demo-2021-02-01.csv, row 4, column 'ID': key 'b' is listed twice in this snapshot"
        " (first at demo-2021-02-01.csv, row 3); keep them apart by order with duplicate_keys ="
        ' "by-order" (--duplicate-keys by-order)',
        "demo-2021-03-01.csv: not UTF-8 text (byte 23)",
    ]


def test_mapping_checks_its_new_keys_all_at_once() -> None:
    """A key column named twice, an unknown optional role, a column both required and optional,
    a bad duplicate_keys choice, a bad default party and a renames value that is not a key: six
    lines, one run."""
    text = """
[tracker]
name = "Demo"
duplicate_keys = "merge"
default_parties = ["Council", 3]

[columns]
key = ["Ministry", "Ministry"]
title = "Promise"
status = "Status"

[columns.optional]
title = "Promise"
descripton = "Description"

[renames]
"old" = 7
"""
    with pytest.raises(ImportProblems) as error:
        TrackerMapping.from_toml(text, name="demo.toml")
    assert error.value.lines == [
        "demo.toml, [tracker] duplicate_keys: 'merge' is not allowed; expected one of refuse,"
        " by-order",
        "demo.toml, [tracker] default_parties: expected a non-empty string or list of them, got"
        " ['Council', 3]",
        "demo.toml, [renames] 'old': expected the new key as a string, got 7",
        "demo.toml, [columns] key: a column is named twice in ['Ministry', 'Ministry']",
        "demo.toml, [columns.optional] descripton: unknown key; expected one of id, title, text,"
        " party, category, date, due, status_date, sources, note, change_note",
        "demo.toml, [columns.optional] title: also in [columns]: name it in one of them",
    ]


def test_cli_suggest_renames_writes_a_renames_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``import --suggest-renames`` imports nothing and writes the pairs to check."""
    text = (RIVERTON / "riverton.toml").read_text(encoding="utf-8")
    mapping = tmp_path / "riverton.toml"
    mapping.write_text(text[: text.index("[renames]")], encoding="utf-8")
    out = tmp_path / "renames.csv"
    argv = ["import", *RIVERTON_SNAPSHOTS, "--mapping", str(mapping), "--suggest-renames"]
    assert main([*argv, "--out", str(out)]) == 0
    assert capsys.readouterr().err == (
        "1 likely rename: check them, then import with --renames FILE.csv\n"
    )
    lines = out.read_text(encoding="utf-8").replace(f"{RIVERTON}/", "").splitlines()
    assert lines == [
        "old,new,why",
        "Housing | Build 500 social homes,Housing | Build 500 affordable homes,"
        '"same URL https://example.org/riverton/homes; riverton-2017-05-09-evening.csv, row 3'
        ' -> riverton-2017-08-01.csv, row 3"',
    ]


def test_snapshots_given_in_any_order_give_the_same_ledger_bytes() -> None:
    """Snapshots are taken in date order whatever order they are named in: same bytes."""
    snapshots = sorted(TRACKERS.glob("exampleville-*.csv"))
    mapping = read_mapping(TRACKERS / "exampleville.toml")
    texts = {
        dumps(import_records(order, mapping).ledger) for order in itertools.permutations(snapshots)
    }
    assert len(texts) == 1


_WORDS = ("Not started", "In progress", "Achieved", "Compromised", "Broken")


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.dictionaries(st.sampled_from("abcdef"), st.sampled_from(_WORDS), min_size=1, max_size=6),
        min_size=1,
        max_size=5,
    )
)
def test_any_tracker_history_imports_and_each_snapshot_reads_back(
    snapshots: list[dict[str, str]],
) -> None:
    """Random snapshots of a five-status tracker (any moves, rows coming and going) always
    import, and each row's status is its record's status as of its snapshot's day."""
    mapping = TrackerMapping.from_toml(
        '[tracker]\nname = "Random"\nvocabulary = "five-status"\n\n'
        '[columns]\nkey = "ID"\ntitle = "ID"\nstatus = "Status"\n'
    )
    days = [dt.date(2020, 1, 1) + dt.timedelta(days=30 * n) for n in range(len(snapshots))]
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for day, rows in zip(days, snapshots, strict=True):
            path = Path(folder) / f"random-{day}.csv"
            lines = ["ID,Status", *(f"{key},{word}" for key, word in rows.items())]
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            paths.append(path)
        result = import_records(paths, mapping)
    ledger = result.ledger
    for day, rows in zip(days, snapshots, strict=True):
        for key, word in rows.items():
            assert ledger.status_as_of(key, day).status is mapping.vocabulary.status(word)
    last = set(snapshots[-1])
    assert {u.record for u in result.report.untracked} == set(ledger.commitments.ids()) - last
    changes = sum(
        sum(1 for a, b in itertools.pairwise(statuses) if a != b)
        for statuses in (
            [mapping.vocabulary.status(rows[key]) for rows in snapshots if key in rows]
            for key in ledger.commitments.ids()
        )
    )
    assert result.report.changes == changes
