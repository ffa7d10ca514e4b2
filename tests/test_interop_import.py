"""Importing trackers' records: snapshots to histories, mappings, vocabularies, located problems."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from claimtrack import (
    ClaimStatus,
    CommitmentStatus,
    PartialDate,
    Precision,
    Stance,
    loads,
)
from claimtrack.cli import main
from claimtrack.interop import (
    ImportProblems,
    Snapshot,
    TrackerMapping,
    import_records,
    read_mapping,
)
from claimtrack.interop.written_dates import read_date
from tests.conftest import FIXTURES

TRACKERS = FIXTURES / "trackers"
SNAPSHOTS = sorted(TRACKERS.glob("exampleville-*.csv"))
MAPPING = TRACKERS / "exampleville.toml"

C = CommitmentStatus

SMALL_MAPPING = """
[tracker]
name = "Demo tracker"
vocabulary = "five-status"

[columns]
key = "ID"
title = "Pledge"
status = "Status"
sources = "Sources"
"""


def rows_of(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV fixture as dictionaries."""
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    """Write rows (all with the same keys) as a CSV file."""
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def problems_of(error: pytest.ExceptionInfo[ImportProblems], folder: Path) -> list[str]:
    """The problem lines of an import error, with the temporary folder left out."""
    return [line.replace(f"{folder}/", "") for line in error.value.lines]


def test_fixture_snapshots_give_counts_and_history() -> None:
    """Three snapshots of the five-status tracker: 7 pledges, 3 of them first listed with a status
    other than announced, then 8 dated status changes between snapshots."""
    result = import_records(SNAPSHOTS, read_mapping(MAPPING))
    ledger, report = result.ledger, result.report
    assert ledger.commitments.ids() == [f"p-0{n}" for n in range(1, 8)]
    assert (report.records, report.changes, report.sources) == (7, 8, 16)
    assert report.first_statuses == (("announced", 4), ("implemented", 1), ("in_progress", 2))
    assert [len(ledger.history(c)) - 1 for c in ledger.commitments.ids()] == [2, 2, 2, 2, 1, 1, 1]
    assert (len(ledger.actors), len(ledger.evidence), len(ledger.claims)) == (5, 18, 0)
    assert [(n, str(d), rows) for n, d, rows in report.snapshots] == [
        (str(SNAPSHOTS[0]), "2021-01-15", 6),
        (str(SNAPSHOTS[1]), "2021-07-01", 6),
        (str(SNAPSHOTS[2]), "2022-01-10", 7),
    ]
    spending = ledger.history("p-03")
    assert [(str(c.date), c.status) for c in spending] == [
        ("2020-11-03", C.ANNOUNCED),
        ("2021-07-01", C.BROKEN),
        ("2021-11-20", C.IN_PROGRESS),
    ]
    assert spending[1].date.inferred == (
        "not given; first reported in Exampleville Council Pledge Tracker's snapshot of"
        " 2021-07-01 (the status was 'Not started' in its snapshot of 2021-01-15)"
    )
    assert spending[2].date.inferred is None  # the row's "Updated" date


def test_dates_keep_the_precision_the_tracker_gave() -> None:
    """'2020' stays a year, '2021-03' a month; status as of a day follows the as-of rule."""
    ledger = import_records(SNAPSHOTS, read_mapping(MAPPING)).ledger
    library = ledger.commitments["p-04"]
    assert library.made == PartialDate(2020)
    assert library.obligors == ("culture-office", "finance-office")
    trees = ledger.commitments["p-02"]
    assert trees.history[1].date.precision is Precision.MONTH
    assert str(trees.due) == "2022" and trees.category == "environment"
    assert ledger.status_as_of("p-01", "2021-06-13").status is C.IN_PROGRESS
    assert ledger.status_as_of("p-01", "2021-06-14").status is C.IMPLEMENTED
    assert ledger.status_as_of("p-02", "2021-03-30").status is C.ANNOUNCED  # month not yet over
    assert trees.text == "Plant 1,000 street trees"
    assert trees.note == "Along the ring road and in school grounds; 600 planted by December 2021."


def test_rows_that_come_and_go_are_reported_and_kept() -> None:
    """P-05 disappears then comes back, P-07 appears later; none is dropped."""
    report = import_records(SNAPSHOTS, read_mapping(MAPPING)).report
    assert [(p.key, p.change, str(p.snapshot)) for p in report.appeared] == [
        ("P-07", "appeared", "2021-07-01"),
        ("P-05", "appeared", "2022-01-10"),
    ]
    assert [(p.key, p.change, str(p.snapshot)) for p in report.disappeared] == [
        ("P-05", "disappeared", "2021-07-01")
    ]
    assert str(report.appeared[0]) == f"{SNAPSHOTS[1]}, row 7: 'P-07' (p-07) appeared on 2021-07-01"
    assert report.lines()[1] == "7 records, 8 status changes, 16 sources"


