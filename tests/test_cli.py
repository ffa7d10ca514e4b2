"""The claimtrack command: exit codes, stderr lines, and the report on the bundled ledger."""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimtrack.cli import main, parser
from tests.ledgers import valid, write


def test_validate_ok(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A valid ledger with verified quotes exits 0 and says what it checked."""
    path = write(tmp_path, valid())
    assert main(["validate", "--ledger", str(path)]) == 0
    assert (
        "valid; 1 commitments, 0 claims, 1 of 1 evidence quotes verified" in capsys.readouterr().out
    )


def test_validate_invalid_prints_one_line_per_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An invalid ledger exits 1 with one 'file: path: message' line per problem, no traceback."""
    document = valid()
    document["actors"][0]["kind"] = "country"
    document["commitments"][0]["obligors"] = ["irn"]
    path = write(tmp_path, document)
    assert main(["validate", "--ledger", str(path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1  # the format error stops before integrity checks run
    assert err[0].startswith(f"{path}: $.actors[0].kind: 'country' is not an actor kind")


def test_validate_quote_not_found(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A quote missing from the archived text fails validation."""
    document = valid()
    document["evidence"][0]["quote"]["exact"] = "fencing by Iran"
    document["evidence"][0]["quote"]["suffix"] = " everywhere"
    path = write(tmp_path, document)
    assert main(["validate", "--ledger", str(path)]) == 1
    assert capsys.readouterr().err == (
        f"{path}: $.evidence[0].quote: quote 'fencing by Iran' not found with its prefix/suffix"
        " in source 'src-a'\n"
    )


def test_validate_sources_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--sources points at another folder of archived texts; a missing text is a problem."""
    path = write(tmp_path, valid())
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["validate", "--ledger", str(path), "--sources", str(empty)]) == 1
    assert "$.sources[0].text: cannot read archived text" in capsys.readouterr().err


def test_missing_ledger_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A ledger path that does not exist is one clear line, exit 1."""
    assert main(["report", "--ledger", str(tmp_path / "nope.json")]) == 1
    assert capsys.readouterr().err.startswith("claimtrack: cannot read ledger")


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown format or a malformed date is a usage error (exit 2)."""
    with pytest.raises(SystemExit) as caught:
        main(["report", "--format", "nope"])
    assert caught.value.code == 2
    assert "unknown format 'nope'; expected one of" in capsys.readouterr().err
    with pytest.raises(SystemExit) as caught:
        main(["report", "--as-of", "31/07/2018"])
    assert caught.value.code == 2


def test_report_as_of_filters_by_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The report shows the status in effect on the as-of day, and nothing not yet pledged."""
    path = write(tmp_path, valid())
    assert main(["report", "--ledger", str(path), "--as-of", "2017-12-31", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("id,pledge,agreement,category")
    assert next(csv.DictReader(io.StringIO(out)))["status"] == "announced"
    assert main(["report", "--ledger", str(path), "--as-of", "2018-12-31", "--format", "csv"]) == 0
    assert next(csv.DictReader(io.StringIO(capsys.readouterr().out)))["status"] == "in_progress"
    assert main(["report", "--ledger", str(path), "--as-of", "2017-10-31", "--format", "csv"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1  # the header only


def test_python_dash_m() -> None:
    """``python -m claimtrack`` runs the same commands."""
    done = subprocess.run(
        [sys.executable, "-m", "claimtrack", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout.startswith("claimtrack ")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["scorecard", "--as-of", "2018-07-31"], "PolitiFact-style tally as of 2018-07-31"),
        (["scorecard", "--by", "category", "--format", "csv"], "group,commitments,scored"),
        (["timeline", "--as-of", "2017-12-31", "--wide"], "evt-bajwa-tehran-visit-2017"),
        (["diff", "--from", "2017-12-31", "--to", "2018-07-31", "--wide"], "c-bajwa-offer"),
        (["evidence", "c-hotline", "--format", "github"], "| evidence "),
        (["confidence", "--as-of", "2018-07-31"], "strongest"),
        (["recurrence", "--as-of", "2018-07-31"], "implemented"),
        (
            ["report", "--claims", "--as-of", "2018-07-31", "--format", "tsv"],
            "cl-iran-alleges-militants",
        ),
        (["report", "--columns", "id,status", "--sort", "status"], "c-hotline"),
        (["export", "--to", "json", "--as-of", "2018-07-31"], '"id": "c-hotline"'),
    ],
)
def test_every_report_command(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each report command runs on the bundled ledger and prints what it is for."""
    assert main(argv) == 0
    assert expected in capsys.readouterr().out


def test_export_html_to_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``export --to html --out`` writes one standalone page."""
    out = tmp_path / "report.html"
    assert main(["export", "--to", "html", "--out", str(out), "--as-of", "2018-07-31"]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "c-hotline" in page


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["report", "--columns", "id,colour"], "unknown column 'colour'; expected one of id,"),
        (["report", "--status", "done"], "'done' is not a status; expected one of announced,"),
        (["evidence", "c-hotlne"], "no commitment or claim with id 'c-hotlne'"),
    ],
)
def test_report_mistakes(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Bad columns, statuses and unknown ids are usage errors (2), one line each."""
    try:
        code = main(argv)
    except SystemExit as exit_:
        code = int(str(exit_.code))
    err = capsys.readouterr().err
    assert message in err
    assert code == 2
    assert "Traceback" not in err


def _command_names() -> list[str]:
    """Every subcommand the parser knows, read from the parser itself."""
    commands = next(
        action for action in parser()._actions if isinstance(action, argparse._SubParsersAction)
    )
    return sorted(commands.choices)


def test_every_command_is_listed_in_help(capsys: pytest.CaptureFixture[str]) -> None:
    """``claimtrack --help`` names every subcommand (and there are at least the original 15)."""
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    names = _command_names()
    assert len(names) >= 15
    assert all(name in out for name in names)


@pytest.mark.parametrize("command", _command_names())
def test_help_shows_an_example(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Every command's --help exits 0 and ends with an example of that command."""
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.split("Example:\n  ", 1)[1].split()[:2] == ["claimtrack", command]


def test_export_annotations_anchors_quotes_in_the_texts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Web Annotations from the CLI carry prefix and suffix read from the archived texts; when
    the texts cannot be read, each is a note on stderr and the export still succeeds."""
    assert main(["export", "--to", "annotations"]) == 0
    annotations = json.loads(capsys.readouterr().out)
    selectors = [a["target"]["selector"] for a in annotations]
    assert all(s["type"] == "TextQuoteSelector" for s in selectors)
    # A quote at the very start or end of its article has no prefix or no suffix; none has neither.
    assert all(s.get("prefix") or s.get("suffix") for s in selectors)
    assert sum(1 for s in selectors if "prefix" in s and "suffix" in s) > len(selectors) // 2
    assert main(["export", "--to", "annotations", "--sources", str(tmp_path)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and all(line.startswith("claimtrack: note: $.sources[") for line in err)


def _csv_rows(argv: list[str], capsys: pytest.CaptureFixture[str]) -> list[dict[str, str]]:
    assert main([*argv, "--format", "csv"]) == 0
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


def test_report_sort_orders_the_rows(capsys: pytest.CaptureFixture[str]) -> None:
    """``--sort status`` puts the rows in status order, ties by id; without it they are by id,
    which here is a different order (so the test sees the sort, not the default)."""
    base = ["report", "--as-of", "2018-07-31", "--columns", "id,status"]
    default = [(row["status"], row["id"]) for row in _csv_rows(base, capsys)]
    by_status = [
        (row["status"], row["id"]) for row in _csv_rows([*base, "--sort", "status"], capsys)
    ]
    assert by_status == sorted(default)
    assert by_status != default
    assert [item_id for _, item_id in default] == sorted(item_id for _, item_id in default)


def test_texts_is_the_text_folder_option_everywhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """validate, coverage and export take ``--texts`` like the in-place updates; the old name
    ``--sources`` still works."""
    path = write(tmp_path, valid())
    empty = tmp_path / "empty"
    empty.mkdir()
    for option in ("--texts", "--sources"):
        assert main(["validate", "--ledger", str(path), option, str(tmp_path)]) == 0
        assert main(["validate", "--ledger", str(path), option, str(empty)]) == 1
    capsys.readouterr()
    for command in ("validate", "coverage", "export"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        assert "--texts DIR" in capsys.readouterr().out


def test_example_picks_a_bundled_ledger(capsys: pytest.CaptureFixture[str]) -> None:
    """``--example NAME`` reads a bundled ledger in any report; unknown names are usage errors."""
    assert (
        main(
            [
                "report",
                "--example",
                "pakistan-iran-monitor",
                "--as-of",
                "2024-12-31",
                "--format",
                "json",
                "--columns",
                "id",
            ]
        )
        == 0
    )
    ids = {row["id"] for row in json.loads(capsys.readouterr().out)}
    assert "c-liaison-officers" in ids
    assert (
        main(["report", "--example", "pakistan-iran", "--format", "json", "--columns", "id"]) == 0
    )
    seed_ids = {row["id"] for row in json.loads(capsys.readouterr().out)}
    assert seed_ids < ids
    with pytest.raises(SystemExit) as exit_info:
        main(["scorecard", "--example", "nope"])
    assert exit_info.value.code == 2
    assert "the examples are: pakistan-iran, pakistan-iran-monitor" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["report", "--example", "pakistan-iran", "--ledger", "x.json"])
    assert "not allowed with argument --example" in capsys.readouterr().err
