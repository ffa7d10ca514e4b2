"""Tables on the command line: every filter works or says why not, tables fit the terminal,
colour only on a terminal, data formats are plain and typed."""

from __future__ import annotations

import csv
import io
import json

import pytest

import claimtrack
from claimtrack.cli import main
from claimtrack.report import claim_table, scorecard, status_table, timeline
from claimtrack.report.fit import fit, terminal_width, wants_colour

LEDGER = claimtrack.datasets.pakistan_iran()
AS_OF = "2018-07-31"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of one command (argparse's exits included)."""
    try:
        code = main(argv)
    except SystemExit as exit_:
        code = int(str(exit_.code))
    out, err = capsys.readouterr()
    return code, out, err


def records(argv: list[str], capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    code, out, err = run([*argv, "--format", "json"], capsys)
    assert code == 0, err
    found: list[dict[str, object]] = json.loads(out)
    return found


# -- silent wrong answers that are now right answers or usage errors -----------------------


def test_claims_status_filter_filters(capsys: pytest.CaptureFixture[str]) -> None:
    """``--claims --status disputed`` lists only disputed claims (it listed all 75)."""
    every = records(["report", "--claims", "--as-of", "2019-12-31"], capsys)
    disputed = records(
        ["report", "--claims", "--status", "disputed", "--as-of", "2019-12-31"], capsys
    )
    assert len(disputed) < len(every)
    assert {row["status"] for row in disputed} <= {"disputed"}
    expected = [row["id"] for row in every if row["status"] == "disputed"]
    assert [row["id"] for row in disputed] == expected


def test_claims_columns_and_sort_apply(capsys: pytest.CaptureFixture[str]) -> None:
    """``--claims --columns`` and ``--sort`` shape the claims table (they were ignored)."""
    rows = records(
        ["report", "--claims", "--columns", "kind,id", "--sort", "kind", "--as-of", AS_OF], capsys
    )
    assert list(rows[0]) == ["kind", "id"]
    kinds = [row["kind"] for row in rows]
    assert kinds == sorted(kinds) and len(set(kinds)) > 1


@pytest.mark.parametrize("option", ["--category", "--agreement"])
def test_claims_refuse_commitment_filters(option: str, capsys: pytest.CaptureFixture[str]) -> None:
    """``--claims --category X`` is a usage error saying claims have none (it was ignored)."""
    code, out, err = run(["report", "--claims", option, "x"], capsys)
    assert code == 2 and out == ""
    assert f"{option} filters commitments; claims have no {option[2:]}" in err


def test_claims_status_of_the_wrong_kind(capsys: pytest.CaptureFixture[str]) -> None:
    """A commitment status with --claims is refused, listing the claim statuses."""
    code, _, err = run(["report", "--claims", "--status", "implemented"], capsys)
    assert code == 2
    assert "'implemented' is not a status; expected one of unverified, corroborated" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["report", "--agreement", "agr-tehran-border-steps"],
            "no agreement with id 'agr-tehran-border-steps'; did you mean"
            " 'agr-tehran-border-steps-2017'?",
        ),
        (["report", "--actor", "irann"], "no actor with id 'irann'; did you mean 'iran'?"),
        (["report", "--claims", "--actor", "pakistn"], "did you mean 'pakistan'?"),
        (["report", "--category", "fence"], "no category with id 'fence'"),
        (["report", "--category", "fencng"], "did you mean 'fencing'?"),
        (["evidence", "c-hotlin"], "did you mean 'c-hotline'?"),
        (["report", "--status", "implemnted"], "did you mean 'implemented'?"),
        (["report", "--columns", "id,stauts"], "did you mean 'status'?"),
    ],
)
def test_unknown_names_are_usage_errors(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unknown agreement, actor, category, id, status or column exits 2 and names the
    closest one (it printed an empty table with exit 0)."""
    code, out, err = run(argv, capsys)
    assert (code, out) == (2, "")
    assert message in err and "Traceback" not in err


def test_diff_from_after_to_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """``diff --from 2018 --to 2017`` says the range is backwards (it was empty, exit 0)."""
    code, out, err = run(["diff", "--from", "2018", "--to", "2017"], capsys)
    assert (code, out) == (2, "")
    assert "--from 2018-12-31 is after --to 2017-12-31" in err


def test_diff_library_refuses_a_backwards_range() -> None:
    """The library raises ReversedRange for the same mistake."""
    from claimtrack.errors import ReversedRange
    from claimtrack.report import diff

    with pytest.raises(ReversedRange, match="is after the end"):
        diff(LEDGER, "2018", "2017")


def test_every_table_takes_columns(capsys: pytest.CaptureFixture[str]) -> None:
    """``--columns`` works on every table command, by header or key."""
    for argv, columns in [
        (["timeline"], "date,what"),
        (["diff", "--from", "2017", "--to", "2018"], "change,item"),
        (["evidence", "c-hotline"], "grade,quote"),
        (["confidence"], "id,strongest_grade"),
        (["recurrence"], "pledges,status-now"),
        (["scorecard", "--by", "agreement"], "group,pam_score"),
    ]:
        rows = records([*argv, "--columns", columns], capsys)
        date_parts = ("_precision", "_qualifier", "_inferred")
        assert rows and len([k for k in rows[0] if not k.endswith(date_parts)]) == 2, argv


def test_help_lists_column_names(capsys: pytest.CaptureFixture[str]) -> None:
    """Each table command's --help names the columns --columns takes."""
    with pytest.raises(SystemExit):
        main(["report", "--help"])
    out = capsys.readouterr().out
    for key in ("pledge", "latest_evidence", "claimant", "responsible"):
        assert key in out


# -- terminal tables ----------------------------------------------------------------------


@pytest.mark.parametrize("width", [80, 100, 140])
def test_tables_fit_the_width(width: int) -> None:
    """Every report's terminal table fits the width it is given."""
    for table in (
        status_table(LEDGER, AS_OF),
        claim_table(LEDGER, AS_OF),
        timeline(LEDGER, AS_OF),
        *scorecard(LEDGER, AS_OF, by="agreement").tables(),
    ):
        text = fit(table, "simple", width=width)
        assert max(len(line) for line in text.splitlines()) <= width, table.title


def test_columns_env_sets_the_width(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """$COLUMNS widens the table; below 80 it still gets 80."""
    monkeypatch.setenv("COLUMNS", "40")
    assert terminal_width() == 80
    _, narrow, _ = run(["report", "--as-of", AS_OF], capsys)
    monkeypatch.setenv("COLUMNS", "160")
    _, wide, _ = run(["report", "--as-of", AS_OF], capsys)
    assert max(map(len, narrow.splitlines())) <= 80 < max(map(len, wide.splitlines())) <= 160


def test_wide_shows_every_column(capsys: pytest.CaptureFixture[str]) -> None:
    """By default the id column is left out for the pledge text; --wide shows it."""
    _, default, _ = run(["report", "--as-of", AS_OF], capsys)
    _, wide, _ = run(["report", "--as-of", AS_OF, "--wide"], capsys)
    assert "c-hotline" not in default and "Establish hotline" in default
    assert "c-hotline" in wide and "agr-tehran-border-steps-2017" in wide


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_without_no_color() -> None:
    """Colour on a terminal; none when NO_COLOR is set, TERM is dumb, or output is piped."""
    assert wants_colour(Terminal(), {})
    assert not wants_colour(Terminal(), {"NO_COLOR": "1"})
    assert not wants_colour(Terminal(), {"TERM": "dumb"})
    assert not wants_colour(io.StringIO(), {})
    coloured = fit(status_table(LEDGER, AS_OF), "simple", colour=True)
    assert "\x1b[34min_progress\x1b[0m" in coloured
    plain = fit(status_table(LEDGER, AS_OF), "simple")
    assert "\x1b" not in plain


def test_piped_output_has_no_colour(capsys: pytest.CaptureFixture[str]) -> None:
    """Printed to a pipe (as under pytest), the report carries no escape codes."""
    _, out, _ = run(["report", "--as-of", AS_OF], capsys)
    assert "\x1b" not in out and "in_progress" in out


# -- data formats -------------------------------------------------------------------------


def test_tsv_is_plain(capsys: pytest.CaptureFixture[str]) -> None:
    """TSV: one header row, tab-separated, no padding, no title line."""
    code, out, _ = run(["report", "--as-of", AS_OF, "--format", "tsv"], capsys)
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith("id\tpledge\tagreement\t")
    widths = {len(line.split("\t")) for line in lines}
    assert widths == {len(lines[0].split("\t"))}
    assert not any(cell != cell.strip() for line in lines for cell in line.split("\t"))


def test_json_is_typed(capsys: pytest.CaptureFixture[str]) -> None:
    """JSON numbers are numbers, empty is null, dates are ISO with precision apart."""
    row = records(["report", "--as-of", AS_OF, "--sort", "id"], capsys)[0]
    assert row["pam"] == 0 and row["since"] == "2018-07"
    assert row["since_precision"] == "month" and row["since_qualifier"] == "uncertain"
    assert isinstance(row["since_inferred"], str) and row["flags"] == []
    card = records(["scorecard", "--as-of", AS_OF], capsys)[0]
    assert card["pam_score"] == pytest.approx(6.1) and card["commitments"] == 11


def test_scorecard_data_has_every_table(capsys: pytest.CaptureFixture[str]) -> None:
    """Scorecard CSV and JSON carry the scores, the per-status counts and the tally."""
    code, out, _ = run(["scorecard", "--as-of", AS_OF, "--format", "csv"], capsys)
    header = next(csv.reader(io.StringIO(out)))
    assert code == 0
    assert {"pam_score", "l3_share", "in_progress", "politifact_in_the_works"} <= set(header)


def test_excel_csv_has_bom_and_crlf(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    """--excel: UTF-8 with a byte-order mark and CRLF line ends."""
    assert main(["report", "--as-of", AS_OF, "--excel"]) == 0
    out = capsysbinary.readouterr().out
    assert out.startswith(b"\xef\xbb\xbfid,pledge,")
    assert out.count(b"\r\n") == out.count(b"\n") > 1


def test_excel_with_another_format_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    """--excel writes CSV: with --format json it is a usage error."""
    code, _, err = run(["report", "--excel", "--format", "json"], capsys)
    assert code == 2 and "--excel writes CSV" in err


def test_to_records_and_to_pandas() -> None:
    """to_records gives typed dicts; to_pandas proper dtypes (dates as datetime64)."""
    pandas = pytest.importorskip("pandas")
    table = status_table(LEDGER, AS_OF)
    first = table.to_records()[0]
    assert first["pam"] == 0 and first["since_precision"] == "month"
    frame = table.to_pandas()
    assert str(frame["pam"].dtype) == "Int64"
    assert pandas.api.types.is_datetime64_any_dtype(frame["since"])
    assert str(frame["since_precision"].dtype) == "category"
    assert frame.loc[0, "since"] == pandas.Timestamp("2018-07-01")
    card = scorecard(LEDGER, AS_OF).to_pandas()
    assert str(card["pam_score"].dtype) == "Float64"
    assert scorecard(LEDGER, AS_OF).to_records()[0]["politifact_in_the_works"] == 2


def test_pandas_is_imported_only_when_asked() -> None:
    """Importing claimtrack and rendering reports never imports pandas."""
    import subprocess
    import sys

    code = (
        "import sys, claimtrack; from claimtrack.report import status_table;"
        "status_table(claimtrack.datasets.pakistan_iran(), '2018').render('json');"
        "print('pandas' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