def test_a_row_gone_from_the_last_snapshot_keeps_its_history_and_says_so(tmp_path: Path) -> None:
    """Dropping P-07 from the last snapshot keeps its record, marked untracked since then."""
    last = [row for row in rows_of(SNAPSHOTS[2]) if row["ID"] != "P-07"]
    files = [*SNAPSHOTS[:2], write_csv(tmp_path / "exampleville-2022-01-10.csv", last)]
    result = import_records(files, read_mapping(MAPPING))
    record = result.ledger.commitments["p-07"]
    assert [c.status for c in record.history] == [C.ANNOUNCED]
    assert record.untracked == PartialDate(2022, 1, 10)
    assert record.note is None
    assert [p.key for p in result.report.disappeared] == ["P-05", "P-07"]
    assert [str(u) for u in result.report.untracked] == [
        f"'P-07' (p-07) no longer tracked since 2022-01-10; last listed at {SNAPSHOTS[1]}, row 7"
    ]


def test_source_urls_become_unanchored_evidence_with_the_tracker_as_source() -> None:
    """Each URL is a source; each change cites the snapshot and the row's URLs, unquoted."""
    ledger = import_records(SNAPSHOTS, read_mapping(MAPPING)).ledger
    assert all(not evidence.anchored for evidence in ledger.evidence)
    kept = ledger.history("p-01")[2]
    assert kept.evidence == (
        "ev-exampleville-council-pledge-tracker-2021-07-01-supports",
        "ev-example-org-exampleville-news-night-bus-trial-supports",
        "ev-example-org-exampleville-news-night-bus-launch-supports",
    )
    snapshot = ledger.sources["src-exampleville-council-pledge-tracker-2021-07-01"]
    assert (snapshot.kind.value, str(snapshot.published)) == ("dataset", "2021-07-01")
    assert snapshot.url == "https://example.org/exampleville/pledges"
    broken = ledger.history("p-05")[1]
    assert {ledger.evidence[e].stance for e in broken.evidence} == {Stance.CONTRADICTS}
    library = ledger.sources["src-example-org-exampleville-minutes-2021-01"]
    assert library.url == "https://example.org/exampleville/minutes/2021-01"


def test_json_and_json_lines_give_the_same_records_as_csv(tmp_path: Path) -> None:
    """The same snapshots as a JSON list (lists for parties and URLs) and JSON Lines."""
    from_csv = import_records(SNAPSHOTS, read_mapping(MAPPING)).ledger
    json_files, jsonl_files = [], []
    for path in SNAPSHOTS:
        rows = rows_of(path)
        as_lists = [
            {
                **row,
                "Responsible": row["Responsible"].split("; "),
                "Sources": row["Sources"].split(),
            }
            for row in rows
        ]
        json_path = tmp_path / path.with_suffix(".json").name
        json_path.write_text(json.dumps(as_lists), encoding="utf-8")
        json_files.append(json_path)
        lines_path = tmp_path / path.with_suffix(".jsonl").name
        lines_path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
        jsonl_files.append(lines_path)
    for files in (json_files, jsonl_files):
        ledger = import_records(files, read_mapping(MAPPING)).ledger
        assert list(ledger.commitments) == list(from_csv.commitments)
        assert list(ledger.evidence) == list(from_csv.evidence)


def test_unmapped_status_words_are_listed_with_their_rows(tmp_path: Path) -> None:
    """Every unknown word is named once, at its first row, with how many more rows use it."""
    rows = [
        {"ID": "a", "Pledge": "A", "Status": "Done", "Sources": ""},
        {"ID": "b", "Pledge": "B", "Status": "Done", "Sources": ""},
        {"ID": "c", "Pledge": "C", "Status": "Acheived", "Sources": ""},
        {"ID": "d", "Pledge": "D", "Status": "In progress", "Sources": ""},
    ]
    path = write_csv(tmp_path / "demo-2021-01-01.csv", rows)
    with pytest.raises(ImportProblems) as error:
        import_records([path], TrackerMapping.from_toml(SMALL_MAPPING))
    assert problems_of(error, tmp_path) == [
        "demo-2021-01-01.csv, row 2, column 'Status': 'Done' is not a status word in vocabulary"
        " 'five-status'; expected one of 'Not started', 'In progress', 'Achieved', 'Compromised',"
        " 'Broken' (and 1 more rows); map it under [statuses]",
        "demo-2021-01-01.csv, row 4, column 'Status': 'Acheived' is not a status word in"
        " vocabulary 'five-status'; did you mean 'Achieved'?; map it under [statuses]",
    ]


