"""The claimtrack command: exit codes, stderr lines, and the report on the bundled ledger."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimtrack.cli import main
from tests.test_errors import valid


def write(folder: Path, document: object) -> Path:
    """Write a ledger document and its archived text into ``folder``."""
    (folder / "a.txt").write_text(
        "Steps like fencing by Iran on its side of the border were agreed.", encoding="utf-8"
    )
    path = folder / "ledger.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


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
    rows = capsys.readouterr().out.splitlines()
    assert rows[0].startswith("id,agreement,category")
    assert rows[1].split(",")[4] == "announced"
    assert main(["report", "--ledger", str(path), "--as-of", "2018-12-31", "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[1].split(",")[4] == "in_progress"
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
