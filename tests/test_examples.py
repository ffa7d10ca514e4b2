"""Every example script runs as documented and prints what it claims to."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import claimtrack
from tests.conftest import ROOT

EXAMPLES = ROOT / "examples"


def run(name: str, *args: str) -> str:
    """Run an example in a fresh interpreter; fail with its stderr if it fails."""
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / name), *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_every_example_is_tested() -> None:
    """Each script in examples/ has a test below (keeps this file honest as examples grow)."""
    tested = {"quickstart.py", "record_what_happened.py", "build_a_ledger.py", "publish_report.py"}
    found = {path.name for path in EXAMPLES.glob("*.py")}
    assert tested <= found
    untested = found - tested - {"plot_timeline.py"}  # the plot example has its own test
    assert not untested, f"examples without a test: {sorted(untested)}"


def test_quickstart() -> None:
    """The quickstart prints the ledger summary, a GitHub status table and the scorecard."""
    out = run("quickstart.py")
    ledger = claimtrack.datasets.pakistan_iran()
    assert out.startswith(repr(ledger))
    assert "| c-hotline " in out
    assert "Scorecard as of 2018-07-31" in out
    assert "PolitiFact-style tally as of 2018-07-31" in out


def test_record_what_happened() -> None:
    """The lifecycle example refuses an unusual move without a reason, records one with a
    reason, and shows the demo moves."""
    out = run("record_what_happened.py")
    assert (
        "Refused, as it should be: moving 'c-hotline' from 'implemented' to 'announced' is"
        " unusual" in out
    )
    assert "Recorded with a reason, flagged unusual: c-hotline broken" in out
    assert "| 2019-05    | status   | c-hotline" in out
    assert "Bundled ledger, unchanged: c-hotline is announced" in out
    assert "Demo ledger: c-hotline is implemented since 2019-05-14" in out


def test_build_a_ledger(tmp_path: Path) -> None:
    """The build example saves a ledger that loads back and validates."""
    target = tmp_path / "demo.json"
    out = run("build_a_ledger.py", str(target))
    assert f"to {target}" in out
    ledger = claimtrack.load(target)
    assert [c.id for c in ledger.commitments] == ["c-demo-fence", "c-demo-hotline"]
    assert "| c-demo-hotline " in out and "| agr-demo-accord " in out and "overdue" in out


@pytest.mark.parametrize("folder", ["out"])
def test_publish_report(tmp_path: Path, folder: str) -> None:
    """The publication example writes a standalone HTML page and a Markdown table."""
    out = run("publish_report.py", str(tmp_path / folder))
    page = (tmp_path / folder / "report.html").read_text(encoding="utf-8")
    markdown = (tmp_path / folder / "status.md").read_text(encoding="utf-8")
    assert "report.html" in out and "status.md" in out
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page
    assert "http" not in page.split("<body>")[0]  # no external assets in the head
    assert "| c-hotline " in markdown