def test_the_mapping_adds_its_own_words(tmp_path: Path) -> None:
    """Words under [statuses] extend the vocabulary: 'On hold' reads as stalled."""
    rows = [{"ID": "a", "Pledge": "A", "Status": "On hold", "Sources": ""}]
    path = write_csv(tmp_path / "demo-2021-01-01.csv", rows)
    mapping = TrackerMapping.from_toml(SMALL_MAPPING + '\n[statuses]\n"On hold" = "stalled"\n')
    ledger = import_records([path], mapping).ledger
    assert [c.status for c in ledger.history("a")] == [C.ANNOUNCED, C.STALLED]
    assert mapping.vocabulary.status("achieved") is C.IMPLEMENTED


def test_an_unusual_move_is_recorded_with_a_reason_naming_file_row_and_statuses(
    tmp_path: Path,
) -> None:
    """Achieved, then Not started: kept as the tracker gave it, never a reason to stop."""
    first = write_csv(
        tmp_path / "d-2021-01-01.csv",
        [{"ID": "a", "Pledge": "A", "Status": "Achieved", "Sources": ""}],
    )
    second = write_csv(
        tmp_path / "d-2021-02-01.csv",
        [{"ID": "a", "Pledge": "A", "Status": "Not started", "Sources": ""}],
    )
    result = import_records([second, first], TrackerMapping.from_toml(SMALL_MAPPING))
    history = result.ledger.history("a")
    assert [c.status for c in history] == [C.ANNOUNCED, C.IMPLEMENTED, C.ANNOUNCED]
    assert history[2].note == (
        "Unusual move, recorded as Demo tracker gave it: Status 'Achieved' (implemented) at"
        " d-2021-01-01.csv, row 2 (2021-01-01), then 'Not started' (announced) at"
        " d-2021-02-01.csv, row 2 (2021-02-01)."
    )
    assert [line.replace(f"{tmp_path}/", "") for line in result.report.lines()[2:5]] == [
        "first statuses: 1 implemented",
        "1 unusual move:",
        "  d-2021-02-01.csv, row 2: 'a' (a) moved from 'Achieved' to 'Not started': unusual,"
        " recorded with its reason",
    ]


def test_row_problems_are_all_reported_with_file_row_and_column(tmp_path: Path) -> None:
    """Duplicate and empty keys, bad dates, non-URLs: one located line each, all at once."""
    mapping = TrackerMapping.from_toml(
        SMALL_MAPPING.replace('status = "Status"', 'status = "Status"\ndate = "Made"')
    )
    rows = [
        {"ID": "a", "Pledge": "A", "Status": "Not started", "Sources": "", "Made": "03/04/2021"},
        {"ID": "a", "Pledge": "A", "Status": "Not started", "Sources": "", "Made": ""},
        {"ID": "", "Pledge": "B", "Status": "Not started", "Sources": "", "Made": ""},
        {"ID": "c", "Pledge": "C", "Status": "", "Sources": "see minutes", "Made": "Smarch 2021"},
    ]
    path = write_csv(tmp_path / "demo-2021-05-01.csv", rows)
    with pytest.raises(ImportProblems) as error:
        import_records([path], mapping)
    assert problems_of(error, tmp_path) == [
        "demo-2021-05-01.csv, row 2, column 'Made': '03/04/2021' is ambiguous (day/month or"
        " month/day?); write it as YYYY-MM-DD",
        "demo-2021-05-01.csv, row 3, column 'ID': key 'a' is listed twice in this snapshot"
        " (first at demo-2021-05-01.csv, row 2); keep them apart by order with duplicate_keys ="
        ' "by-order" (--duplicate-keys by-order)',
        "demo-2021-05-01.csv, row 4, column 'ID': empty key; every row needs one",
        "demo-2021-05-01.csv, row 5, column 'Made': 'Smarch 2021': 'Smarch' is not a month name",
        "demo-2021-05-01.csv, row 5, column 'Sources': 'see' is not a URL (scheme://...)",
        "demo-2021-05-01.csv, row 5, column 'Sources': 'minutes' is not a URL (scheme://...)",
        "demo-2021-05-01.csv, row 5, column 'Status': empty status",
    ]


def test_mapping_problems_are_listed_with_their_place() -> None:
    """Unknown keys get a 'did you mean', bad values the allowed ones; all reported at once."""
    text = """
[tracker]
name = "Demo"
vocabulary = "politifakt"
party_kind = "ministry"

[columns]
key = "ID"
titel = "Pledge"

[statuses]
"Done" = "complete"
"""
    with pytest.raises(ImportProblems) as error:
        TrackerMapping.from_toml(text, name="demo.toml")
    assert error.value.lines == [
        "demo.toml, [columns] titel: unknown key; did you mean 'title'?",
        "demo.toml, [tracker] party_kind: 'ministry' is not allowed; expected one of state,"
        " government, armed_force, agency, office, person, group, organisation, media, other",
        "demo.toml, [columns] status: required: the column that holds it",
        "demo.toml, [columns]: map 'title' or 'text': the column saying what was pledged",
        "demo.toml, [tracker] vocabulary: no status vocabulary named 'politifakt'; did you mean"
        " 'politifact'?",
        "demo.toml, [statuses] 'Done': 'complete' is not a status; expected one of announced,"
        " in_progress, partially_implemented, implemented, stalled, broken, reversed,"
        " superseded, unverifiable",
    ]
    assert str(error.value).startswith("invalid mapping (6 problems):")


def test_mapped_columns_must_be_in_the_file(tmp_path: Path) -> None:
    """A column the mapping names but the file lacks is reported with the file's columns."""
    path = write_csv(
        tmp_path / "demo-2021-01-01.csv", [{"ID": "a", "Title": "A", "Status": "Achieved"}]
    )
    with pytest.raises(ImportProblems) as error:
        import_records([path], TrackerMapping.from_toml(SMALL_MAPPING))
    assert problems_of(error, tmp_path) == [
        "demo-2021-01-01.csv, header, column 'Pledge': the title column named in the mapping is"
        " not in the file; columns: 'ID', 'Title', 'Status' (map it under [columns.optional] if"
        " it came later)",
        "demo-2021-01-01.csv, header, column 'Sources': the sources column named in the mapping"
        " is not in the file; columns: 'ID', 'Title', 'Status' (map it under [columns.optional]"
        " if it came later)",
    ]


def test_snapshot_dates_come_from_the_name_or_the_argument() -> None:
    """'FILE@DATE' wins; otherwise a YYYY-MM(-DD) in the file name; otherwise undated."""
    assert Snapshot.from_argument("t.csv@2021-03").date == PartialDate(2021, 3)
    assert Snapshot.from_argument("dir/t-2021-03-04.csv").date == PartialDate(2021, 3, 4)
    assert Snapshot.from_argument("me@host/t.csv").date is None
    assert Snapshot.from_argument("t-20210304.csv").date is None


def test_several_snapshots_need_dates(tmp_path: Path) -> None:
    """Undated snapshots cannot be ordered: each one is reported."""
    rows = [{"ID": "a", "Pledge": "A", "Status": "Achieved", "Sources": ""}]
    one, two = write_csv(tmp_path / "one.csv", rows), write_csv(tmp_path / "two.csv", rows)
    with pytest.raises(ImportProblems) as error:
        import_records([one, two], TrackerMapping.from_toml(SMALL_MAPPING))
    assert len(error.value.problems) == 2
    assert "no snapshot date" in error.value.lines[0]


def test_one_undated_snapshot_uses_the_rows_own_dates(tmp_path: Path) -> None:
    """Without a snapshot date, the status date column dates each change, at its precision."""
    mapping = TrackerMapping.from_toml(
        SMALL_MAPPING.replace('status = "Status"', 'status = "Status"\nstatus_date = "Rated"')
    )
    rows = [{"ID": "a", "Pledge": "A", "Status": "Broken", "Sources": "", "Rated": "March 2021"}]
    ledger = import_records([write_csv(tmp_path / "t.csv", rows)], mapping).ledger
    assert [(str(c.date), c.status) for c in ledger.history("a")] == [
        ("2021-03", C.ANNOUNCED),
        ("2021-03", C.BROKEN),
    ]


def test_claims_import_with_the_mappings_own_words(tmp_path: Path) -> None:
    """A fact-check sheet becomes claims: claimants from the party column, ratings as statuses."""
    text = """
[tracker]
name = "Demo fact checks"
records = "claims"
claim_kind = "assessment"
party_kind = "person"

[columns]
key = "URL"
text = "Claim"
party = "Speaker"
status = "Rating"

[statuses]
"True" = "corroborated"
"False" = "refuted"
"""
    rows = [
        {
            "URL": "https://example.org/check/1",
            "Claim": "X",
            "Speaker": "A. Person",
            "Rating": "False",
        },
        {
            "URL": "https://example.org/check/2",
            "Claim": "Y",
            "Speaker": "A. Person",
            "Rating": "unverified",
        },
    ]
    path = write_csv(tmp_path / "checks-2022-02-02.csv", rows)
    ledger = import_records([path], TrackerMapping.from_toml(text)).ledger
    assert ledger.claims.ids() == ["example-org-check-1", "example-org-check-2"]
    refuted = ledger.claims["example-org-check-1"]
    assert refuted.claimants == ("a-person",) and refuted.kind.value == "assessment"
    assert [c.status for c in refuted.history] == [ClaimStatus.UNVERIFIED, ClaimStatus.REFUTED]
    assert {ledger.evidence[e].stance for e in refuted.history[1].evidence} == {Stance.CONTRADICTS}
    assert len(ledger.commitments) == 0


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("2021", "2021"),
        ("2021-03", "2021-03"),
        ("2021-03-04~", "2021-03-04~"),
        ("2021/3/4", "2021-03-04"),
        ("2021-03-04T10:00:00Z", "2021-03-04"),
        ("March 2021", "2021-03"),
        ("Sept. 2021", "2021-09"),
        ("4 March 2021", "2021-03-04"),
        ("March 4th, 2021", "2021-03-04"),
    ],
)
def test_written_dates_keep_their_precision(text: str, edtf: str) -> None:
    """Common written forms read at exactly the precision they give."""
    assert read_date(text).edtf == edtf


def test_impossible_written_dates_are_refused() -> None:
    """February has no 30th, whichever way it is written."""
    for text in ("2021-02-30", "30 February 2021"):
        with pytest.raises(ValueError, match="no day 30"):
            read_date(text)


def test_cli_import_writes_the_ledger_and_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`claimtrack import` writes a loadable ledger and prints the counts and comings/goings."""
    out = tmp_path / "exampleville.json"
    argv = ["import", *map(str, SNAPSHOTS), "--mapping", str(MAPPING), "--out", str(out)]
    assert main(argv) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[1] == "7 records, 8 status changes, 16 sources"
    assert printed[-1] == f"wrote {out}"
    assert len(loads(out.read_text(encoding="utf-8")).commitments) == 7


def test_cli_import_reports_problems_one_per_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Unmapped words exit 1 with located lines on stderr; no ledger is written."""
    path = write_csv(
        tmp_path / "demo-2021-01-01.csv",
        [{"ID": "a", "Pledge": "A", "Status": "Done", "Sources": ""}],
    )
    mapping = tmp_path / "demo.toml"
    mapping.write_text(SMALL_MAPPING, encoding="utf-8")
    out = tmp_path / "out.json"
    assert main(["import", str(path), "--mapping", str(mapping), "--out", str(out)]) == 1
    error = capsys.readouterr().err.splitlines()
    assert error == [
        f"{path}, row 2, column 'Status': 'Done' is not a status word in vocabulary"
        " 'five-status'; expected one of 'Not started', 'In progress', 'Achieved', 'Compromised',"
        " 'Broken'; map it under [statuses]"
    ]
    assert not out.exists()
    assert main(["import", str(path)]) == 2


def test_a_status_date_left_unchanged_is_not_believed(tmp_path: Path) -> None:
    """Status moved but 'Rated' still shows the old day: the change takes the snapshot's date."""
    mapping = TrackerMapping.from_toml(
        SMALL_MAPPING.replace('status = "Status"', 'status = "Status"\nstatus_date = "Rated"')
    )
    row = {"ID": "a", "Pledge": "A", "Sources": "", "Rated": "2021-01-05"}
    first = write_csv(tmp_path / "d-2021-01-10.csv", [{**row, "Status": "In progress"}])
    second = write_csv(tmp_path / "d-2021-04-01.csv", [{**row, "Status": "Achieved"}])
    history = import_records([first, second], mapping).ledger.history("a")
    assert [(str(c.date), c.status) for c in history] == [
        ("2021-01-05", C.ANNOUNCED),
        ("2021-01-05", C.IN_PROGRESS),
        ("2021-04-01", C.IMPLEMENTED),
    ]
    assert history[2].date.inferred == (
        "'Rated' still said 2021-01-05 when the status changed; first reported in Demo tracker's"
        " snapshot of 2021-04-01 (the status was 'In progress' in its snapshot of 2021-01-10)"
    )
